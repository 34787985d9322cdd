import { type DemoPlatform, yearly } from './demo-platform.js';

const NOTE = '示例数据 (illustrative)';
const illustrative = (what: string) =>
  `Named in the source document with its construction model; ${what} are illustrative. 原文列出该平台及其建设模式；其余数据为示例。`;

/** The other United States platforms the source document names (ATP, Manufacturing USA, SEMATECH). */
export const US_PLATFORMS: DemoPlatform[] = [
  {
    profile: {
      code: 'ATP',
      nameZh: '先进技术计划',
      nameEn: 'Advanced Technology Program',
      model: 'ppp_program',
      ratingFunding: 2,
      ratingRd: 1,
      ratingManagement: 2,
      supervisingDepartmentZh: '美国国家标准与技术研究院（美国商务部）',
      supervisingDepartmentEn: 'NIST, U.S. Department of Commerce',
      fiscalYearStartMonth: 10,
      defaultCurrency: 'USD',
      country: 'US',
      foundedYear: 1990,
      descriptionZh: 'NIST 发布研发计划、企业联合体申请并共同出资的政府社会资本合作研究计划（1990–2007）。',
      descriptionEn:
        'A public–private research program run by NIST (1990–2007): NIST published calls, company consortia applied and shared the cost.',
      notes: illustrative(
        'ratings, the 2005–2007 amounts (industry cost share as social capital) and the offices',
      ),
      isIllustrative: true,
    },
    funding: [
      ...yearly('USD', 'appropriation', { 2005: 136, 2006: 79, 2007: 79 }, NOTE),
      ...yearly('USD', 'social_capital', { 2005: 120, 2006: 70, 2007: 68 }, NOTE),
    ],
    fields: ['electronics', 'bio', 'materials', 'manufacturing'],
    units: [
      {
        kind: 'office',
        code: 'EAO',
        nameZh: '经济评估办公室',
        nameEn: 'Economic Assessment Office',
        fields: [],
      },
      {
        kind: 'office',
        code: 'ITE',
        nameZh: '信息技术与电子项目部',
        nameEn: 'Information Technology and Electronics Program',
        fields: ['electronics'],
      },
      {
        kind: 'office',
        code: 'BIO',
        nameZh: '生物技术项目部',
        nameEn: 'Biotechnology Program',
        fields: ['bio'],
      },
    ],
  },
  {
    profile: {
      code: 'MFG-USA',
      nameZh: '美国制造业创新网络',
      nameEn: 'Manufacturing USA',
      model: 'ppp_program',
      ratingFunding: 2,
      ratingRd: 1,
      ratingManagement: 1,
      supervisingDepartmentZh: '美国商务部先进制造国家项目办公室',
      supervisingDepartmentEn: 'Advanced Manufacturing National Program Office, U.S. Department of Commerce',
      fiscalYearStartMonth: 10,
      defaultCurrency: 'USD',
      country: 'US',
      foundedYear: 2014,
      descriptionZh: '联邦机构出资、产业与大学联合体至少一比一配套的制造业创新研究所网络。',
      descriptionEn:
        'A network of manufacturing innovation institutes: federal agencies fund them and industry–university consortia match at least one to one.',
      notes: illustrative(
        'ratings and the 2014–2016 amounts (federal awards, consortium matching, member fees)',
      ),
      isIllustrative: true,
    },
    funding: [
      ...yearly('USD', 'appropriation', { 2014: 140, 2015: 210, 2016: 280 }, NOTE),
      ...yearly('USD', 'social_capital', { 2014: 190, 2015: 290, 2016: 380 }, NOTE),
      ...yearly('USD', 'member_dues', { 2014: 12, 2015: 20, 2016: 28 }, NOTE),
    ],
    fields: [
      'manufacturing',
      'manufacturing.3d_printing',
      'materials.lightweight',
      'electronics.flexible',
      'bio.tissue',
    ],
    units: [
      {
        kind: 'center',
        code: 'AM',
        nameZh: '美国制造（增材制造创新研究所）',
        nameEn: 'America Makes',
        fields: ['manufacturing.3d_printing'],
      },
      {
        kind: 'center',
        code: 'LIFT',
        nameZh: '轻量化创新研究所',
        nameEn: 'LIFT – Lightweight Innovations for Tomorrow',
        fields: ['materials.lightweight', 'manufacturing.light_metal'],
      },
      {
        kind: 'center',
        code: 'NEXTFLEX',
        nameZh: '柔性混合电子制造创新研究所',
        nameEn: 'NextFlex',
        fields: ['electronics.flexible'],
      },
      {
        kind: 'center',
        code: 'BIOFAB',
        nameZh: '先进组织生物制造研究所',
        nameEn: 'BioFabUSA',
        fields: ['bio.tissue'],
      },
    ],
  },
  {
    profile: {
      code: 'SEMATECH',
      nameZh: '半导体制造技术研究联盟',
      nameEn: 'SEMATECH',
      model: 'tech_alliance',
      ratingFunding: 1,
      ratingRd: 0,
      ratingManagement: 0,
      supervisingDepartmentZh: '成员企业董事会（1987–1996年国防部高级研究计划局资助）',
      supervisingDepartmentEn: 'Board of member companies (DARPA co-funded 1987–1996)',
      fiscalYearStartMonth: 1,
      defaultCurrency: 'USD',
      country: 'US',
      foundedYear: 1987,
      descriptionZh: '由半导体企业主导、联合大学和研究机构成立的技术联盟，研究经费主要来自会员费。',
      descriptionEn:
        'A technology alliance led by semiconductor makers with universities and institutes, funded mainly by member dues.',
      notes: illustrative('ratings and the 2014–2016 amounts (member dues, contract services, state grants)'),
      isIllustrative: true,
    },
    funding: [
      ...yearly('USD', 'member_dues', { 2014: 85, 2015: 80, 2016: 72 }, NOTE),
      ...yearly('USD', 'service_income', { 2014: 18, 2015: 17, 2016: 15 }, NOTE),
      ...yearly('USD', 'appropriation', { 2014: 8, 2015: 6, 2016: 5 }, NOTE),
    ],
    fields: ['electronics', 'manufacturing', 'materials'],
    units: [
      {
        kind: 'laboratory',
        code: 'LITHO',
        nameZh: '光刻部',
        nameEn: 'Lithography',
        fields: ['electronics', 'manufacturing'],
      },
      {
        kind: 'laboratory',
        code: 'FEP',
        nameZh: '前道工艺部',
        nameEn: 'Front End Processes',
        fields: ['materials'],
      },
      { kind: 'laboratory', code: 'METRO', nameZh: '计量部', nameEn: 'Metrology', fields: ['electronics'] },
    ],
  },
];
