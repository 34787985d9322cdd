/**
 * The model of the analytics' indicators (DOMAIN.md §9, docs/analytics.md): their groups, ids and the
 * shape of a definition and of the list behind a figure. The definitions are in analytics.activity.ts
 * (inputs and activity) and analytics.outputs.ts (outputs and outcomes); common/analytics.ts gathers them.
 */

export const INDICATOR_GROUPS = ['inputs', 'activity', 'outputs', 'outcomes'] as const;
export type IndicatorGroup = (typeof INDICATOR_GROUPS)[number];
export const INDICATOR_GROUP_NAMES: Record<IndicatorGroup, { zh: string; en: string }> = {
  inputs: { zh: '投入', en: 'Inputs' },
  activity: { zh: '活动', en: 'Activity' },
  outputs: { zh: '产出', en: 'Outputs' },
  outcomes: { zh: '成效', en: 'Outcomes' },
};

export const INDICATOR_IDS = [
  'funding',
  'calls_opened',
  'applications_submitted',
  'applications_approved',
  'success_rate',
  'service_requests',
  'projects_by_state',
  'results_published',
  'disclosures',
  'patent_applications',
  'patents_granted',
  'licences_executed',
  'licence_income',
  'enterprises_served',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

export interface IndicatorDef {
  id: IndicatorId;
  group: IndicatorGroup;
  nameZh: string;
  nameEn: string;
  definitionZh: string;
  definitionEn: string;
  /** count · money (minor units of the answer's currency) · ratio (0–1) */
  unit: 'count' | 'money' | 'ratio';
  /** Whether the figure exists for one unit of a platform (a call or the platform's funding does not). */
  byUnit: boolean;
  /**
   * Whether the figure can be cut by technology field (a field with its sub-fields): the records carry
   * fields. Funding is the platform's, and a service request's fields are its service's list, so those
   * are not cut.
   */
  byField: boolean;
  /** 'years': a flow per report year; 'now': a stock as it stands today. */
  over: 'years' | 'now';
  /** Keys of the breakdown, when the figure has one. */
  parts?: readonly string[];
  /** The web list behind a figure, opened with the same filters; null when no list shows the records. */
  drill: Drill | null;
}

/**
 * How a figure's list is opened: the list's own query parameters for the platform, the unit, the
 * breakdown key and the period (report years as year numbers, or as the dates bounding them on the
 * figure's calendar or fiscal basis), plus fixed ones (a figure of published results opens the
 * published ones). The list then answers exactly the records the figure counts (analytics.drill.test).
 */
export interface Drill {
  path: string;
  platform: string;
  unit?: string;
  part?: string;
  years?: readonly [string, string];
  dates?: readonly [string, string];
  fixed?: Readonly<Record<string, string>>;
}
