import type { CreateOrgInput } from '../modules/orgs/orgs.schema.js';

/**
 * Licensees and CRADA partners of the NIST demo: invented, plausible US organisations (illustrative, not
 * real companies). Small businesses are enterprises of size SME (fewer than 500 employees).
 */
const enterprise = (nameEn: string, nameZh: string, size: 'large' | 'sme'): CreateOrgInput => ({
  nameZh,
  nameEn,
  type: 'enterprise',
  enterpriseSize: size,
  country: 'US',
});
const other = (nameEn: string, nameZh: string, type: CreateOrgInput['type']): CreateOrgInput => ({
  nameZh,
  nameEn,
  type,
  enterpriseSize: null,
  country: 'US',
});

export const NIST_LICENSEES: CreateOrgInput[] = [
  enterprise('Boulder Photonics Inc. (illustrative)', '博尔德光子公司（示例）', 'sme'),
  enterprise('Gaithersburg Metrology Systems LLC (illustrative)', '盖瑟斯堡计量系统公司（示例）', 'sme'),
  enterprise('Chesapeake Quantum Devices Inc. (illustrative)', '切萨皮克量子器件公司（示例）', 'sme'),
  enterprise('Front Range Instruments Corp. (illustrative)', '弗兰特山仪器公司（示例）', 'sme'),
  enterprise('Potomac Materials Testing LLC (illustrative)', '波托马克材料检测公司（示例）', 'sme'),
  enterprise('Allegheny Nanotech Inc. (illustrative)', '阿勒格尼纳米科技公司（示例）', 'sme'),
  enterprise('Blue Ridge Biometrics Inc. (illustrative)', '蓝岭生物识别公司（示例）', 'sme'),
  enterprise('Cascade Thin Films Inc. (illustrative)', '喀斯喀特薄膜公司（示例）', 'sme'),
  enterprise('Mesa Fire Safety Engineering LLC (illustrative)', '梅萨消防安全工程公司（示例）', 'sme'),
  enterprise('Piedmont Spectral Analytics Inc. (illustrative)', '皮埃蒙特光谱分析公司（示例）', 'sme'),
  enterprise('Tidewater Calibration Services Inc. (illustrative)', '泰德沃特校准服务公司（示例）', 'sme'),
  enterprise('Great Lakes Additive Manufacturing LLC (illustrative)', '五大湖增材制造公司（示例）', 'sme'),
  enterprise('Sonoran Sensor Works Inc. (illustrative)', '索诺兰传感器公司（示例）', 'sme'),
  enterprise('Hudson Clock Technologies Inc. (illustrative)', '哈德逊时钟技术公司（示例）', 'sme'),
  enterprise('Ozark Reference Materials LLC (illustrative)', '奥扎克标准物质公司（示例）', 'sme'),
  enterprise('Shenandoah Software Testing Inc. (illustrative)', '谢南多厄软件测试公司（示例）', 'sme'),
  enterprise('Catalina Microfluidics Inc. (illustrative)', '卡塔利娜微流控公司（示例）', 'sme'),
  enterprise('Yellowstone Neutron Optics LLC (illustrative)', '黄石中子光学公司（示例）', 'sme'),
  enterprise(
    'Columbia Semiconductor Metrology Inc. (illustrative)',
    '哥伦比亚半导体计量公司（示例）',
    'large',
  ),
  enterprise('Atlantic Instruments Corporation (illustrative)', '大西洋仪器集团（示例）', 'large'),
  enterprise('Pacific Analytical Holdings Inc. (illustrative)', '太平洋分析控股公司（示例）', 'large'),
  enterprise('Continental Diagnostics Corp. (illustrative)', '大陆诊断公司（示例）', 'large'),
  enterprise('Meridian Communications Inc. (illustrative)', '子午线通信公司（示例）', 'large'),
  enterprise('Keystone Aerospace Systems Corp. (illustrative)', '基石航空航天系统公司（示例）', 'large'),
  enterprise('Northstar Energy Technologies Inc. (illustrative)', '北极星能源技术公司（示例）', 'large'),
  enterprise('Summit Chemical Company (illustrative)', '顶峰化学公司（示例）', 'large'),
  enterprise('Liberty Building Products Inc. (illustrative)', '自由建材公司（示例）', 'large'),
  enterprise(
    'Heartland Automotive Components Corp. (illustrative)',
    '中心地带汽车零部件公司（示例）',
    'large',
  ),
  other(
    'University of the Rockies Research Foundation (illustrative)',
    '落基山大学研究基金会（示例）',
    'university',
  ),
  other('Chesapeake State University (illustrative)', '切萨皮克州立大学（示例）', 'university'),
  other('Midwest Materials Research Institute (illustrative)', '中西部材料研究所（示例）', 'institute'),
  other('Gulf Coast Energy Research Institute (illustrative)', '墨西哥湾沿岸能源研究所（示例）', 'institute'),
];
