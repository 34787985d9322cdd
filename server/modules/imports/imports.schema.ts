import { z } from 'zod';
import { ENTERPRISE_SIZES, ORG_TYPES } from '../orgs/orgs.schema.js';

export const IMPORT_KINDS = ['organisations', 'people', 'committee', 'experts', 'spending'] as const;
export type ImportKindName = (typeof IMPORT_KINDS)[number];
export const FILE_LANGS = ['zh-CN', 'en-US'] as const;

const lang = z
  .enum(FILE_LANGS)
  .default('zh-CN')
  .describe('Language of the header row and of enumeration values');

export const rowError = z.object({
  row: z.number().int().describe('Spreadsheet row number; the header is row 1'),
  column: z
    .string()
    .nullable()
    .describe('The header as written in the file (null for the row or file as a whole)'),
  columnKey: z
    .string()
    .nullable()
    .describe(
      'The column key (name_zh, credit_code…) whatever the language of the header; null for the row or file',
    ),
  code: z.string().describe('Stable error code; the UI localises it'),
  message: z.string().describe('English text of the code (the i18n key)'),
  value: z.string().nullable().optional().describe('The offending cell, when there is one'),
  params: z
    .record(z.string(), z.union([z.string(), z.number()]))
    .optional()
    .describe("Figures the reason names, from the service's problem (e.g. category and headroomMinor)"),
});
export type RowError = z.infer<typeof rowError>;

const summary = z.object({
  rows: z.number().int().describe('Data rows in the file'),
  valid: z.number().int(),
  invalid: z.number().int(),
});

export const importPreview = z.object({
  kind: z.enum(IMPORT_KINDS),
  rows: z.array(
    z.object({
      row: z.number().int(),
      values: z
        .record(z.string(), z.string().nullable())
        .describe('Cells by column key, normalised as they would be stored'),
    }),
  ),
  errors: z.array(rowError),
  summary,
});
export type ImportPreview = z.infer<typeof importPreview>;

export const importResult = z.object({
  kind: z.enum(IMPORT_KINDS),
  created: z.array(z.object({ row: z.number().int(), id: z.uuid() })),
  summary,
});
export type ImportResult = z.infer<typeof importResult>;

/** Added to the problem+json of a refused import: every row error (nothing was written). */
export const importProblemExtra = { rowErrors: z.array(rowError).optional(), summary: summary.optional() };

export const platformQuery = z.strictObject({
  platformId: z.uuid().describe('The platform whose committee this is'),
});
export const projectQuery = z.strictObject({
  projectId: z.uuid().describe('The project whose spending this is'),
});
export const noQuery = z.strictObject({});
export const templateQuery = z.strictObject({ lang });
export const spendingTemplateQuery = z.strictObject({
  lang,
  projectId: projectQuery.shape.projectId
    .optional()
    .describe("A project the caller reads: the instructions list its consortium's members"),
});
export const exportOrgsQuery = z.strictObject({
  lang,
  type: z.enum(ORG_TYPES).optional(),
  size: z.enum(ENTERPRISE_SIZES).optional(),
});
export const exportPeopleQuery = z.strictObject({ lang });
export const exportExpertsQuery = z.strictObject({ lang });
export const exportCommitteeQuery = z.strictObject({ lang, platformId: platformQuery.shape.platformId });
export const exportSpendingQuery = z.strictObject({ lang, projectId: projectQuery.shape.projectId });

export const fileResponse = (mime: string) => z.string().describe(`The file (${mime})`);
