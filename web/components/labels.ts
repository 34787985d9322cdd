// Labels of the shared vocabularies (platforms, calls, applications) and names in the viewer's language,
// for every feature.
import type { TFunction } from 'i18next';
import { APPLICATION_STATE_LABELS, type ApplicationState } from '../../common/applications.js';
import {
  CALL_STATE_LABELS,
  type CallEffectiveState,
  COST_CATEGORY_LABELS,
  type CostCategory,
  CRITERION_LABELS,
  type Criterion,
} from '../../common/calls.js';
import { ELIGIBILITY_RULE_LABELS, type EligibilityRuleKind } from '../../common/eligibility.js';
import type {
  CommitteeCategory,
  FundingSource,
  RatingDimension,
  StaffPosition,
  UnitKind,
} from '../../common/platforms.js';
import type { PlatformModel } from '../../common/roles.js';
import { tk } from '../i18n/index.js';

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
// A committee member's category. antd draws a tag of a custom colour as that colour on a 95%-light tint of
// it, which needs 4.5:1 (axe): the 700 shades of blue, teal and orange (5.8, 5.2 and 4.6:1; the 600
// shades were 4.5, 3.5 and 3.2:1).
export const CATEGORY_COLORS: Record<CommitteeCategory, string> = {
  academic: '#1d4ed8',
  lab: '#0f766e',
  industry: '#c2410c',
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

// The English labels of common/calls.ts and common/applications.ts, marked for the catalog
// (labels.unit.test.ts keeps them equal to the shared ones).

export const CALL_STATES_SHOWN: Record<CallEffectiveState, string> = {
  draft: tk('Draft'),
  upcoming: tk('Upcoming'),
  open: tk('Open'),
  closed: tk('Closed'),
  reviewing: tk('Under review'),
  decided: tk('Decided'),
  archived: tk('Archived'),
};

export const CALL_STATE_COLORS: Record<CallEffectiveState, string> = {
  draft: 'default',
  upcoming: 'blue',
  open: 'green',
  closed: 'orange',
  reviewing: 'purple',
  decided: 'cyan',
  archived: 'default',
};

export const APPLICATION_STATES_SHOWN: Record<ApplicationState, string> = {
  draft: tk('Draft'),
  submitted: tk('Submitted'),
  screening: tk('Screening'),
  returned: tk('Returned for correction'),
  rejected: tk('Not accepted'),
  in_review: tk('In review'),
  approved: tk('Approved'),
  waitlisted: tk('Waitlisted'),
  declined: tk('application.declined'),
  withdrawn: tk('Withdrawn'),
};

export const APPLICATION_STATE_COLORS: Record<ApplicationState, string> = {
  draft: 'default',
  submitted: 'blue',
  screening: 'geekblue',
  returned: 'orange',
  rejected: 'red',
  in_review: 'purple',
  approved: 'green',
  waitlisted: 'gold',
  declined: 'volcano',
  withdrawn: 'default',
};

export const COST_CATEGORIES_SHOWN: Record<CostCategory, string> = {
  equipment: tk('Equipment'),
  materials: tk('Materials'),
  testing: tk('Testing and processing'),
  fuel_power: tk('Fuel and power'),
  travel_meetings: tk('Travel, meetings and international exchange'),
  publication_ip: tk('Publication, documentation and IP'),
  labour: tk('Labour'),
  expert_consulting: tk('Expert consulting'),
  indirect: tk('Indirect costs'),
  other: tk('Other'),
};

export const CRITERIA_SHOWN: Record<Criterion, string> = {
  technical_value: tk('Technical value'),
  implementation: tk('Implementation effectiveness'),
  impact: tk('Actual impact'),
  commercialisation: tk('Commercialisation potential'),
  economic_benefit: tk('Expected economic benefit'),
};

export const RULE_LABELS: Record<EligibilityRuleKind, string> = {
  lead_org_types: tk('Lead organisation types'),
  member_org_types: tk('Member organisation types'),
  min_consortium_size: tk('Minimum consortium size'),
  must_include_enterprise: tk('Must include an enterprise'),
  min_sme_share: tk('Minimum SME share'),
  within_ceiling: tk('Within the per-project ceiling'),
  min_cofunding_ratio: tk('Minimum co-funding ratio'),
};

/** For labels.unit.test.ts: the shared English labels these must equal. */
export const SHARED_LABELS = {
  CALL_STATE_LABELS,
  APPLICATION_STATE_LABELS,
  COST_CATEGORY_LABELS,
  CRITERION_LABELS,
  ELIGIBILITY_RULE_LABELS,
};

/** A bilingual record's text in the viewer's language, falling back to the other one. */
export const pick = (zh: string | null | undefined, en: string | null | undefined, locale: string) =>
  (locale === 'zh-CN' ? (zh ?? en) : (en ?? zh)) ?? '';
