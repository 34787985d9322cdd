import { z } from 'zod';
import { EXPERT_CATEGORIES, OUTPUT_KINDS } from '../../../../common/review.js';
import { createPersonBody } from '../../people/people.schema.js';

const expertise = z.string().trim().min(1).max(4000);
const isoDate = z.iso.date();

/** A co-author, co-inventor or project partner of an output: a name, and the person and/or organisation when known. */
export const collaboratorBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  personId: z.uuid().nullable().optional(),
  organisationId: z.uuid().nullable().optional(),
});

export const outputBody = z.strictObject({
  kind: z.enum(OUTPUT_KINDS),
  title: z.string().trim().min(1).max(500),
  abstract: z.string().trim().min(1).max(5000).nullable().optional(),
  year: z.number().int().min(1900).max(2100).nullable().optional(),
  collaborators: z.array(collaboratorBody).max(50).default([]),
});

/** A conflict the expert declares: an organisation or a person (or both), with the reason. */
export const declaredConflictBody = z
  .strictObject({
    organisationId: z.uuid().nullable().optional(),
    personId: z.uuid().nullable().optional(),
    reason: z.string().trim().min(1).max(1000),
  })
  .refine((c) => c.organisationId || c.personId, {
    path: ['organisationId'],
    message: 'name an organisation or a person',
  });

/** A window (inclusive dates) in which the expert can review. */
export const availabilityBody = z
  .strictObject({
    startsOn: isoDate,
    endsOn: isoDate,
    note: z.string().trim().min(1).max(200).nullable().optional(),
  })
  .refine((w) => w.startsOn <= w.endsOn, { path: ['endsOn'], message: 'the window ends before it starts' });

/** What the expert maintains themselves (GET/PUT /api/experts/me). */
export const ownProfileBody = z.strictObject({
  fieldIds: z.array(z.uuid()).max(30).default([]),
  expertiseZh: expertise.nullable().optional(),
  expertiseEn: expertise.nullable().optional(),
  loadMax: z.number().int().min(0).max(100).default(6),
  outputs: z.array(outputBody).max(100).default([]),
  declaredConflicts: z.array(declaredConflictBody).max(50).default([]),
  availability: z.array(availabilityBody).max(50).default([]),
});
export type OwnProfileInput = z.infer<typeof ownProfileBody>;

/** The whole profile as curators maintain it; sub-lists replace what was stored. */
export const profileBody = ownProfileBody.extend({
  category: z.enum(EXPERT_CATEGORIES),
  active: z.boolean().default(true),
  notes: z.string().trim().min(1).max(2000).nullable().optional(),
});
export type ProfileInput = z.infer<typeof profileBody>;

/** A new expert: an existing person (personId), or a new person created in the same transaction. */
export const createExpertBody = profileBody
  .extend({
    personId: z.uuid().optional(),
    person: createPersonBody.optional(),
  })
  .refine((b) => !!b.personId !== !!b.person, {
    path: ['personId'],
    message: 'give either personId or person',
  });
export type CreateExpertInput = z.infer<typeof createExpertBody>;

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
export const listExpertsQuery = z.strictObject({
  q: z.string().trim().min(1).max(100).optional().describe('Matches names and expertise (zh or en)'),
  category: z.enum(EXPERT_CATEGORIES).optional(),
  fieldId: z.uuid().optional().describe('The field or one of its sub-fields'),
  organisationId: z.uuid().optional(),
  active: bool.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListExpertsQuery = z.infer<typeof listExpertsQuery>;
export const expertIdParams = z.strictObject({ expertId: z.uuid() });

const named = z.object({ id: z.uuid(), nameZh: z.string(), nameEn: z.string().nullable() });
const fieldRef = z.object({ id: z.uuid(), code: z.string(), nameZh: z.string(), nameEn: z.string() });

export const expertSummary = z.object({
  id: z.uuid(),
  person: named.extend({ title: z.string().nullable() }),
  organisation: named.nullable(),
  category: z.enum(EXPERT_CATEGORIES),
  fields: z.array(fieldRef),
  expertiseZh: z.string().nullable(),
  expertiseEn: z.string().nullable(),
  loadMax: z.number().int(),
  active: z.boolean(),
  outputCount: z.number().int(),
  /** The person has a user account (the expert can sign in and answer invitations). */
  hasAccount: z.boolean(),
  updatedAt: z.string(),
});
export type ExpertSummary = z.infer<typeof expertSummary>;

export const expertView = expertSummary.extend({
  /** Curators' notes; null on the expert's own view. */
  notes: z.string().nullable(),
  outputs: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(OUTPUT_KINDS),
      title: z.string(),
      abstract: z.string().nullable(),
      year: z.number().int().nullable(),
      collaborators: z.array(
        z.object({
          id: z.uuid(),
          name: z.string(),
          person: named.nullable(),
          organisation: named.nullable(),
        }),
      ),
    }),
  ),
  declaredConflicts: z.array(
    z.object({
      id: z.uuid(),
      organisation: named.nullable(),
      person: named.nullable(),
      reason: z.string(),
      declaredAt: z.string(),
    }),
  ),
  availability: z.array(
    z.object({ id: z.uuid(), startsOn: z.string(), endsOn: z.string(), note: z.string().nullable() }),
  ),
  createdAt: z.string(),
});
export type ExpertView = z.infer<typeof expertView>;

export const expertList = z.object({
  items: z.array(expertSummary),
  total: z.number().int(),
  /** Experts matching the filters other than category and active, by category and by active flag. */
  counts: z.object({
    byCategory: z.record(z.enum(EXPERT_CATEGORIES), z.number().int()),
    active: z.number().int(),
    inactive: z.number().int(),
  }),
});
