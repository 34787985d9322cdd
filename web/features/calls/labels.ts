import { APPLICATION_STATE_LABELS, type ApplicationState } from '../../../common/applications.js';
import {
  CALL_STATE_LABELS,
  type CallEffectiveState,
  COST_CATEGORY_LABELS,
  type CostCategory,
  CRITERION_LABELS,
  type Criterion,
} from '../../../common/calls.js';
import { ELIGIBILITY_RULE_LABELS, type EligibilityRuleKind } from '../../../common/eligibility.js';
import { tk } from '../../i18n/index.js';

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
  declined: tk('Declined'),
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
