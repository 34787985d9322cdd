import { z } from 'zod';

// The documented shape of each dataset's records (issue 15; docs/open-data.md). The response schemas
// strip any field not named here, a second guard behind the projection in open-data.views.ts.

const id = z.string().describe('Stable id (UUIDv7); never reused');
const money = z.object({ currency: z.string().length(3), amountMinor: z.number().int() });
const nullableText = z.string().nullable();

const EX_PLATFORM = '01937a8e-0000-7000-8000-000000000001';
const EX_FIELD = '01937a8e-0000-7000-8000-0000000000f1';

export const platformItem = z
  .object({
    id,
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    model: z.string(),
    supervisingDepartmentZh: nullableText,
    supervisingDepartmentEn: nullableText,
    committeeAppointerZh: nullableText,
    committeeAppointerEn: nullableText,
    country: nullableText,
    foundedYear: z.number().int().nullable(),
    descriptionZh: nullableText,
    descriptionEn: nullableText,
    ratings: z.object({ funding: z.number(), rd: z.number(), management: z.number() }),
    fiscalYearStartMonth: z.number().int(),
    defaultCurrency: z.string(),
    isIllustrative: z.boolean().describe('Demo figures that illustrate, not report'),
    fieldIds: z.array(z.string()),
    funding: z.array(
      money.extend({ year: z.number().int(), source: z.string(), isIllustrative: z.boolean() }),
    ),
  })
  .meta({
    examples: [
      {
        id: EX_PLATFORM,
        code: 'SZ-AM',
        nameZh: '深圳先进制造共性技术平台',
        nameEn: 'Shenzhen Advanced Manufacturing Platform',
        model: 'fraunhofer',
        supervisingDepartmentZh: '深圳市科技创新局',
        supervisingDepartmentEn: 'Shenzhen Science, Technology and Innovation Commission',
        committeeAppointerZh: null,
        committeeAppointerEn: null,
        country: 'CN',
        foundedYear: 2021,
        descriptionZh: null,
        descriptionEn: null,
        ratings: { funding: 4, rd: 3, management: 3 },
        fiscalYearStartMonth: 1,
        defaultCurrency: 'CNY',
        isIllustrative: false,
        fieldIds: [EX_FIELD],
        funding: [
          {
            year: 2025,
            source: 'appropriation',
            currency: 'CNY',
            amountMinor: 5_000_000_00,
            isIllustrative: false,
          },
        ],
      },
    ],
  });

export const unitItem = z
  .object({
    id,
    platformId: z.string(),
    kind: z.string(),
    code: nullableText,
    nameZh: z.string(),
    nameEn: z.string(),
    descriptionZh: nullableText,
    descriptionEn: nullableText,
    fieldIds: z.array(z.string()),
  })
  .meta({
    examples: [
      {
        id: '01937a8e-0000-7000-8000-0000000000a1',
        platformId: EX_PLATFORM,
        kind: 'laboratory',
        code: 'L1',
        nameZh: '增材制造实验室',
        nameEn: 'Additive Manufacturing Lab',
        descriptionZh: null,
        descriptionEn: null,
        fieldIds: [EX_FIELD],
      },
    ],
  });

export const fieldItem = z
  .object({
    id,
    parentId: z.string().nullable(),
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    sortOrder: z.number().int(),
    retired: z.boolean(),
  })
  .meta({
    examples: [
      {
        id: EX_FIELD,
        parentId: null,
        code: 'AM',
        nameZh: '先进制造',
        nameEn: 'Advanced manufacturing',
        sortOrder: 0,
        retired: false,
      },
    ],
  });

export const callItem = z
  .object({
    id,
    platformId: z.string(),
    code: z.string(),
    titleZh: z.string(),
    titleEn: z.string(),
    summaryZh: nullableText,
    summaryEn: nullableText,
    state: z.string(),
    opensAt: z.string(),
    closesAt: z.string(),
    currency: z.string(),
    budgetTotalMinor: z.number().int(),
    ceilingMinor: z.number().int(),
    fieldIds: z.array(z.string()),
    publishedAt: nullableText,
    closedAt: nullableText,
  })
  .meta({
    examples: [
      {
        id: '01937a8e-0000-7000-8000-0000000000c1',
        platformId: EX_PLATFORM,
        code: 'CALL-2026-01',
        titleZh: '2026年度共性技术攻关项目指南',
        titleEn: '2026 Generic Technology Call',
        summaryZh: null,
        summaryEn: null,
        state: 'published',
        opensAt: '2026-03-01T00:00:00.000Z',
        closesAt: '2026-04-30T09:00:00.000Z',
        currency: 'CNY',
        budgetTotalMinor: 20_000_000_00,
        ceilingMinor: 3_000_000_00,
        fieldIds: [EX_FIELD],
        publishedAt: '2026-02-20T02:00:00.000Z',
        closedAt: null,
      },
    ],
  });

const orgRef = z.object({
  id: z.string(),
  nameZh: nullableText,
  nameEn: nullableText,
  type: nullableText,
  country: nullableText,
});

export const projectItem = z
  .object({
    id,
    platformId: z.string(),
    unitId: z.string().nullable(),
    kind: z.string(),
    code: z.string(),
    titleZh: z.string(),
    titleEn: z.string(),
    summaryZh: nullableText,
    summaryEn: nullableText,
    budgetMinor: z.number().int(),
    currency: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    state: z.string(),
    outcome: nullableText,
    fieldIds: z.array(z.string()),
    leadOrganisation: orgRef.nullable(),
    consortium: z.array(
      z.object({
        position: z.number().int(),
        organisation: orgRef,
        role: nullableText,
        fundedMinor: z.number().int(),
        cofundingMinor: z.number().int(),
      }),
    ),
  })
  .meta({
    examples: [
      {
        id: '01937a8e-0000-7000-8000-0000000000b1',
        platformId: EX_PLATFORM,
        unitId: null,
        kind: 'extramural',
        code: 'P-2026-001',
        titleZh: '高温合金增材制造工艺',
        titleEn: 'Additive manufacturing of superalloys',
        summaryZh: null,
        summaryEn: null,
        budgetMinor: 2_400_000_00,
        currency: 'CNY',
        startsOn: '2026-07-01',
        endsOn: '2028-06-30',
        state: 'in_progress',
        outcome: null,
        fieldIds: [EX_FIELD],
        leadOrganisation: {
          id: '01937a8e-0000-7000-8000-0000000000e1',
          nameZh: '某大学',
          nameEn: 'A University',
          type: 'university',
          country: 'CN',
        },
        consortium: [
          {
            position: 0,
            organisation: {
              id: '01937a8e-0000-7000-8000-0000000000e1',
              nameZh: '某大学',
              nameEn: 'A University',
              type: 'university',
              country: 'CN',
            },
            role: 'lead',
            fundedMinor: 2_000_000_00,
            cofundingMinor: 400_000_00,
          },
        ],
      },
    ],
  });

export const resultItem = z
  .object({
    id,
    platformId: z.string(),
    unitId: z.string().nullable(),
    type: z.string(),
    titleZh: z.string(),
    titleEn: z.string(),
    summaryZh: z.string(),
    summaryEn: z.string(),
    trl: z.number().int().nullable(),
    year: z.number().int().nullable(),
    identifier: nullableText,
    url: nullableText,
    authors: nullableText,
    fieldIds: z.array(z.string()),
    isIllustrative: z.boolean(),
    publishedAt: nullableText,
  })
  .meta({
    examples: [
      {
        id: '01937a8e-0000-7000-8000-0000000000d1',
        platformId: EX_PLATFORM,
        unitId: null,
        type: 'standard',
        titleZh: '激光熔覆层质量评价方法',
        titleEn: 'Quality assessment of laser cladding layers',
        summaryZh: '……',
        summaryEn: '…',
        trl: null,
        year: 2025,
        identifier: 'T/XXX 001-2025',
        url: null,
        authors: null,
        fieldIds: [EX_FIELD],
        isIllustrative: false,
        publishedAt: '2025-11-02T08:00:00.000Z',
      },
    ],
  });

export const technologyItem = z
  .object({
    id,
    platformId: z.string(),
    unitId: z.string().nullable(),
    titleZh: z.string(),
    titleEn: z.string(),
    summaryZh: z.string(),
    summaryEn: z.string(),
    trl: z.number().int().nullable(),
    problemZh: nullableText,
    problemEn: nullableText,
    advantageZh: nullableText,
    advantageEn: nullableText,
    applicationsZh: nullableText,
    applicationsEn: nullableText,
    ipStatusZh: nullableText,
    ipStatusEn: nullableText,
    licenceTypes: z.array(z.string()),
    licenceKinds: z.array(z.string()),
    fieldIds: z.array(z.string()),
    isIllustrative: z.boolean(),
    publishedAt: nullableText,
  })
  .meta({
    examples: [
      {
        id: '01937a8e-0000-7000-8000-0000000000d2',
        platformId: EX_PLATFORM,
        unitId: null,
        titleZh: '低成本钛合金粉末制备技术',
        titleEn: 'Low-cost titanium alloy powder',
        summaryZh: '……',
        summaryEn: '…',
        trl: 6,
        problemZh: null,
        problemEn: null,
        advantageZh: null,
        advantageEn: null,
        applicationsZh: null,
        applicationsEn: null,
        ipStatusZh: '已授权发明专利2项',
        ipStatusEn: 'Two granted invention patents',
        licenceTypes: ['non_exclusive'],
        licenceKinds: ['invention'],
        fieldIds: [EX_FIELD],
        isIllustrative: false,
        publishedAt: '2025-09-12T08:00:00.000Z',
      },
    ],
  });

export const statisticsItem = z
  .object({
    id: z.string().describe('<platformId>:<year>'),
    platformId: z.string(),
    year: z.number().int(),
    funding: z.array(money.extend({ source: z.string() })),
    callsOpened: z.number().int(),
    callBudgets: z.array(money),
    projectsStarted: z.number().int(),
    projectBudgets: z.array(money),
    resultsPublished: z.number().int(),
    technologiesPublished: z.number().int(),
  })
  .meta({
    examples: [
      {
        id: `${EX_PLATFORM}:2025`,
        platformId: EX_PLATFORM,
        year: 2025,
        funding: [{ source: 'appropriation', currency: 'CNY', amountMinor: 5_000_000_00 }],
        callsOpened: 1,
        callBudgets: [{ currency: 'CNY', amountMinor: 20_000_000_00 }],
        projectsStarted: 4,
        projectBudgets: [{ currency: 'CNY', amountMinor: 9_600_000_00 }],
        resultsPublished: 7,
        technologiesPublished: 2,
      },
    ],
  });

export const DATASET_ITEMS = {
  platforms: platformItem,
  units: unitItem,
  fields: fieldItem,
  calls: callItem,
  projects: projectItem,
  results: resultItem,
  technologies: technologyItem,
  statistics: statisticsItem,
} as const;
