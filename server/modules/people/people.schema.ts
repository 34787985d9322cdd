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

export const updatePersonBody = createPersonBody.partial().extend({
  /**
   * With a change of userId by a system admin: move an expert's seats and scorecards with the person to
   * the new account (or leave them unlinked). Without it such a change is refused (people.link_has_history).
   */
  moveHistory: z.boolean().optional(),
});
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
  /** What the caller may do with the record (docs/adr/0013): edit and delete it, propose an account link. */
  access: z.object({ edit: z.boolean(), proposeLink: z.boolean(), linkAccount: z.boolean() }),
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

/** A proposal to link a person record to a user account (docs/adr/0013). */
export const proposeLinkBody = z.strictObject({ userId: z.uuid() });
export const linkRequestParams = z.strictObject({ id: z.uuid() });
export const linkRequestView = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  userId: z.uuid(),
  state: z.enum(['pending', 'accepted', 'declined', 'superseded']),
  requestedAt: z.string(),
  answeredAt: z.string().nullable(),
});
export type LinkRequestView = z.infer<typeof linkRequestView>;
/** A proposal as the account's owner sees it: the person they would become and who proposed it. */
export const myLinkRequest = z.object({
  id: z.uuid(),
  requestedAt: z.string(),
  requestedBy: z.string().nullable(),
  person: z.object({
    id: z.uuid(),
    nameZh: z.string(),
    nameEn: z.string().nullable(),
    title: z.string().nullable(),
    organisation: z.object({ id: z.uuid(), nameZh: z.string(), nameEn: z.string().nullable() }).nullable(),
  }),
});
export type MyLinkRequest = z.infer<typeof myLinkRequest>;
export const myLinkRequestList = z.object({ items: z.array(myLinkRequest) });
