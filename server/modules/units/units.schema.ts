import { z } from 'zod';
import { STAFF_POSITIONS, UNIT_KINDS } from '../../../common/platforms.js';
import { fieldRefs, fieldSummary } from '../fields/fields.schema.js';

const text = (max: number) => z.string().trim().min(1).max(max);

const unitFields = {
  kind: z.enum(UNIT_KINDS),
  /** Unique within the platform, like the English name. */
  nameZh: text(200),
  nameEn: text(200),
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, 'letters, digits, . _ - (1–32 characters)')
    .nullable(),
  /** A person record (POST /api/people) who directs the unit. */
  directorPersonId: z.uuid().nullable(),
  descriptionZh: text(4000).nullable(),
  descriptionEn: text(4000).nullable(),
  sortOrder: z.number().int().min(0).max(1_000_000),
};
const { kind, nameZh, nameEn, ...optionalFields } = unitFields;
export const createUnitBody = z.strictObject({
  kind,
  nameZh,
  nameEn,
  ...z.object(optionalFields).partial().shape,
  ...fieldRefs,
});
export type CreateUnitInput = z.infer<typeof createUnitBody>;
export const updateUnitBody = z.strictObject(z.object(unitFields).partial().shape);
export type UpdateUnitInput = z.infer<typeof updateUnitBody>;
export const setUnitFieldsBody = z.strictObject(fieldRefs);

export const addStaffBody = z.strictObject({ personId: z.uuid(), position: z.enum(STAFF_POSITIONS) });
export const updateStaffBody = z.strictObject({ position: z.enum(STAFF_POSITIONS) });

export const platformUnitsParams = z.strictObject({ platformId: z.uuid() });
export const unitIdParams = z.strictObject({ id: z.uuid() });
export const staffParams = z.strictObject({ id: z.uuid(), staffId: z.uuid() });

export const personRef = z.object({
  id: z.uuid(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  title: z.string().nullable(),
});
export const staffView = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  title: z.string().nullable(),
  position: z.enum(STAFF_POSITIONS),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  createdAt: z.string(),
});
export type StaffView = z.infer<typeof staffView>;

/** The public part of a unit: what anyone, signed in or not, may see. */
export const unitPublic = z.object({
  id: z.uuid(),
  platformId: z.uuid(),
  kind: z.enum(UNIT_KINDS),
  code: z.string().nullable(),
  nameZh: z.string(),
  nameEn: z.string(),
  descriptionZh: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  sortOrder: z.number().int(),
  fields: z.array(fieldSummary),
});
export type UnitPublic = z.infer<typeof unitPublic>;

export const unitView = unitPublic.extend({
  /** False for callers without a role on the platform: director and staff are then left out. */
  personalDetails: z.boolean(),
  director: personRef.nullable().optional(),
  staffCount: z.number().int().optional(),
  /** Listed on the unit's own page only (GET /api/units/:id). */
  staff: z.array(staffView).optional(),
  access: z.object({ canEdit: z.boolean(), canManageStaff: z.boolean() }),
});
export type UnitView = z.infer<typeof unitView>;
export const unitList = z.object({ items: z.array(unitView) });
