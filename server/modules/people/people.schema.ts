import { z } from 'zod';

const personName = z.string().trim().min(1).max(100);

/** A person record; also what the importer passes to createPersonInTrx. */
export const createPersonBody = z.strictObject({
  nameZh: personName,
  nameEn: personName.nullable().optional(),
  title: z.string().trim().min(1).max(200).nullable().optional(),
  email: z.email().max(200).nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 ()-]{2,39}$/, 'digits, spaces, ( ) - and a leading +')
    .nullable()
    .optional(),
  /** An organisation of the registry (server/modules/orgs). */
  organisationId: z.uuid().nullable().optional(),
  /** The user account of this person, so they can act on their own unit (lab directors). */
  userId: z.uuid().nullable().optional(),
});
export type CreatePersonInput = z.infer<typeof createPersonBody>;

export const updatePersonBody = createPersonBody.partial();
export type UpdatePersonInput = z.infer<typeof updatePersonBody>;

export const listPeopleQuery = z.strictObject({
  q: z.string().trim().min(1).max(100).optional(),
  organisationId: z.uuid().optional(),
  /** People who work on or for this platform (staff, unit directors, committee members). */
  platformId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const personIdParams = z.strictObject({ id: z.uuid() });

export const personView = z.object({
  id: z.uuid(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  title: z.string().nullable(),
  organisation: z.object({ id: z.uuid(), nameZh: z.string(), nameEn: z.string().nullable() }).nullable(),
  /** Platforms the person works on or for (staff, unit director, committee). */
  platformIds: z.array(z.uuid()),
  /** True when email, phone and userId are withheld from this caller (they are null then). */
  contactHidden: z.boolean(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  userId: z.uuid().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PersonView = z.infer<typeof personView>;
export const personList = z.object({ items: z.array(personView), total: z.number().int() });

/** A contact person of an organisation as anyone signed in may see it: a name to pick, no contact details. */
export const orgContact = z.object({
  id: z.string(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  title: z.string().nullable(),
  hasAccount: z.boolean(),
});
export const orgContactList = z.object({ items: z.array(orgContact) });
export const orgIdParams = z.strictObject({ id: z.uuid() });
