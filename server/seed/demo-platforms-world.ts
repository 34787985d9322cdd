import { type DemoPlatform, yearly } from './demo-platform.js';

const NOTE = '示例数据 (illustrative)';
const illustrative = (what: string) =>
  `Named in the source document with its construction model; ${what} are illustrative. 原文列出该平台及其建设模式；其余数据为示例。`;

/** The European and Japanese platforms the source document names. */
export const WORLD_PLATFORMS: DemoPlatform[] = [
  {
    profile: {
      code: 'EU-FP',
      nameZh: '欧盟框架计划',
      nameEn: 'EU Framework Programme',
      model: 'ppp_program',
      ratingFunding: 3,
      ratingRd: 1,
      ratingManagement: 2,
      supervisingDepartmentZh: '欧盟委员会研究与创新总司',
      supervisingDepartmentEn: 'European Commission, Directorate-General for Research and Innovation',
      fiscalYearStartMonth: 1,
      defaultCurrency: 'EUR',
      country: 'EU',
      foundedYear: 1984,
      descriptionZh: '欧盟委员会发布多年期研发计划（如地平线2020），跨国联合体申请并配套出资。',
      descriptionEn:
        'Multi-annual research programmes of the European Commission (e.g. Horizon 2020): transnational consortia apply and co-fund.',
      notes: illustrative(
        'ratings, the 2014–2016 amounts (EU budget and partner co-funding) and the pillars as units',
      ),
      isIllustrative: true,
    },
    funding: [
      ...yearly('EUR', 'appropriation', { 2014: 9300, 2015: 10100, 2016: 10800 }, NOTE),
      ...yearly('EUR', 'social_capital', { 2014: 2100, 2015: 2300, 2016: 2500 }, NOTE),
    ],
    fields: ['energy', 'materials', 'environment', 'manufacturing', 'electronics', 'bio'],
    units: [
      { kind: 'office', code: 'ES', nameZh: '卓越科学', nameEn: 'Excellent Science', fields: ['bio.brain'] },
      {
        kind: 'office',
        code: 'IL',
        nameZh: '产业领导力',
        nameEn: 'Industrial Leadership',
        fields: ['manufacturing', 'electronics'],
      },
      {
        kind: 'office',
        code: 'SC',
        nameZh: '社会挑战',
        nameEn: 'Societal Challenges',
        fields: ['energy', 'environment'],
      },
    ],
  },
  {
    profile: {
      code: 'EUREKA',
      nameZh: '尤里卡计划',
      nameEn: 'EUREKA',
      model: 'ppp_program',
      ratingFunding: 1,
      ratingRd: 0,
      ratingManagement: 1,
      supervisingDepartmentZh: '尤里卡秘书处（成员国政府间组织）',
      supervisingDepartmentEn: 'EUREKA Secretariat (intergovernmental network of member countries)',
      fiscalYearStartMonth: 1,
      defaultCurrency: 'EUR',
      country: null,
      foundedYear: 1985,
      descriptionZh: '成员国政府间的市场导向研发合作网络：企业主导项目，各国政府分别资助本国参与方。',
      descriptionEn:
        'An intergovernmental network for market-oriented R&D: companies lead projects and each country funds its own participants.',
      notes: illustrative(
        'ratings, the 2014–2016 amounts (national public funding and private investment) and the programmes as units',
      ),
      isIllustrative: true,
    },
    funding: [
      ...yearly('EUR', 'appropriation', { 2014: 380, 2015: 400, 2016: 420 }, NOTE),
      ...yearly('EUR', 'social_capital', { 2014: 640, 2015: 660, 2016: 700 }, NOTE),
    ],
    fields: ['electronics', 'manufacturing', 'energy', 'environment'],
    units: [
      {
        kind: 'office',
        code: 'EUROSTARS',
        nameZh: '欧洲之星计划',
        nameEn: 'Eurostars',
        fields: ['electronics'],
      },
      {
        kind: 'office',
        code: 'CLUSTERS',
        nameZh: '尤里卡集群',
        nameEn: 'EUREKA Clusters',
        fields: ['manufacturing', 'energy'],
      },
    ],
  },
  {
    profile: {
      code: 'FHG',
      nameZh: '弗劳恩霍夫应用研究促进协会',
      nameEn: 'Fraunhofer-Gesellschaft',
      model: 'ppp_program',
      ratingFunding: 2,
      ratingRd: 2,
      ratingManagement: 1,
      supervisingDepartmentZh: '德国联邦教育与研究部',
      supervisingDepartmentEn: 'Federal Ministry of Education and Research (BMBF)',
      fiscalYearStartMonth: 1,
      defaultCurrency: 'EUR',
      country: 'DE',
      foundedYear: 1949,
      descriptionZh: '以应用研究为主的研究协会：政府基本经费与企业合同研究收入相结合。',
      descriptionEn:
        'An applied-research society whose institutes combine government base funding with contract research for industry.',
      notes: illustrative(
        'ratings, the 2014–2016 amounts (base and project funding, industry contracts, licences) and the institutes listed',
      ),
      isIllustrative: true,
    },
    funding: [
      ...yearly('EUR', 'appropriation', { 2014: 640, 2015: 670, 2016: 700 }, NOTE),
      ...yearly('EUR', 'service_income', { 2014: 660, 2015: 700, 2016: 740 }, NOTE),
      ...yearly('EUR', 'licence_income', { 2014: 110, 2015: 115, 2016: 120 }, NOTE),
      ...yearly('EUR', 'social_capital', { 2014: 90, 2015: 95, 2016: 100 }, NOTE),
    ],
    fields: [
      'energy',
      'energy.solar_thermal',
      'energy.offshore_wind',
      'materials',
      'manufacturing',
      'manufacturing.light_metal',
    ],
    units: [
      {
        kind: 'center',
        code: 'ISE',
        nameZh: '弗劳恩霍夫太阳能系统研究所',
        nameEn: 'Fraunhofer Institute for Solar Energy Systems ISE',
        fields: ['energy.solar_thermal'],
      },
      {
        kind: 'center',
        code: 'IWES',
        nameZh: '弗劳恩霍夫风能系统研究所',
        nameEn: 'Fraunhofer Institute for Wind Energy Systems IWES',
        fields: ['energy.offshore_wind'],
      },
      {
        kind: 'center',
        code: 'IWU',
        nameZh: '弗劳恩霍夫机床与成形技术研究所',
        nameEn: 'Fraunhofer Institute for Machine Tools and Forming Technology IWU',
        fields: ['manufacturing.light_metal', 'materials.lightweight'],
      },
    ],
  },
  {
    profile: {
      code: 'UK-ETI',
      nameZh: '英国能源技术研究院',
      nameEn: 'Energy Technologies Institute',
      model: 'ppp_program',
      ratingFunding: 2,
      ratingRd: 1,
      ratingManagement: 1,
      supervisingDepartmentZh: '英国商业、能源和产业战略部',
      supervisingDepartmentEn: 'Department for Business, Energy and Industrial Strategy',
      fiscalYearStartMonth: 4,
      defaultCurrency: 'GBP',
      country: 'GB',
      foundedYear: 2007,
      descriptionZh: '英国政府与能源、工程企业各出资一半的公私合作研究机构，委托联合体开展低碳能源技术项目。',
      descriptionEn:
        'A public–private partnership funded half by government and half by energy and engineering companies, commissioning low-carbon energy projects.',
      notes: illustrative(
        'ratings, the 2014–2016 amounts (government and industry members) and the programmes as units',
      ),
      isIllustrative: true,
    },
    funding: [
      ...yearly('GBP', 'appropriation', { 2014: 50, 2015: 48, 2016: 45 }, NOTE),
      ...yearly('GBP', 'member_dues', { 2014: 50, 2015: 48, 2016: 45 }, NOTE),
    ],
    fields: ['energy', 'energy.offshore_wind', 'environment'],
    units: [
      {
        kind: 'office',
        code: 'OW',
        nameZh: '海上风能项目',
        nameEn: 'Offshore Wind Programme',
        fields: ['energy.offshore_wind'],
      },
      {
        kind: 'office',
        code: 'CCS',
        nameZh: '碳捕集与封存项目',
        nameEn: 'Carbon Capture and Storage Programme',
        fields: ['environment'],
      },
    ],
  },
  {
    profile: {
      code: 'AIST',
      nameZh: '日本产业技术综合研究所',
      nameEn: 'National Institute of Advanced Industrial Science and Technology',
      model: 'gov_institute',
      ratingFunding: 3,
      ratingRd: 3,
      ratingManagement: 2,
      supervisingDepartmentZh: '日本经济产业省',
      supervisingDepartmentEn: 'Ministry of Economy, Trade and Industry (METI)',
      fiscalYearStartMonth: 4,
      defaultCurrency: 'JPY',
      country: 'JP',
      foundedYear: 2001,
      descriptionZh: '经济产业省所属的国立研究开发法人，以政府运营经费为主开展产业共性技术研究。',
      descriptionEn:
        'A national research and development agency under METI, funded mainly by a government operating grant.',
      notes: illustrative(
        'ratings, the 2014–2016 amounts (operating grant, commissioned research, licences) and the research departments',
      ),
      isIllustrative: true,
    },
    funding: [
      ...yearly('JPY', 'appropriation', { 2014: 62000, 2015: 62500, 2016: 63000 }, NOTE),
      ...yearly('JPY', 'service_income', { 2014: 19000, 2015: 20000, 2016: 21000 }, NOTE),
      ...yearly('JPY', 'licence_income', { 2014: 600, 2015: 650, 2016: 700 }, NOTE),
    ],
    fields: ['energy', 'materials', 'environment', 'manufacturing', 'electronics', 'bio'],
    units: [
      {
        kind: 'center',
        code: 'EE',
        nameZh: '能源与环境领域',
        nameEn: 'Department of Energy and Environment',
        fields: ['energy', 'environment'],
      },
      {
        kind: 'center',
        code: 'MC',
        nameZh: '材料与化学领域',
        nameEn: 'Department of Materials and Chemistry',
        fields: ['materials'],
      },
      {
        kind: 'center',
        code: 'EM',
        nameZh: '电子与制造领域',
        nameEn: 'Department of Electronics and Manufacturing',
        fields: ['electronics', 'manufacturing'],
      },
      {
        kind: 'center',
        code: 'LS',
        nameZh: '生命工学领域',
        nameEn: 'Department of Life Science and Biotechnology',
        fields: ['bio'],
      },
    ],
  },
];
