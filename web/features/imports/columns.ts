import type { TFunction } from 'i18next';
import { COMMITTEE_CATEGORY_LABELS } from '../../../common/platforms.js';
import type { ImportKindName } from '../../api/types.js';
import { countryName, ORG_TYPE_LABELS, SIZE_LABELS } from '../../components/org-labels.js';
import { SPENDING_LABELS } from '../../components/project-detail-labels.js';
import { tk } from '../../i18n/index.js';

/** A column of an import file: its key in the preview and in row errors (columnKey), and its label. */
export interface FileColumn {
  key: string;
  label: string;
}

// The columns of the server's templates (server/modules/imports/kinds/*), in their order.
const PERSON: FileColumn[] = [
  { key: 'name_zh', label: tk('Full name') },
  { key: 'name_en', label: tk('English name') },
  { key: 'title', label: tk('person.title') },
  { key: 'email', label: tk('Email') },
  { key: 'phone', label: tk('Phone') },
  { key: 'organisation', label: tk('Organisation') },
  { key: 'organisation_credit_code', label: tk('Organisation credit code') },
];

export const FILE_COLUMNS: Record<ImportKindName, FileColumn[]> = {
  organisations: [
    { key: 'name_zh', label: tk('Name') },
    { key: 'name_en', label: tk('English name') },
    { key: 'type', label: tk('Type') },
    { key: 'enterprise_size', label: tk('Enterprise size') },
    { key: 'credit_code', label: tk('Unified social credit code') },
    { key: 'registry_id', label: tk('Other registry id') },
    { key: 'country', label: tk('Country or region') },
    { key: 'address', label: tk('Address') },
    { key: 'contact_name', label: tk('Contact person') },
    { key: 'contact_phone', label: tk('Phone') },
    { key: 'contact_email', label: tk('Email') },
    { key: 'website', label: tk('Website') },
  ],
  people: PERSON,
  committee: [
    { key: 'person_id', label: tk('Person ID') },
    ...PERSON,
    { key: 'category', label: tk('Category') },
    { key: 'term_start', label: tk('Term start') },
    { key: 'term_end', label: tk('Term end') },
    { key: 'appointed_by', label: tk('Appointed by') },
    { key: 'fields', label: tk('Technology fields') },
  ],
  experts: [
    ...PERSON.filter((c) =>
      ['name_zh', 'name_en', 'email', 'organisation', 'organisation_credit_code'].includes(c.key),
    ),
    { key: 'category', label: tk('Category') },
    { key: 'fields', label: tk('Technology fields') },
    { key: 'expertise_zh', label: tk('Expertise (Chinese)') },
    { key: 'expertise_en', label: tk('Expertise (English)') },
    { key: 'load_max', label: tk('Load limit') },
  ],
  spending: [
    { key: 'organisation', label: tk('Member') },
    { key: 'cost_category', label: tk('Cost category') },
    { key: 'spent_on', label: tk('Date') },
    { key: 'amount', label: tk('Amount') },
    { key: 'description', label: tk('Spending description') },
    { key: 'evidence_ref', label: tk('Evidence reference') },
  ],
};

// The preview shows values as they would be stored: enumerations as codes, shown here by their labels.
const VALUE_LABELS: Record<string, Record<string, string>> = {
  type: ORG_TYPE_LABELS,
  enterprise_size: SIZE_LABELS,
  category: COMMITTEE_CATEGORY_LABELS,
  cost_category: SPENDING_LABELS,
};

/** Integer minor units (fen) as the file's main unit with two decimals: 100050 → 1,000.50. */
export const minorText = (minor: number, locale: string) =>
  (minor / 100).toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function cellText(
  t: TFunction,
  key: string,
  value: string | null | undefined,
  locale: string,
): string {
  if (!value) return '';
  if (key === 'country') return countryName(value, locale);
  if (key === 'amount' && /^\d+$/.test(value)) return minorText(Number(value), locale);
  const english = VALUE_LABELS[key]?.[value];
  return english ? t(english) : value;
}
