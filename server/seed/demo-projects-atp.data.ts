import type { AgreementContent } from '../modules/projects/projects.agreement.schema.js';

/**
 * ATP's funded projects in the demo (issue 13), illustrative: each at a stage of its life so every tab of
 * the project page and every flag of the portfolio has something to show. `startMonthsAgo` places the
 * start (first of that month) relative to the server clock at seed time, so the reports due keep their
 * status whenever the demo is loaded; every project runs 24 months.
 */
export type DemoStage = 'execution' | 'interim_passed' | 'rectification' | 'evaluated';

export interface DemoAtpProject {
  code: string;
  stage: DemoStage;
  startMonthsAgo: number;
  titleZh: string;
  titleEn: string;
  lead: { nameZh: string; nameEn: string } | 'applicant';
  partner: { nameZh: string; nameEn: string };
  /** Spending as a share of each planned cell (lead, partner), in percent. */
  burn: number;
  /** What the check report says each indicator achieved (index of INDICATORS). */
  achieved?: [number, number, boolean, number];
}

const USD = 100;
export const DEMO_BUDGET = (lead: string, partner: string): AgreementContent['budget'] => [
  {
    organisationId: lead,
    equipmentMinor: 400_000 * USD,
    operationsMinor: 250_000 * USD,
    labourMinor: 150_000 * USD,
    indirectMinor: 50_000 * USD,
  },
  {
    organisationId: partner,
    equipmentMinor: 0,
    operationsMinor: 150_000 * USD,
    labourMinor: 100_000 * USD,
    indirectMinor: 30_000 * USD,
  },
];

export const INDICATORS: AgreementContent['indicators'] = [
  { name: '发明专利申请', type: 'count', target: 3, verification: '专利受理通知书' },
  { name: '技术合同收入', type: 'amount', target: 200_000 * USD, verification: '技术合同与到账凭证' },
  { name: '建成示范生产线', type: 'yes_no', target: true, verification: '现场核查' },
  { name: '良品率提升', type: 'percentage', target: 15, verification: '第三方检测报告' },
];

export const DEMO_ATP_PROJECTS: DemoAtpProject[] = [
  {
    code: 'ATP-DEMO-01',
    stage: 'execution',
    startMonthsAgo: 11,
    titleZh: '航空铝合金构件激光增材修复工艺',
    titleEn: 'Laser additive repair of aerospace aluminium parts',
    lead: 'applicant',
    partner: { nameZh: '示例航空材料研究院', nameEn: 'Example Aerospace Materials Institute (illustrative)' },
    burn: 35,
  },
  {
    code: 'ATP-DEMO-02',
    stage: 'execution',
    startMonthsAgo: 10,
    titleZh: '碳纤维复合材料与金属的连接技术',
    titleEn: 'Joining carbon-fibre composites to metals',
    lead: { nameZh: '示例复材连接技术有限公司', nameEn: 'Example Composite Joining Co. (illustrative)' },
    partner: { nameZh: '示例州立大学', nameEn: 'Example State University (illustrative)' },
    burn: 28,
  },
  {
    code: 'ATP-DEMO-03',
    stage: 'interim_passed',
    startMonthsAgo: 14,
    titleZh: '镁合金薄板温成形工艺与装备',
    titleEn: 'Warm forming of magnesium alloy sheet',
    lead: { nameZh: '示例轻金属成形有限公司', nameEn: 'Example Light Metal Forming Inc. (illustrative)' },
    partner: { nameZh: '示例理工学院', nameEn: 'Example Polytechnic (illustrative)' },
    burn: 55,
    // The demonstration line is not built yet: the one indicator not met at the interim check.
    achieved: [3, 250_000 * USD, false, 16],
  },
  {
    code: 'ATP-DEMO-04',
    stage: 'rectification',
    startMonthsAgo: 25,
    titleZh: '增材制造熔池在线监测系统',
    titleEn: 'In-situ melt-pool monitoring for additive manufacturing',
    lead: { nameZh: '示例智能监测有限公司', nameEn: 'Example Smart Monitoring LLC (illustrative)' },
    partner: { nameZh: '示例光学研究所', nameEn: 'Example Optics Institute (illustrative)' },
    burn: 92,
    achieved: [2, 120_000 * USD, true, 9],
  },
  {
    code: 'ATP-DEMO-05',
    stage: 'evaluated',
    startMonthsAgo: 38,
    titleZh: '高强钢激光拼焊工艺',
    titleEn: 'Laser tailor welding of high-strength steel',
    lead: { nameZh: '示例激光焊接有限公司', nameEn: 'Example Laser Welding Corp. (illustrative)' },
    partner: { nameZh: '示例焊接研究中心', nameEn: 'Example Welding Research Center (illustrative)' },
    burn: 97,
    achieved: [4, 310_000 * USD, true, 18],
  },
];
