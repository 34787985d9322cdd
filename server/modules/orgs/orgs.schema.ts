import { z } from 'zod';

export const ORG_TYPES = ['enterprise', 'university', 'institute', 'government', 'other'] as const;
export type OrgType = (typeof ORG_TYPES)[number];
export const ENTERPRISE_SIZES = ['large', 'sme'] as const;
export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];

/** Digits with an optional leading +, spaces, dashes, parentheses and an extension ("010-6279 5627 ext. 12"). */
export const PHONE_PATTERN = /^\+?[0-9(][0-9 ()-]{4,28}[0-9](?:\s*(?:ext\.?|x|转)\s*[0-9]{1,6})?$/i;
export const COUNTRY_PATTERN = /^[A-Z]{2}$/;

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => text(max).nullable().optional();

/** Fields of an organisation as the API takes them; business rules (credit code, size) are checked by the service. */
const orgFields = {
  nameZh: text(200).describe('Name as registered (Chinese, or the native name of a foreign organisation)'),
  nameEn: optionalText(200),
  type: z.enum(ORG_TYPES),
  enterpriseSize: z
    .enum(ENTERPRISE_SIZES)
    .nullable()
    .optional()
    .describe('Required for enterprises, must be empty for other types'),
  creditCode: z
    .string()
    .trim()
    .max(40)
    .nullable()
    .optional()
    .describe('统一社会信用代码, 18 characters, GB 32100-2015; normalised to upper case'),
  registryId: optionalText(100).describe('Another registry id (foreign organisations)'),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(COUNTRY_PATTERN, 'ISO 3166-1 alpha-2 country code')
    .optional()
    .describe('ISO 3166-1 alpha-2, default CN'),
  address: optionalText(300),
  contactName: optionalText(100),
  contactPhone: z.string().trim().regex(PHONE_PATTERN, 'phone number').nullable().optional(),
  contactEmail: z.email().max(200).nullable().optional(),
  website: z
    .url({ protocol: /^https?$/ })
    .max(300)
    .nullable()
    .optional(),
};

export const createOrgBody = z.strictObject(orgFields);
export type CreateOrgInput = z.infer<typeof createOrgBody>;
export const updateOrgBody = z.strictObject({
  ...orgFields,
  nameZh: orgFields.nameZh.optional(),
  type: orgFields.type.optional(),
});
export type UpdateOrgInput = z.infer<typeof updateOrgBody>;

export const listOrgsQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe('Matches names (also ignoring legal-form suffixes) and credit code'),
  type: z.enum(ORG_TYPES).optional(),
  size: z.enum(ENTERPRISE_SIZES).optional(),
  includeMerged: z
    .enum(['true', 'false'])
    .default('false')
    .describe('Also list organisations merged into others'),
  sort: z
    .enum(['name_zh', 'name_en'])
    .default('name_zh')
    .describe('name_en: by English name (the Chinese one where there is none), for pages read in English'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListOrgsQuery = z.infer<typeof listOrgsQuery>;

export const orgIdParams = z.strictObject({ id: z.uuid() });
export const mergeOrgBody = z.strictObject({
  intoId: z.uuid().describe('The organisation that survives'),
  reason: z.string().trim().min(1).max(500),
});

export const orgView = z.object({
  id: z.uuid(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  type: z.enum(ORG_TYPES),
  enterpriseSize: z.enum(ENTERPRISE_SIZES).nullable(),
  creditCode: z.string().nullable(),
  registryId: z.string().nullable(),
  country: z.string(),
  address: z.string().nullable(),
  website: z.string().nullable(),
  contactName: z.string().nullable().optional().describe('Present for registry managers only'),
  contactPhone: z.string().nullable().optional().describe('Present for registry managers only'),
  contactEmail: z.string().nullable().optional().describe('Present for registry managers only'),
  mergedIntoId: z.uuid().nullable().describe('Set once merged: show the surviving organisation instead'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OrgView = z.infer<typeof orgView>;

export const orgDetail = orgView.extend({
  mergedInto: z.object({ id: z.uuid(), nameZh: z.string(), nameEn: z.string().nullable() }).nullable(),
  references: z
    .record(z.string(), z.number().int())
    .describe('How many records point at this organisation, by "table.column"'),
  canManage: z
    .boolean()
    .describe(
      'Whether the caller may edit and merge this organisation: keepers of every platform whose records use it (ADR 0013)',
    ),
});
export type OrgDetail = z.infer<typeof orgDetail>;

/** An organisation with whether the caller may edit and merge it, by the rule the write checks. */
export const orgWithAccess = orgView.extend({
  canEdit: z
    .boolean()
    .describe('Whether the caller may edit and merge this one: the same rule as the write (ADR 0013)'),
});

export const orgList = z.object({
  items: z.array(orgWithAccess),
  total: z.number().int(),
  canManage: z.boolean(),
});

export const DUPLICATE_REASONS = [
  'same_name',
  'same_english_name',
  'similar_name',
  'same_registry_id',
] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];
export const duplicateGroups = z.object({
  threshold: z.number().describe('Minimum bigram similarity of name keys for "similar_name"'),
  groups: z.array(
    z.object({
      organisations: z.array(orgWithAccess),
      pairs: z.array(
        z.object({
          a: z.uuid(),
          b: z.uuid(),
          reason: z.enum(DUPLICATE_REASONS),
          similarity: z.number().min(0).max(1),
        }),
      ),
    }),
  ),
});

export const mergeResult = z.object({
  survivor: orgView,
  merged: orgView,
  moved: z
    .record(z.string(), z.number().int())
    .describe('References moved to the survivor, by "table.column"'),
  filled: z.array(z.string()).describe("The survivor's empty fields filled from the merged organisation"),
});
