import type { CreateOrgInput } from '../modules/orgs/orgs.schema.js';
import { type DemoPerson, type DemoPlatform, yearly } from './demo-platform.js';

const ILLUSTRATIVE = '示例数据 (illustrative)';
const director = (nameZh: string, nameEn: string, email: string, user?: string): DemoPerson => ({
  nameZh,
  nameEn,
  title: `Director (illustrative) 主任（示例）`,
  email,
  ...(user ? { user } : {}),
});
const us = (nameZh: string, nameEn: string, type: CreateOrgInput['type']): CreateOrgInput => ({
  nameZh,
  nameEn,
  type,
  enterpriseSize: type === 'enterprise' ? 'large' : null,
  country: 'US',
});
const member = (nameZh: string, nameEn: string, organisation: CreateOrgInput): DemoPerson => ({
  nameZh,
  nameEn,
  title: 'Committee member (illustrative) 评估委员（示例）',
  organisation,
});

/**
 * NIST as the source document describes it (Figure 2): a government research institute under the
 * Department of Commerce, fully funded by federal appropriation, seven laboratories and centres, and an
 * evaluation committee appointed by the National Research Council. The yearly amounts, the directors
 * and the committee's members are not in the source and are illustrative.
 */
export const NIST: DemoPlatform = {
  profile: {
    code: 'NIST',
    nameZh: '美国国家标准与技术研究院',
    nameEn: 'National Institute of Standards and Technology',
    model: 'gov_institute',
    ratingFunding: 3,
    ratingRd: 3,
    ratingManagement: 3,
    supervisingDepartmentZh: '美国商务部',
    supervisingDepartmentEn: 'U.S. Department of Commerce',
    committeeAppointerZh: '美国国家研究理事会',
    committeeAppointerEn: 'National Research Council',
    fiscalYearStartMonth: 10,
    defaultCurrency: 'USD',
    country: 'US',
    foundedYear: 1901,
    descriptionZh:
      '美国商务部下设的联邦政府研究机构，前身为1901年成立的美国国家标准局，1988年更名。通过计量科学、标准和共性技术研发增强经济安全、提高生活质量，促进创新能力和工业竞争力；研究工作由下设实验室负责，无需其他申报审批步骤。',
    descriptionEn:
      'A federal research institute under the Department of Commerce, founded in 1901 as the National Bureau of Standards and renamed in 1988. It advances measurement science, standards and generic technology to strengthen economic security and industrial competitiveness; research is carried out by its own laboratories without an application step.',
    notes:
      'Model, ratings, supervising department, full federal funding, the seven units and the committee appointed by the National Research Council follow the source document (Figure 2). The yearly appropriation amounts, unit directors and committee members are illustrative. 模式、评级、主管部门、全额联邦拨款、七个实验室及评估委员会来自原文；年度金额、实验室主任和委员为示例数据。',
    isIllustrative: true,
  },
  funding: yearly(
    'USD',
    'appropriation',
    { 2010: 857, 2011: 750, 2012: 751, 2013: 772, 2014: 850, 2015: 864, 2016: 964 },
    ILLUSTRATIVE,
  ),
  fields: ['electronics', 'materials', 'manufacturing', 'energy', 'environment', 'bio'],
  units: [
    {
      kind: 'laboratory',
      code: 'ITL',
      nameZh: '信息科技实验室',
      nameEn: 'Information Technology Laboratory',
      fields: ['electronics'],
      director: director('陈浩', 'Chen Hao', 'chen.hao@example.org', 'director'),
      staff: [
        {
          nameZh: '刘洋',
          nameEn: 'Liu Yang',
          title: 'Researcher (illustrative) 研究人员（示例）',
          email: 'liu.yang@example.org',
          user: 'researcher',
          position: 'researcher',
        },
        {
          nameZh: '王磊',
          nameEn: 'Wang Lei',
          title: 'Engineer (illustrative) 工程师（示例）',
          email: 'wang.lei@example.org',
          position: 'engineer',
        },
      ],
    },
    {
      kind: 'center',
      code: 'CNST',
      nameZh: '纳米科学与技术中心',
      nameEn: 'Center for Nanoscale Science and Technology',
      fields: ['materials', 'electronics.flexible'],
      director: director('玛丽·约翰逊', 'Mary Johnson', 'mary.johnson@example.org'),
    },
    {
      kind: 'laboratory',
      code: 'CTL',
      nameZh: '通信技术实验室',
      nameEn: 'Communications Technology Laboratory',
      fields: ['electronics.5g'],
      director: director('詹姆斯·李', 'James Lee', 'james.lee@example.org'),
    },
    {
      kind: 'laboratory',
      code: 'EL',
      nameZh: '工程实验室',
      nameEn: 'Engineering Laboratory',
      fields: ['manufacturing', 'manufacturing.3d_printing', 'energy'],
      director: director('罗伯特·加西亚', 'Robert Garcia', 'robert.garcia@example.org'),
    },
    {
      kind: 'laboratory',
      code: 'MML',
      nameZh: '材料测量实验室',
      nameEn: 'Material Measurement Laboratory',
      fields: ['materials', 'bio', 'environment'],
      director: director('琳达·史密斯', 'Linda Smith', 'linda.smith@example.org'),
    },
    {
      kind: 'center',
      code: 'NCNR',
      nameZh: 'NIST中子研究中心',
      nameEn: 'NIST Center for Neutron Research',
      fields: ['materials'],
      director: director('迈克尔·布朗', 'Michael Brown', 'michael.brown@example.org'),
    },
    {
      kind: 'laboratory',
      code: 'PML',
      nameZh: '物理测量实验室',
      nameEn: 'Physical Measurement Laboratory',
      fields: ['electronics', 'energy'],
      director: director('苏珊·戴维斯', 'Susan Davis', 'susan.davis@example.org'),
    },
  ],
  committee: [
    {
      category: 'academic',
      termStart: '2024-01-01',
      fields: ['electronics'],
      person: member(
        '林美华',
        'Margaret Lin',
        us('麻省理工学院', 'Massachusetts Institute of Technology', 'university'),
      ),
    },
    {
      category: 'academic',
      termStart: '2024-01-01',
      fields: ['materials'],
      person: member('大卫·奥卡福', 'David Okafor', us('斯坦福大学', 'Stanford University', 'university')),
    },
    {
      category: 'lab',
      termStart: '2024-01-01',
      fields: ['energy'],
      person: member(
        '拉杰什·库马尔',
        'Rajesh Kumar',
        us('劳伦斯伯克利国家实验室', 'Lawrence Berkeley National Laboratory', 'institute'),
      ),
    },
    {
      category: 'lab',
      termStart: '2025-01-01',
      fields: ['materials'],
      person: member(
        '叶莲娜·彼得罗娃',
        'Elena Petrova',
        us('橡树岭国家实验室', 'Oak Ridge National Laboratory', 'institute'),
      ),
    },
    {
      category: 'industry',
      termStart: '2024-01-01',
      fields: ['electronics'],
      person: member('托马斯·赖特', 'Thomas Wright', us('英特尔公司', 'Intel Corporation', 'enterprise')),
    },
    {
      category: 'industry',
      termStart: '2025-01-01',
      fields: ['manufacturing'],
      person: member('格蕾丝·米勒', 'Grace Miller', us('波音公司', 'The Boeing Company', 'enterprise')),
    },
  ],
};
