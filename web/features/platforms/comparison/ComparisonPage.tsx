import { Link } from 'react-router-dom';
import { useLocale } from '../../../app/locale.js';
import { localName } from '../../../components/labels.js';
import { ComparisonView } from './ComparisonView.js';

/** /comparison in the signed-in shell: names lead to the platforms' pages. */
export default function ComparisonPage() {
  const { locale } = useLocale();
  return <ComparisonView linkOf={(p) => <Link to={`/platforms/${p.id}`}>{localName(p, locale)}</Link>} />;
}
