import { z } from 'zod';

/** Lower-case codes so "Energy" and "energy" cannot both exist; dots group sub-fields (energy.solar_thermal). */
export const fieldCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{0,39}$/, 'letters, digits, . _ - (1–40 characters)');
const name = z.string().trim().min(1).max(200);

export const createFieldBody = z.strictObject({
  code: fieldCode,
  nameZh: name,
  nameEn: name,
  /** A top-level field; omitted or null makes a top-level field. */
  parentId: z.uuid().nullable().optional(),
  sortOrder: z.number().int().min(0).max(1_000_000).optional(),
});
export type CreateFieldInput = z.infer<typeof createFieldBody>;

export const updateFieldBody = z.strictObject({
  code: fieldCode.optional(),
  nameZh: name.optional(),
  nameEn: name.optional(),
  parentId: z.uuid().nullable().optional(),
  sortOrder: z.number().int().min(0).max(1_000_000).optional(),
});
export type UpdateFieldInput = z.infer<typeof updateFieldBody>;

export const listFieldsQuery = z.strictObject({
  includeRetired: z.stringbool().default(false),
});
export const fieldIdParams = z.strictObject({ id: z.uuid() });

/** How other records refer to fields: by id (the UI) or by code (imports, scripts). */
export const fieldRefs = {
  fieldIds: z.array(z.uuid()).max(200).optional(),
  fieldCodes: z.array(fieldCode).max(200).optional(),
};

export const fieldSummary = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  retired: z.boolean(),
});
export type FieldSummary = z.infer<typeof fieldSummary>;

export const fieldView = fieldSummary.extend({
  sortOrder: z.number().int(),
  retiredAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type FieldView = z.infer<typeof fieldView>;

export const fieldNode = fieldView.extend({ children: z.array(fieldView) });
/** `access.curate`: whether the caller may add, edit, retire and delete fields (system admins, ADR 0013). */
export const fieldTree = z.object({ items: z.array(fieldNode), access: z.object({ curate: z.boolean() }) });
