/**
 * Enums of platforms, units, staff and the evaluation committee (DOMAIN.md §1), shared by server and web.
 * English labels double as i18n keys (ARCHITECTURE.md convention 8).
 */
import type { PlatformModel } from './roles.js';

export const PLATFORM_MODEL_LABELS: Record<PlatformModel, string> = {
  gov_institute: 'Government research institute',
  ppp_program: 'Public–private research program',
  tech_alliance: 'Technology alliance',
};

/** Government participation is rated 0–3 on each dimension. */
export const RATING_DIMENSIONS = ['funding', 'rd', 'management'] as const;
export type RatingDimension = (typeof RATING_DIMENSIONS)[number];
export const RATING_LABELS: Record<RatingDimension, string> = {
  funding: 'Funding',
  rd: 'R&D capacity',
  management: 'Management',
};
export const RATING_MAX = 3;

export const FUNDING_SOURCES = [
  'appropriation',
  'social_capital',
  'member_dues',
  'service_income',
  'licence_income',
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];
export const FUNDING_SOURCE_LABELS: Record<FundingSource, string> = {
  appropriation: 'Appropriation',
  social_capital: 'Social capital',
  member_dues: 'Member dues',
  service_income: 'Service income',
  licence_income: 'Licence income',
};

export const UNIT_KINDS = ['laboratory', 'center', 'office'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  laboratory: 'Laboratory',
  center: 'Center',
  office: 'Office',
};

export const STAFF_POSITIONS = ['director', 'researcher', 'engineer', 'technician', 'administrator'] as const;
export type StaffPosition = (typeof STAFF_POSITIONS)[number];
export const STAFF_POSITION_LABELS: Record<StaffPosition, string> = {
  director: 'Director',
  researcher: 'Researcher',
  engineer: 'Engineer',
  technician: 'Technician',
  administrator: 'Administrator',
};

export const COMMITTEE_CATEGORIES = ['academic', 'lab', 'industry'] as const;
export type CommitteeCategory = (typeof COMMITTEE_CATEGORIES)[number];
export const COMMITTEE_CATEGORY_LABELS: Record<CommitteeCategory, string> = {
  academic: 'Leading academic researcher',
  lab: 'Key-laboratory manager or researcher',
  industry: 'Industry representative',
};

const currencyList = (): readonly string[] => {
  try {
    return Intl.supportedValuesOf('currency');
  } catch {
    return [];
  }
};
const CURRENCIES = new Set(currencyList());

/** True for an ISO 4217 currency code the runtime knows (CNY, USD, EUR, JPY…). */
export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && (CURRENCIES.size === 0 || CURRENCIES.has(code));
}

/** Digits after the decimal point of a currency's minor unit (JPY 0, USD 2): amounts are stored in minor units. */
export function currencyDigits(code: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}
