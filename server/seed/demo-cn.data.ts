import type { SchemeRules } from '../../common/vouchers.js';
import type { NeedInput } from '../modules/needs/needs.schema.js';
import type { ServiceInput } from '../modules/services/services.schema.js';

/** The Chinese demo's catalog, voucher rules and needs (data only; demo-cn.activity.ts loads them). */

/** The unit's city: the provider region the voucher scheme's local bonus compares (by English name). */
export const UNIT_REGIONS: Record<string, string> = {
  'Jinan Metrology and Testing Center': '济南',
  'Qingdao Materials Analysis Laboratory': '青岛',
  'Liaocheng Pilot Production Base': '聊城',
};

type Spec = Omit<ServiceInput, 'unitId' | 'fieldIds' | 'currency'> & { unit: string; fields: string[] };

/** The platform's catalog (prices in fen, illustrative). */
export const SERVICES: Spec[] = [
  {
    unit: 'Jinan Metrology and Testing Center',
    fields: ['manufacturing'],
    kind: 'testing',
    nameZh: '精密零件三坐标测量',
    nameEn: 'Coordinate measurement of precision parts',
    descriptionZh: '用三坐标测量机检测精密零件的尺寸、形位公差和表面粗糙度，出具检测报告。',
    descriptionEn:
      'Dimensions, geometric tolerances and surface roughness of precision parts on a coordinate measuring machine, with a test report.',
    methodStandard: 'GB/T 16857.2',
    accreditations: [
      { body: 'CNAS', number: 'L0000（示例）' },
      { body: 'CMA', number: '000000000000（示例）' },
    ],
    priceRule: 'per_sample',
    priceMinor: 80_000,
    turnaroundDays: 7,
    capacityPerMonth: 60,
  },
  {
    unit: 'Jinan Metrology and Testing Center',
    fields: ['manufacturing', 'electronics'],
    kind: 'calibration',
    nameZh: '表面粗糙度测量仪校准',
    nameEn: 'Calibration of surface roughness testers',
    descriptionZh: '以标准样板校准触针式粗糙度测量仪，出具可溯源的校准证书。',
    descriptionEn:
      'Stylus roughness testers calibrated against reference specimens, with a traceable certificate.',
    methodStandard: 'JJF 1105',
    accreditations: [{ body: 'CNAS', number: 'L0000（示例）' }],
    priceRule: 'fixed',
    priceMinor: 60_000,
    turnaroundDays: 10,
    capacityPerMonth: 30,
  },
  {
    unit: 'Qingdao Materials Analysis Laboratory',
    fields: ['materials', 'manufacturing.light_metal'],
    kind: 'testing',
    nameZh: '铝合金压铸件疲劳性能测试',
    nameEn: 'Fatigue testing of die-cast aluminium alloy parts',
    descriptionZh: '对轻量化铝合金压铸件做高周疲劳试验和断口分析。',
    descriptionEn:
      'High-cycle fatigue tests and fracture analysis of lightweight die-cast aluminium alloy parts.',
    methodStandard: 'GB/T 3075',
    accreditations: [{ body: 'CMA', number: '000000000001（示例）' }],
    priceRule: 'per_sample',
    priceMinor: 350_000,
    turnaroundDays: 20,
    capacityPerMonth: 20,
  },
  {
    unit: 'Qingdao Materials Analysis Laboratory',
    fields: ['materials'],
    kind: 'testing',
    nameZh: '金属材料光谱成分分析',
    nameEn: 'Spectrometric composition analysis of metals',
    descriptionZh: '用直读光谱仪测定钢、铝、铜合金的化学成分。',
    descriptionEn:
      'Chemical composition of steel, aluminium and copper alloys by optical emission spectrometry.',
    methodStandard: 'GB/T 4336',
    accreditations: [],
    priceRule: 'per_sample',
    priceMinor: 50_000,
    turnaroundDays: 5,
    capacityPerMonth: 100,
  },
  {
    unit: 'Liaocheng Pilot Production Base',
    fields: ['manufacturing', 'energy'],
    kind: 'consulting',
    nameZh: '电机再制造工艺咨询',
    nameEn: 'Electric motor remanufacturing process consulting',
    descriptionZh: '为废旧电机的拆解、检测、再制造和能效提升提供工艺方案。',
    descriptionEn:
      'Process plans for dismantling, testing, remanufacturing and upgrading the efficiency of used motors.',
    methodStandard: null,
    accreditations: [],
    priceRule: 'per_hour',
    priceMinor: 80_000,
    turnaroundDays: 15,
    capacityPerMonth: 80,
  },
];

/** Shandong-like rules: 40 %, 60 % in listed less-developed areas, +30 % for a local provider (聊城). */
export const RULES = (fieldIds: string[], providers: SchemeRules['providers']): SchemeRules => ({
  eligibility: {
    sizes: ['micro', 'small', 'medium'],
    regions: ['济南', '青岛', '淄博', '烟台', '潍坊', '济宁', '临沂', '德州', '聊城', '滨州', '菏泽'],
    fieldIds,
    minYearsRegistered: 1,
    maxYearsRegistered: null,
  },
  sharePercent: { default: 40, byRegion: { 聊城: 60, 菏泽: 60, 临沂: 60 }, localProviderBonus: 30, max: 80 },
  caps: { perEnterprisePerYearMinor: 50_000_000, perControllerPerYearMinor: 65_000_000 },
  providers,
  serviceKinds: ['testing', 'calibration', 'consulting', 'pilot'],
});

type DemoNeed = Pick<NeedInput, 'title' | 'problem'> & {
  answer?: 'accepted' | 'declined' | 'sent';
  visibility?: NeedInput['visibility'];
};
export const DEMO_NEEDS: DemoNeed[] = [
  {
    title: '精密轴类零件的在线尺寸检测',
    problem: '我们加工的精密轴类零件需要检测尺寸和形位公差，希望找到三坐标测量和粗糙度检测服务。',
    answer: 'accepted',
  },
  {
    title: '轻量化铝合金压铸件开裂',
    problem: '新能源汽车用铝合金压铸件在台架试验中出现疲劳开裂，需要疲劳测试和断口分析找原因。',
    answer: 'declined',
  },
  {
    title: '废旧电机再制造的工艺方案',
    problem: '公司回收了一批废旧电机，想做再制造并提升能效，需要工艺咨询。',
    answer: 'sent',
    visibility: 'staff',
  },
  { title: '茶叶包装的防潮设计', problem: '出口茶叶的纸盒包装在海运中受潮，需要防潮包装设计。' },
];
export const needInput = (n: DemoNeed): NeedInput => ({
  title: n.title,
  problem: n.problem,
  visibility: n.visibility ?? 'public',
  language: 'zh',
  fieldIds: [],
  budgetMinor: 20_000_000,
  currency: 'CNY',
  deadline: null,
});
