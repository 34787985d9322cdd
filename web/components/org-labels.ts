import type { TFunction } from 'i18next';
import type { DuplicateReason, EnterpriseSize, OrgType } from '../api/types.js';
import { tk } from '../i18n/index.js';

export const ORG_TYPES: readonly OrgType[] = ['enterprise', 'university', 'institute', 'government', 'other'];
export const ENTERPRISE_SIZES: readonly EnterpriseSize[] = ['large', 'sme'];

export const ORG_TYPE_LABELS: Record<OrgType, string> = {
  enterprise: tk('Enterprise'),
  university: tk('University'),
  institute: tk('Research institute'),
  government: tk('Government'),
  other: tk('Other'),
};

export const SIZE_LABELS: Record<EnterpriseSize, string> = {
  large: tk('Large enterprise'),
  sme: tk('SME'),
};

export const REASON_LABELS: Record<DuplicateReason, string> = {
  same_name: tk('Same name'),
  same_english_name: tk('Same English name'),
  similar_name: tk('Near-identical names'),
  same_registry_id: tk('Same registry id'),
};

// Columns that point at an organisation (server/modules/orgs/orgs.references.ts), in words.
const REFERENCE_LABELS: Record<string, string> = {
  'people.organisation_id': tk('People'),
  'committee_members.organisation_id': tk('Committee members'),
  'projects.lead_org_id': tk('Projects it leads'),
  'agreements.partner_org_id': tk('Agreements it is party to'),
  'applications.lead_org_id': tk('Applications it leads'),
  'application_members.organisation_id': tk('Places in application consortia'),
  'application_budget_lines.organisation_id': tk('Application budget lines'),
  'application_invitations.organisation_id': tk('Invitations to application consortia'),
  'expert_output_collaborators.organisation_id': tk('Partners in outputs of experts'),
  'expert_declared_conflicts.organisation_id': tk('Conflicts declared by experts'),
  'application_avoid_requests.organisation_id': tk('Avoidance requests of applicants'),
  'project_members.organisation_id': tk('Places in project consortia'),
  'project_budget_lines.organisation_id': tk('Project budget lines'),
  'project_spending.organisation_id': tk('Project spending entries'),
  'service_requests.organisation_id': tk('Service requests made'),
  'instrument_bookings.organisation_id': tk('Instrument bookings made'),
  'vouchers.organisation_id': tk('Innovation vouchers applied for'),
  'needs.organisation_id': tk('Technology needs posted'),
  'organisations.merged_into_id': tk('Organisations merged into it'),
};

export const referenceLabel = (t: TFunction, key: string): string => {
  const english = REFERENCE_LABELS[key];
  return english ? t(english) : key;
};

/** The name to show: Chinese in Chinese, the English one (when there is one) in English. */
export const orgName = (o: { nameZh: string; nameEn: string | null }, locale: string): string =>
  locale === 'zh-CN' ? o.nameZh : (o.nameEn ?? o.nameZh);

/** The other-language name, shown under the main one. */
export const orgAltName = (o: { nameZh: string; nameEn: string | null }, locale: string): string | null =>
  locale === 'zh-CN' ? o.nameEn : o.nameEn ? o.nameZh : null;

const regionNames = new Map<string, Intl.DisplayNames>();

/** A country's name in the UI language, e.g. "美国" for US. */
export function countryName(code: string, locale: string): string {
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region' });
    regionNames.set(locale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

// Codes the browser names that are not countries or regions (EU, UN, pseudo-locales, "unknown region").
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);

/** Every ISO 3166-1 alpha-2 code the browser can name, sorted by name in the UI language. */
export function countryOptions(locale: string): { value: string; label: string }[] {
  const out: { value: string; label: string }[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = countryName(code, locale);
      if (name !== code && !NOT_COUNTRIES.has(code)) out.push({ value: code, label: `${name} (${code})` });
    }
  }
  return out.sort((x, y) => x.label.localeCompare(y.label, locale));
}
