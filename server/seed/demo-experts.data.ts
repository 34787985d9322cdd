import type { ExpertCategory, OutputKind } from '../../common/review.js';
import { MANUFACTURING_EXPERTS } from './demo-experts.manufacturing.js';
import { OTHER_FIELD_EXPERTS } from './demo-experts.other.js';

/** Organisations of the demo experts (illustrative). UNI and SME are the ATP demo application's partners. */
export const EXPERT_ORGS = {
  EUT: {
    nameZh: '东方理工大学（示例）',
    nameEn: 'Eastern University of Technology (illustrative)',
    type: 'university',
  },
  NIMS: {
    nameZh: '北方材料科学研究院（示例）',
    nameEn: 'Northern Institute of Materials Science (illustrative)',
    type: 'institute',
  },
  WCAM: {
    nameZh: '西湖先进制造学院（示例）',
    nameEn: 'Westlake College of Advanced Manufacturing (illustrative)',
    type: 'university',
  },
  SKLAM: {
    nameZh: '增材制造重点实验室（示例）',
    nameEn: 'Key Laboratory of Additive Manufacturing (illustrative)',
    type: 'institute',
  },
  JLPM: {
    nameZh: '精密测量联合实验室（示例）',
    nameEn: 'Joint Laboratory for Precision Measurement (illustrative)',
    type: 'institute',
  },
  HRL: {
    nameZh: '华锐激光装备有限公司（示例）',
    nameEn: 'Huarui Laser Equipment Co., Ltd. (illustrative)',
    type: 'enterprise',
    enterpriseSize: 'large',
  },
  QLA: {
    nameZh: '启明轻合金科技有限公司（示例）',
    nameEn: 'Qiming Light Alloy Technology Co., Ltd. (illustrative)',
    type: 'enterprise',
    enterpriseSize: 'sme',
  },
  YAP: {
    nameZh: '远航汽车零部件集团有限公司（示例）',
    nameEn: 'Yuanhang Auto Parts Group Co., Ltd. (illustrative)',
    type: 'enterprise',
    enterpriseSize: 'large',
  },
  BNE: {
    nameZh: '蓝海新能源股份有限公司（示例）',
    nameEn: 'Bluesea New Energy Co., Ltd. (illustrative)',
    type: 'enterprise',
    enterpriseSize: 'large',
  },
  XCT: {
    nameZh: '芯联通信技术有限公司（示例）',
    nameEn: 'Xinlian Communication Technology Co., Ltd. (illustrative)',
    type: 'enterprise',
    enterpriseSize: 'sme',
  },
  NIB: {
    nameZh: '南湖生物医学研究所（示例）',
    nameEn: 'Nanhu Institute of Biomedicine (illustrative)',
    type: 'institute',
  },
  UNI: {
    nameZh: '示例理工大学',
    nameEn: 'Example Institute of Technology (illustrative)',
    type: 'university',
  },
  SME: {
    nameZh: '示例精密制造科技有限公司',
    nameEn: 'Example Precision Manufacturing Co., Ltd. (illustrative)',
    type: 'enterprise',
    enterpriseSize: 'sme',
  },
} as const;
export type OrgKey = keyof typeof EXPERT_ORGS;

export interface DemoOutput {
  kind: OutputKind;
  title: string;
  abstract?: string;
  year: number;
  /** Collaborators: a name, with an organisation of EXPERT_ORGS; 'LIN' is the ATP application's university contact. */
  with?: Array<{ name: string; org?: OrgKey; person?: 'LIN' }>;
}
export interface DemoExpert {
  email: string;
  nameZh: string;
  nameEn: string;
  title: string;
  org: OrgKey;
  category: ExpertCategory;
  fields: string[];
  zh?: string;
  en?: string;
  loadMax: number;
  outputs: DemoOutput[];
  conflicts?: Array<{ org: OrgKey; reason: string }>;
  /** Availability windows as day offsets from the seed date (inclusive). */
  windows?: Array<[from: number, to: number, note: string]>;
  /** Linked to the demo account of this user name. */
  user?: string;
}

/** The demo experts: advanced manufacturing and lightweight materials (the ATP call), then the other fields. */
export const DEMO_EXPERTS: DemoExpert[] = [...MANUFACTURING_EXPERTS, ...OTHER_FIELD_EXPERTS];
