import { Alert, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type ReviewCall, reviewRunsApi } from '../../api/review-runs.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { pick } from '../../components/labels.js';
import { CallStateTag } from '../../components/StateTags.js';
import { WIDE } from '../../components/tables.js';
import { errorText } from '../../i18n/errors.js';

/** /review: the calls of the officer's platforms with applications in review, reviewing or decided. */
export default function ReviewCallsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const calls = useApi(() => reviewRunsApi.calls(), []);
  if (calls.error) return <Alert type="error" showIcon title={errorText(t, calls.error)} />;
  return (
    <Table<ReviewCall>
      scroll={WIDE}
      rowKey="id"
      loading={calls.loading}
      dataSource={calls.data?.items ?? []}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      data-testid="review-calls"
      locale={{ emptyText: t('No call has applications in review yet') }}
      columns={[
        { title: t('Code'), render: (_, c) => c.code },
        {
          title: t('Call'),
          render: (_, c) => <Link to={`/review/${c.id}`}>{pick(c.titleZh, c.titleEn, locale)}</Link>,
        },
        {
          title: t('State'),
          render: (_, c) => <CallStateTag state={c.state as Parameters<typeof CallStateTag>[0]['state']} />,
        },
        { title: t('In review'), align: 'right', render: (_, c) => c.inReview },
        { title: t('Seats'), align: 'right', render: (_, c) => c.seats },
      ]}
    />
  );
}
