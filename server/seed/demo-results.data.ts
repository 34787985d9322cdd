import type { CreateResultInput } from '../modules/results/results.schema.js';

/** A demo result: the create input without the platform, its unit by code, and whether to publish it. */
export type DemoResult = Omit<CreateResultInput, 'platformId' | 'unitId'> & {
  unitCode: string;
  publish: boolean;
};

const ILLUSTRATIVE_ZH = '（示例数据：经济性比较与知识产权状态为演示而编写，并非 NIST 公布的数字。）';
const ILLUSTRATIVE_EN =
  '(Illustrative: the economic comparison and IP status are written for the demo, not figures NIST published.)';

/**
 * NIST results of the demo catalog. Publications, standards, SRMs, reference data, software and datasets
 * are real NIST outputs described in our own words; the technology listings describe real NIST lines of
 * work, but their economics, IP status and licence terms are invented and flagged isIllustrative.
 */
export const NIST_RESULTS: DemoResult[] = [
  {
    type: 'technology',
    unitCode: 'PML',
    titleZh: '芯片级原子钟',
    titleEn: 'Chip-scale atomic clock',
    summaryZh: `把铯原子气室、激光器和控制电路集成到方糖大小的封装中，功耗约百毫瓦，提供接近原子频标的时间基准。${ILLUSTRATIVE_ZH}`,
    summaryEn: `A caesium vapour cell, laser and control electronics in a sugar-cube package drawing about 100 mW, giving near atomic-standard timing. ${ILLUSTRATIVE_EN}`,
    trl: 7,
    visibility: 'public',
    problemZh: '通信基站、电网同步和无人设备依赖卫星授时，信号受干扰或遮挡时时间基准迅速漂移。',
    problemEn:
      'Base stations, grid synchronisation and unmanned systems rely on satellite timing and drift quickly when the signal is jammed or blocked.',
    advantageZh: '相比恒温晶振，日漂移降低约两个数量级，体积和功耗仅为传统铷钟的百分之一。',
    advantageEn:
      'About 100× lower daily drift than an oven-controlled crystal oscillator, at one hundredth of the size and power of a rubidium clock.',
    economicsZh: '按批量一万只估算单价约 300 美元；传统铷钟约 1500 美元且需散热与维护。',
    economicsEn:
      'About US$300 a unit at 10,000 units, against about US$1,500 for a rubidium clock that also needs cooling and upkeep.',
    applicationsZh: '5G 基站保持授时、电网相量测量、海底与井下传感、无人机导航',
    applicationsEn:
      '5G base-station holdover, grid phasor measurement, subsea and downhole sensing, drone navigation',
    ipStatusZh: '美国发明专利已授权（示例）',
    ipStatusEn: 'US utility patents granted (illustrative)',
    licenceTypes: ['non_exclusive', 'partially_exclusive'],
    licenceKinds: ['invention', 'know_how'],
    fieldCodes: ['electronics'],
    isIllustrative: true,
    publish: true,
  },
  {
    type: 'technology',
    unitCode: 'PML',
    titleZh: '可编程约瑟夫森电压标准',
    titleEn: 'Programmable Josephson voltage standard',
    summaryZh: `超导约瑟夫森结阵列在微波驱动下产生由频率和基本常数决定的量子电压，可直接复现 1 伏至 10 伏。${ILLUSTRATIVE_ZH}`,
    summaryEn: `Superconducting Josephson junction arrays driven by microwaves give quantum voltages fixed by frequency and fundamental constants, from 1 V to 10 V. ${ILLUSTRATIVE_EN}`,
    trl: 8,
    visibility: 'public',
    problemZh: '齐纳参考源会随时间漂移，校准实验室每年要把参考源送到上级机构比对。',
    problemEn: 'Zener references drift, so calibration labs ship them to a higher-level lab every year.',
    advantageZh: '无需送检即可在本地获得量子准确度，不确定度优于 1×10⁻⁹。',
    advantageEn:
      'Quantum accuracy on site without shipping references, with uncertainty better than 1 part in 10⁹.',
    economicsZh: '系统约 40 万美元，可替代每年约 5 万美元的送检与停机成本（示例）。',
    economicsEn:
      'About US$400,000 a system, replacing about US$50,000 a year of shipping and downtime (illustrative).',
    applicationsZh: '国家与行业计量院、半导体测试设备校准、电能表溯源',
    applicationsEn:
      'National and industrial metrology labs, semiconductor test-equipment calibration, energy-meter traceability',
    ipStatusZh: '相关专利已授权，部分已过期（示例）',
    ipStatusEn: 'Related patents granted, some expired (illustrative)',
    licenceTypes: ['non_exclusive'],
    licenceKinds: ['invention', 'know_how'],
    fieldCodes: ['electronics'],
    isIllustrative: true,
    publish: true,
  },
  {
    type: 'technology',
    unitCode: 'EL',
    titleZh: '金属增材制造熔池实时监测',
    titleEn: 'In-situ melt-pool monitoring for metal additive manufacturing',
    summaryZh: `用同轴高速相机与热像仪在打印过程中测量熔池尺寸和温度，及早发现孔隙等缺陷。${ILLUSTRATIVE_ZH}`,
    summaryEn: `Coaxial high-speed and thermal cameras measure melt-pool size and temperature while printing, catching porosity early. ${ILLUSTRATIVE_EN}`,
    trl: 5,
    visibility: 'public',
    problemZh: '金属 3D 打印零件多靠事后 CT 检测，废品发现太晚。',
    problemEn: 'Metal 3D-printed parts are mostly inspected afterwards by CT, so scrap is found too late.',
    advantageZh: '在线发现缺陷，可按层中止或修复，而不是整件报废。',
    advantageEn:
      'Finds defects online so a build can be stopped or repaired layer by layer instead of scrapped.',
    economicsZh: '按航空零件每件 CT 费用约 2000 美元估算，可减少约 60% 的事后检测（示例）。',
    economicsEn:
      'With CT at about US$2,000 per aerospace part, cuts after-the-fact inspection by about 60 % (illustrative).',
    applicationsZh: '航空发动机零件、医疗植入物、模具',
    applicationsEn: 'Jet-engine parts, medical implants, tooling',
    ipStatusZh: '临时申请已提交（示例）',
    ipStatusEn: 'Provisional application filed (illustrative)',
    licenceTypes: ['exclusive', 'non_exclusive'],
    licenceKinds: ['invention', 'software'],
    fieldCodes: ['manufacturing.3d_printing'],
    isIllustrative: true,
    publish: true,
  },
  {
    type: 'technology',
    unitCode: 'CTL',
    titleZh: '5G 毫米波信道探测仪',
    titleEn: '5G millimetre-wave channel sounder',
    summaryZh: `在 28 GHz 与 60 GHz 频段同时测量多径时延与到达角，为 5G 系统设计提供信道模型。${ILLUSTRATIVE_ZH}`,
    summaryEn: `Measures multipath delay and angle of arrival at 28 GHz and 60 GHz, giving channel models for 5G system design. ${ILLUSTRATIVE_EN}`,
    trl: 6,
    visibility: 'public',
    problemEn: 'Millimetre-wave links fail in ways that sub-6 GHz models do not predict.',
    advantageZh: '相位阵列同步测量，单次采集即可得到全向信道，比机械转台快百倍。',
    advantageEn:
      'A synchronised phased array captures the omnidirectional channel in one shot, a hundred times faster than a rotating horn.',
    applicationsZh: '运营商网络规划、设备厂商测试、车联网',
    applicationsEn: 'Operator network planning, equipment testing, vehicle-to-everything',
    ipStatusEn: 'Software copyright; hardware know-how (illustrative)',
    licenceTypes: ['non_exclusive'],
    licenceKinds: ['software', 'know_how'],
    fieldCodes: ['electronics.5g'],
    isIllustrative: true,
    publish: true,
  },
  {
    type: 'reference_material',
    unitCode: 'MML',
    titleZh: '柴油中硫含量标准物质 SRM 2723a',
    titleEn: 'SRM 2723a Sulfur in Diesel Fuel Oil',
    summaryZh: '认定柴油中硫的质量分数，用于校准炼油厂与监管实验室的硫含量测量，支撑超低硫柴油法规。',
    summaryEn:
      'Certified mass fraction of sulfur in diesel, used to calibrate refinery and regulatory measurements behind ultra-low-sulfur rules.',
    visibility: 'public',
    identifier: 'SRM 2723a',
    url: 'https://www.nist.gov/srm',
    fieldCodes: ['environment'],
    publish: true,
  },
  {
    type: 'reference_material',
    unitCode: 'MML',
    titleZh: 'NIST 化学网络手册（标准参考数据库 69）',
    titleEn: 'NIST Chemistry WebBook (Standard Reference Database 69)',
    summaryZh: '数万种化合物的热化学、光谱与离子能量等评估数据，免费在线查询。',
    summaryEn:
      'Evaluated thermochemical, spectral and ion-energetics data for tens of thousands of compounds, free online.',
    visibility: 'public',
    identifier: 'SRD 69',
    url: 'https://webbook.nist.gov/',
    fieldCodes: ['materials'],
    publish: true,
  },
  {
    type: 'standard',
    unitCode: 'ITL',
    titleZh: '高级加密标准（FIPS 197）',
    titleEn: 'Advanced Encryption Standard (FIPS 197)',
    summaryZh: '规定 Rijndael 分组密码算法，是全球最广泛使用的对称加密标准。',
    summaryEn:
      'Specifies the Rijndael block cipher, the most widely used symmetric encryption standard in the world.',
    visibility: 'public',
    year: 2001,
    identifier: 'FIPS 197',
    url: 'https://csrc.nist.gov/pubs/fips/197/final',
    fieldCodes: ['electronics'],
    publish: true,
  },
  {
    type: 'publication',
    unitCode: 'ITL',
    titleZh: '信息系统与组织的安全和隐私控制（SP 800-53 第 5 版）',
    titleEn: 'Security and Privacy Controls for Information Systems and Organizations (SP 800-53 Rev. 5)',
    summaryZh: '信息系统安全与隐私控制措施目录，被政府和企业广泛用作合规基线。',
    summaryEn:
      'A catalogue of security and privacy controls, widely used by government and industry as a compliance baseline.',
    visibility: 'public',
    year: 2020,
    identifier: 'doi:10.6028/NIST.SP.800-53r5',
    authors: 'Joint Task Force',
    fieldCodes: ['electronics'],
    publish: true,
  },
  {
    type: 'software',
    unitCode: 'EL',
    titleZh: '火灾动力学模拟器（FDS）',
    titleEn: 'Fire Dynamics Simulator (FDS)',
    summaryZh: '计算流体力学火灾模型，模拟烟气与热的输运，用于建筑消防性能化设计和火灾调查。',
    summaryEn:
      'A computational fluid dynamics model of fire-driven flow, used in performance-based fire design and fire investigation.',
    visibility: 'public',
    trl: 9,
    url: 'https://pages.nist.gov/fds-smv/',
    fieldCodes: ['environment'],
    publish: true,
  },
  {
    type: 'dataset',
    unitCode: 'ITL',
    titleZh: '手写字符数据库（特别数据库 19）',
    titleEn: 'NIST Special Database 19: handprinted forms and characters',
    summaryZh: '3600 余名书写者的手写表格与字符图像，是手写识别研究的基准数据集。',
    summaryEn:
      'Handprinted forms and character images from over 3,600 writers, a benchmark for handwriting recognition.',
    visibility: 'public',
    identifier: 'SD 19',
    fieldCodes: ['electronics'],
    publish: true,
  },
  {
    type: 'technology',
    unitCode: 'PML',
    titleZh: '石墨烯量子霍尔电阻阵列（内部评估）',
    titleEn: 'Graphene quantum Hall resistance arrays (internal assessment)',
    summaryZh: '在较高温度和较低磁场下工作的量子电阻标准阵列，尚在内部评估是否对外许可。',
    summaryEn:
      'Quantum resistance arrays working at higher temperature and lower field; licensing is still being assessed internally.',
    trl: 4,
    visibility: 'internal',
    problemZh: '传统砷化镓量子电阻需要极低温和强磁场。',
    advantageEn: 'Runs in a table-top cryostat instead of a dilution refrigerator (illustrative).',
    licenceTypes: ['exclusive'],
    licenceKinds: ['invention'],
    fieldCodes: ['materials'],
    isIllustrative: true,
    publish: false,
  },
];
