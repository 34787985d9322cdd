import type { TFunction } from 'i18next';
import type {
  CommitteeCategory,
  FundingSource,
  RatingDimension,
  StaffPosition,
  UnitKind,
} from '../../../common/platforms.js';
import type { PlatformModel } from '../../../common/roles.js';
import { tk } from '../../i18n/index.js';

// The English labels of common/platforms.ts, marked for the catalog (labels.unit.test.ts keeps them equal).

export const RATING_LABELS: Record<RatingDimension, string> = {
  funding: tk('Funding'),
  rd: tk('R&D capacity'),
  management: tk('Management'),
};

export const FUNDING_SOURCE_LABELS: Record<FundingSource, string> = {
  appropriation: tk('Appropriation'),
  social_capital: tk('Social capital'),
  member_dues: tk('Member dues'),
  service_income: tk('Service income'),
  licence_income: tk('Licence income'),
};

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  laboratory: tk('Laboratory'),
  center: tk('Center'),
  office: tk('Office'),
};

export const STAFF_POSITION_LABELS: Record<StaffPosition, string> = {
  director: tk('Director'),
  researcher: tk('Researcher'),
  engineer: tk('Engineer'),
  technician: tk('Technician'),
  administrator: tk('Administrator'),
};

export const COMMITTEE_CATEGORY_LABELS: Record<CommitteeCategory, string> = {
  academic: tk('Leading academic researcher'),
  lab: tk('Key-laboratory manager or researcher'),
  industry: tk('Industry representative'),
};

/** The tag colour of each construction model. */
export const MODEL_COLORS: Record<PlatformModel, string> = {
  gov_institute: 'blue',
  ppp_program: 'green',
  tech_alliance: 'purple',
};

/** One colour per funding source and per committee category, the same in every chart. */
export const SOURCE_COLORS: Record<FundingSource, string> = {
  appropriation: '#1d4ed8',
  social_capital: '#0e9f6e',
  member_dues: '#d97706',
  service_income: '#7c3aed',
  licence_income: '#db2777',
};
export const CATEGORY_COLORS: Record<CommitteeCategory, string> = {
  academic: '#2563eb',
  lab: '#0d9488',
  industry: '#ea580c',
};

export const MONTHS = [
  tk('January'),
  tk('February'),
  tk('March'),
  tk('April'),
  tk('May'),
  tk('June'),
  tk('July'),
  tk('August'),
  tk('September'),
  tk('October'),
  tk('November'),
  tk('December'),
] as const;

export const monthLabel = (t: TFunction, month: number): string => t(MONTHS[month - 1] ?? String(month));

/** A bilingual record's name in the viewer's language, falling back to the other language. */
export function localName(
  r: { nameZh?: string | null; nameEn?: string | null } | null | undefined,
  locale: string,
): string {
  if (!r) return '—';
  const first = locale === 'zh-CN' ? r.nameZh : r.nameEn;
  return first || r.nameZh || r.nameEn || '—';
}

/** A short platform name for chart axes and legends: long English names give way to the code. */
export function chartName(p: { code: string; nameZh: string; nameEn: string }, locale: string): string {
  if (locale === 'zh-CN') return p.nameZh;
  return p.nameEn.length <= 24 ? p.nameEn : p.code;
}
