import { z } from 'zod';
import { COMMITTEE_CATEGORIES } from '../../../common/platforms.js';
import { fieldRefs, fieldSummary } from '../fields/fields.schema.js';
import { createPersonBody } from '../people/people.schema.js';

const isoDate = z.iso.date();
const appointedBy = z.string().trim().min(1).max(200).nullable();

/** A new member: an existing person (personId) or a new person record (person), not both. */
export const addMemberBody = z.strictObject({
  personId: z.uuid().optional(),
  person: createPersonBody.optional(),
  category: z.enum(COMMITTEE_CATEGORIES),
  /** Defaults to the person's organisation. */
  organisationId: z.uuid().nullable().optional(),
  termStart: isoDate,
  termEnd: isoDate.nullable().optional(),
  /** Defaults to the platform's committee appointer. */
  appointedBy: appointedBy.optional(),
  ...fieldRefs,
});
export type AddCommitteeMemberInput = z.infer<typeof addMemberBody>;

/** Fields replace the member's fields when given. */
export const updateMemberBody = z.strictObject({
  category: z.enum(COMMITTEE_CATEGORIES).optional(),
  organisationId: z.uuid().nullable().optional(),
  termStart: isoDate.optional(),
  termEnd: isoDate.nullable().optional(),
  appointedBy: appointedBy.optional(),
  ...fieldRefs,
});
export type UpdateCommitteeMemberInput = z.infer<typeof updateMemberBody>;

export const endTermBody = z.strictObject({
  /** The last day of the term; today (UTC) when omitted. */
  termEnd: isoDate.optional(),
});

export const listCommitteeQuery = z.strictObject({
  /** Also list members whose term has ended. */
  includeEnded: z.stringbool().default(false),
});
export const platformCommitteeParams = z.strictObject({ platformId: z.uuid() });
export const memberIdParams = z.strictObject({ id: z.uuid() });

/** Serving members by category; public (the organisation chart shows it). */
export const composition = z.object({
  academic: z.number().int(),
  lab: z.number().int(),
  industry: z.number().int(),
  total: z.number().int(),
});
export type Composition = z.infer<typeof composition>;

export const memberView = z.object({
  id: z.uuid(),
  platformId: z.uuid(),
  person: z.object({
    id: z.uuid(),
    nameZh: z.string(),
    nameEn: z.string().nullable(),
    title: z.string().nullable(),
  }),
  category: z.enum(COMMITTEE_CATEGORIES),
  organisation: z.object({ id: z.uuid(), nameZh: z.string(), nameEn: z.string().nullable() }).nullable(),
  fields: z.array(fieldSummary),
  termStart: z.string(),
  termEnd: z.string().nullable(),
  appointedBy: z.string().nullable(),
  /** Serving today: the term has started and not ended. */
  serving: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MemberView = z.infer<typeof memberView>;

export const committeeView = z.object({
  platformId: z.uuid(),
  appointerZh: z.string().nullable(),
  appointerEn: z.string().nullable(),
  composition,
  items: z.array(memberView),
  access: z.object({ canEdit: z.boolean() }),
});
