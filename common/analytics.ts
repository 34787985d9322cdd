/**
 * The indicators of the analytics (DOMAIN.md §9, docs/analytics.md), each defined once: its group, its
 * names and definition in both languages, its unit, whether it can be cut by unit and over years, its
 * breakdown and the list of records behind a figure. The server computes them, the web draws them and
 * the exports print the same definitions beside every figure.
 */

import { FUNDING_SOURCES } from './platforms.js';
import { PROJECT_STATES } from './projects.js';
import { yearBounds } from './report-years.js';
import { RESULT_TYPES } from './results.js';

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

const def = (d: IndicatorDef) => d;

export const INDICATORS: Record<IndicatorId, IndicatorDef> = {
  funding: def({
    id: 'funding',
    group: 'inputs',
    nameZh: '经费投入（按来源）',
    nameEn: 'Funding by source',
    definitionZh:
      '平台登记的年度经费，按来源（财政拨款、社会资本、会员费、服务收入、许可收入）分列；年份为平台登记的年份，金额按存储汇率折算为所选币种。',
    definitionEn:
      "The platform's recorded yearly funding by source (appropriation, social capital, member dues, service income, licence income); years as recorded by the platform, amounts converted to the chosen currency with the stored rates.",
    unit: 'money',
    byUnit: false,
    byField: false,
    over: 'years',
    parts: FUNDING_SOURCES,
    drill: null,
  }),
  calls_opened: def({
    id: 'calls_opened',
    group: 'activity',
    nameZh: '发布指南数',
    nameEn: 'Calls opened',
    definitionZh: '开始受理日期落在该年度内的已发布指南数（草稿不计）。',
    definitionEn: 'Calls whose opening date falls in the year (drafts never opened and are not counted).',
    unit: 'count',
    byUnit: false,
    byField: true,
    over: 'years',
    drill: { path: '/calls', platform: 'platform', dates: ['openedFrom', 'openedTo'] },
  }),
  applications_submitted: def({
    id: 'applications_submitted',
    group: 'activity',
    nameZh: '申报数',
    nameEn: 'Applications submitted',
    definitionZh: '提交日期落在该年度内的申报书数（按首次提交计，含之后被退回、撤回或未立项的）。',
    definitionEn: 'Applications first submitted in the year, whatever became of them afterwards.',
    unit: 'count',
    byUnit: false,
    byField: true,
    over: 'years',
    drill: { path: '/screening', platform: 'platform', dates: ['submittedFrom', 'submittedTo'] },
  }),
  applications_approved: def({
    id: 'applications_approved',
    group: 'activity',
    nameZh: '立项数',
    nameEn: 'Applications approved',
    definitionZh: '该年度提交、现已立项的申报书数。',
    definitionEn: 'Applications submitted in the year that are now approved (funded).',
    unit: 'count',
    byUnit: false,
    byField: true,
    over: 'years',
    drill: {
      path: '/screening',
      platform: 'platform',
      dates: ['submittedFrom', 'submittedTo'],
      fixed: { state: 'approved' },
    },
  }),
  success_rate: def({
    id: 'success_rate',
    group: 'activity',
    nameZh: '立项率',
    nameEn: 'Success rate',
    definitionZh: '立项数 ÷ 申报数（同一提交年度）；无申报的年度不计算。',
    definitionEn:
      'Applications approved ÷ applications submitted, by year of submission; none when nothing was submitted.',
    unit: 'ratio',
    byUnit: false,
    byField: true,
    over: 'years',
    drill: null,
  }),
  service_requests: def({
    id: 'service_requests',
    group: 'activity',
    nameZh: '服务委托数',
    nameEn: 'Service requests',
    definitionZh: '企业在该年度提交的检测、咨询等服务委托数。',
    definitionEn: 'Service requests (testing, consulting and the like) enterprises submitted in the year.',
    unit: 'count',
    byUnit: true,
    byField: false,
    over: 'years',
    drill: {
      path: '/services/queue',
      platform: 'platform',
      unit: 'unitId',
      dates: ['createdFrom', 'createdTo'],
      fixed: { view: 'all' },
    },
  }),
  projects_by_state: def({
    id: 'projects_by_state',
    group: 'activity',
    nameZh: '项目（按状态）',
    nameEn: 'Projects by state',
    definitionZh: '平台（或单位）当前的项目数，按项目状态分列；为当前存量，不按年度。',
    definitionEn: 'Projects of the platform (or unit) as they stand today, by state; a stock, not per year.',
    unit: 'count',
    byUnit: true,
    byField: true,
    over: 'now',
    parts: PROJECT_STATES,
    drill: { path: '/projects', platform: 'platform', unit: 'unitId', part: 'state' },
  }),
  results_published: def({
    id: 'results_published',
    group: 'outputs',
    nameZh: '成果（按类型）',
    nameEn: 'Results by type',
    definitionZh:
      '成果年份落在该年度内的已发布成果数，按类型（技术、论文、标准、标准物质、软件、数据集）分列；成果只记年份，按日历年计。',
    definitionEn:
      'Published results whose year falls in the year, by type (technology, publication, standard, reference material, software, dataset); a result carries a calendar year only.',
    unit: 'count',
    byUnit: true,
    byField: true,
    over: 'years',
    parts: RESULT_TYPES,
    drill: {
      path: '/results',
      platform: 'platformId',
      unit: 'unitId',
      part: 'type',
      years: ['yearFrom', 'yearTo'],
      fixed: { state: 'published' },
    },
  }),
  disclosures: def({
    id: 'disclosures',
    group: 'outputs',
    nameZh: '发明披露',
    nameEn: 'Invention disclosures',
    definitionZh: '收到日期落在该年度内的发明披露数。',
    definitionEn: 'Invention disclosures received in the year.',
    unit: 'count',
    byUnit: true,
    byField: true,
    over: 'years',
    drill: {
      path: '/techtransfer/ip',
      platform: 'platform',
      dates: ['from', 'to'],
      fixed: { tab: 'disclosures' },
    },
  }),
  patent_applications: def({
    id: 'patent_applications',
    group: 'outputs',
    nameZh: '专利申请',
    nameEn: 'Patent applications',
    definitionZh: '申请日落在该年度内的专利申请数（各法域分别计）。',
    definitionEn: 'Patent applications filed in the year (each jurisdiction counted).',
    unit: 'count',
    byUnit: true,
    byField: true,
    over: 'years',
    drill: {
      path: '/techtransfer/ip',
      platform: 'platform',
      dates: ['from', 'to'],
      fixed: { tab: 'filings' },
    },
  }),
  patents_granted: def({
    id: 'patents_granted',
    group: 'outputs',
    nameZh: '专利授权',
    nameEn: 'Patents granted',
    definitionZh: '授权日落在该年度内的专利数。',
    definitionEn: 'Patents granted in the year.',
    unit: 'count',
    byUnit: true,
    byField: true,
    over: 'years',
    drill: {
      path: '/techtransfer/ip',
      platform: 'platform',
      dates: ['grantedFrom', 'grantedTo'],
      fixed: { tab: 'filings' },
    },
  }),
  licences_executed: def({
    id: 'licences_executed',
    group: 'outcomes',
    nameZh: '新签许可',
    nameEn: 'Licences executed',
    definitionZh: '签署日期落在该年度内的许可合同数。',
    definitionEn: 'Licence agreements executed in the year.',
    unit: 'count',
    byUnit: true,
    byField: true,
    over: 'years',
    drill: {
      path: '/techtransfer/agreements',
      platform: 'platform',
      dates: ['executedFrom', 'executedTo'],
      fixed: { kind: 'licence' },
    },
  }),
  licence_income: def({
    id: 'licence_income',
    group: 'outcomes',
    nameZh: '许可收入',
    nameEn: 'Licence income',
    definitionZh:
      '该年度收到的许可与期权款项（入门费、提成、里程碑等），按收款年度的存储汇率折算为所选币种。',
    definitionEn:
      'Money received in the year under licences and options (fees, royalties, milestones…), converted to the chosen currency with the stored rate of the year received.',
    unit: 'money',
    byUnit: true,
    byField: true,
    over: 'years',
    drill: null,
  }),
  enterprises_served: def({
    id: 'enterprises_served',
    group: 'outcomes',
    nameZh: '服务企业数',
    nameEn: 'Enterprises served',
    definitionZh: '该年度交付了服务的不同企业数（同一企业一年只计一次）。',
    definitionEn: 'Distinct enterprises whose service request was delivered in the year (each once a year).',
    unit: 'count',
    byUnit: true,
    byField: false,
    over: 'years',
    drill: null,
  }),
};

/**
 * A drill-down target: the web route and its query string, the list's own filter parameters. `years`
 * are the report years of the figure (one year, or the whole period for a total); `startMonth` is the
 * basis the figure was cut on (1: calendar years; else the platform's fiscal year).
 */
export function drillLink(
  id: IndicatorId,
  at: {
    platformId: string;
    unitId?: string | null;
    years: readonly [number, number];
    startMonth: number;
    part?: string;
  },
): string | null {
  const d = INDICATORS[id].drill;
  // A unit's figure opens only a list that can be cut to the unit; the platform's list would hold more.
  if (!d || (at.unitId && !d.unit)) return null;
  const q = new URLSearchParams();
  q.set(d.platform, at.platformId);
  if (d.unit && at.unitId) q.set(d.unit, at.unitId);
  if (d.part && at.part) q.set(d.part, at.part);
  if (d.years) {
    q.set(d.years[0], String(at.years[0]));
    q.set(d.years[1], String(at.years[1]));
  }
  if (d.dates) {
    q.set(d.dates[0], yearBounds(at.years[0], at.startMonth).startDate);
    q.set(d.dates[1], yearBounds(at.years[1], at.startMonth).endDate);
  }
  for (const [k, v] of Object.entries(d.fixed ?? {})) q.set(k, v);
  return `${d.path}?${q.toString()}`;
}

/** The role dashboards: which indicators each shows, in order (docs/analytics.md). */
export const DASHBOARDS = ['supervisor', 'platform', 'program', 'transfer', 'unit'] as const;
export type Dashboard = (typeof DASHBOARDS)[number];
export const DASHBOARD_INDICATORS: Record<Dashboard, readonly IndicatorId[]> = {
  // The seed's comparison, live: funding, activity and results side by side.
  supervisor: INDICATOR_IDS,
  platform: INDICATOR_IDS,
  program: [
    'calls_opened',
    'applications_submitted',
    'applications_approved',
    'success_rate',
    'projects_by_state',
  ],
  transfer: [
    'disclosures',
    'patent_applications',
    'patents_granted',
    'licences_executed',
    'licence_income',
    'results_published',
    'enterprises_served',
  ],
  unit: INDICATOR_IDS.filter((id) => INDICATORS[id].byUnit),
};
