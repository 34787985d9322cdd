import type { Kysely } from 'kysely';
import { EXPERT_CATEGORIES } from '../../../../common/review.js';
import type { DB } from '../../../db/schema.js';
import { type Audit, auditIn, write } from '../../../db/write.js';
import { type Ctx, isoNow, newId } from '../../../http/context.js';
import { AppError, forbidden, invalidField, notFound, unauthorized } from '../../../http/errors.js';
import { fieldWithChildren } from '../../fields/fields.lookup.js';
import { peopleByIds, personFilters, personOfUser } from '../../people/people.lookup.js';
import { insertPersonRecord } from '../../people/people.service.js';
import { canCurateExperts } from './experts.policy.js';
import {
  assignmentProfiles,
  type Expert,
  expertIdOfPerson,
  expertListPage,
  expertPersons,
  expertsByIds,
  findExpert,
  insertExpert,
  updateExpertRow,
} from './experts.repository.js';
import type {
  CreateExpertInput,
  ExpertView,
  ListExpertsQuery,
  OwnProfileInput,
  ProfileInput,
} from './experts.schema.js';
import { expertSummaries, expertView } from './experts.views.js';
import { replaceProfileLists } from './experts.write.js';

function requireCurator(ctx: Ctx) {
  if (!ctx.actor) throw unauthorized();
  if (!canCurateExperts(ctx.actor)) throw forbidden();
}

const audited = (r: Expert, input: Partial<ProfileInput>) => ({
  personId: r.personId,
  category: r.category,
  loadMax: r.loadMax,
  active: r.active,
  fieldIds: input.fieldIds,
  outputs: input.outputs?.length,
  declaredConflicts: input.declaredConflicts?.length,
  availability: input.availability?.length,
});

/** Creates an expert inside the caller's transaction (the importer and the demo seed use it). */
export function createExpertInTrx(trx: Kysely<DB>, ctx: Ctx, input: CreateExpertInput): Promise<string> {
  return createExpertWith(trx, auditIn(trx, ctx), ctx, input);
}

async function createExpertWith(
  trx: Kysely<DB>,
  audit: Audit,
  ctx: Ctx,
  input: CreateExpertInput,
): Promise<string> {
  requireCurator(ctx);
  let personId = input.personId;
  if (personId) {
    if (!(await peopleByIds(trx, [personId])).has(personId))
      throw invalidField('/personId', 'experts.unknown_person');
    if (await expertIdOfPerson(trx, personId)) {
      throw new AppError(409, 'experts.already_expert', {
        errors: [{ in: 'body', pointer: '/personId', code: 'experts.already_expert', message: '' }],
      });
    }
  } else {
    // Program officers curate experts but do not keep the people directory: the person of a new
    // expert who is not yet on file is created here, under the curator's permission.
    personId = (await insertPersonRecord(trx, ctx, input.person!, '/person', 'experts')).id;
  }
  const now = isoNow(ctx.clock);
  const row: Expert = {
    id: newId(),
    personId,
    category: input.category,
    expertiseZh: input.expertiseZh ?? null,
    expertiseEn: input.expertiseEn ?? null,
    loadMax: input.loadMax,
    active: input.active,
    notes: input.notes ?? null,
    createdAt: now,
    updatedAt: now,
  };
  await insertExpert(trx, row);
  await replaceProfileLists(trx, row.id, input, now);
  await audit({
    action: 'expert.created',
    entityType: 'expert',
    entityId: row.id,
    after: audited(row, input),
  });
  return row.id;
}

export async function createExpert(ctx: Ctx, input: CreateExpertInput): Promise<ExpertView> {
  const id = await write(ctx, (trx, audit) => createExpertWith(trx, audit, ctx, input));
  return getExpert(ctx, id);
}

async function loadExpert(db: Kysely<DB>, id: string): Promise<Expert> {
  const row = await findExpert(db, id);
  if (!row) throw notFound('experts.not_found');
  return row;
}

export async function getExpert(ctx: Ctx, id: string): Promise<ExpertView> {
  requireCurator(ctx);
  return expertView(ctx.db, await loadExpert(ctx.db, id), true);
}

/** Replaces the whole profile (the sub-lists too) in one transaction. */
export async function updateExpert(ctx: Ctx, id: string, input: ProfileInput): Promise<ExpertView> {
  requireCurator(ctx);
  await write(ctx, async (trx, audit) => {
    const before = await loadExpert(trx, id);
    const now = isoNow(ctx.clock);
    const after: Expert = {
      ...before,
      category: input.category,
      expertiseZh: input.expertiseZh ?? null,
      expertiseEn: input.expertiseEn ?? null,
      loadMax: input.loadMax,
      active: input.active,
      notes: input.notes ?? null,
      updatedAt: now,
    };
    const { id: _i, personId: _p, createdAt: _c, ...patch } = after;
    await updateExpertRow(trx, id, patch);
    await replaceProfileLists(trx, id, input, now);
    await audit({
      action: 'expert.updated',
      entityType: 'expert',
      entityId: id,
      before: audited(before, {}),
      after: audited(after, input),
    });
  });
  return getExpert(ctx, id);
}

/** The expert profile of a user (their person's), if any: "the expert I am" for the review modules. */
export async function expertIdOfUser(db: Kysely<DB>, userId: string | undefined): Promise<string | null> {
  const person = userId ? await personOfUser(db, userId) : undefined;
  return person ? expertIdOfPerson(db, person.id) : null;
}

/** Each expert's person's names (Chinese, English) and the expert's category. */
export async function expertPersonNames(db: Kysely<DB>, ids: string[]) {
  const experts = await expertPersons(db, ids);
  const people = await peopleByIds(
    db,
    [...experts.values()].map((e) => e.personId),
  );
  const out = new Map<string, { nameZh: string; nameEn: string | null; category: Expert['category'] }>();
  for (const [id, e] of experts) {
    const p = people.get(e.personId)!;
    out.set(id, { nameZh: p.nameZh, nameEn: p.nameEn, category: e.category });
  }
  return out;
}

/** The user account of each expert's person (null for a person without one). */
export async function userIdsOfExperts(db: Kysely<DB>, ids: string[]): Promise<Map<string, string | null>> {
  const experts = await expertPersons(db, ids);
  const people = await peopleByIds(
    db,
    [...experts.values()].map((e) => e.personId),
  );
  return new Map([...experts].map(([id, e]) => [id, people.get(e.personId)!.userId]));
}

async function ownExpert(ctx: Ctx): Promise<Expert> {
  if (!ctx.actor) throw unauthorized();
  const id = await expertIdOfUser(ctx.db, ctx.actor.userId);
  if (!id) throw notFound('experts.no_profile');
  return loadExpert(ctx.db, id);
}

/** The signed-in user's own profile (without the curators' notes). */
export async function getOwnProfile(ctx: Ctx): Promise<ExpertView> {
  return expertView(ctx.db, await ownExpert(ctx), false);
}

/** The expert updates expertise, outputs, declared conflicts, availability and load limit; not category or active. */
export async function updateOwnProfile(ctx: Ctx, input: OwnProfileInput): Promise<ExpertView> {
  const row = await ownExpert(ctx);
  await write(ctx, async (trx, audit) => {
    const before = await loadExpert(trx, row.id);
    const now = isoNow(ctx.clock);
    await updateExpertRow(trx, row.id, {
      expertiseZh: input.expertiseZh ?? null,
      expertiseEn: input.expertiseEn ?? null,
      loadMax: input.loadMax,
      updatedAt: now,
    });
    await replaceProfileLists(trx, row.id, input, now);
    await audit({
      action: 'expert.profile_updated',
      entityType: 'expert',
      entityId: row.id,
      before: audited(before, {}),
      after: audited({ ...before, loadMax: input.loadMax }, input),
    });
  });
  return getOwnProfile(ctx);
}

/** The expert database with filters, a page of rows, and counts by category and active flag. */
export async function listExperts(ctx: Ctx, q: ListExpertsQuery) {
  requireCurator(ctx);
  const person = personFilters(ctx.db, 'experts.person_id', { organisationId: q.organisationId, named: q.q });
  const fieldIds = q.fieldId ? await fieldWithChildren(ctx.db, q.fieldId) : undefined;
  const { tally, total, ids } = await expertListPage(ctx.db, q, person, fieldIds);
  const byCategory = Object.fromEntries(EXPERT_CATEGORIES.map((c) => [c, 0])) as Record<
    (typeof EXPERT_CATEGORIES)[number],
    number
  >;
  let active = 0;
  let inactive = 0;
  for (const t of tally) {
    if (q.active === undefined || !!t.active === q.active)
      byCategory[t.category as keyof typeof byCategory] += Number(t.n);
    if (!q.category || t.category === q.category) {
      if (t.active) active += Number(t.n);
      else inactive += Number(t.n);
    }
  }
  const rows = await expertsByIds(ctx.db, ids);
  return { items: await expertSummaries(ctx.db, rows), total, counts: { byCategory, active, inactive } };
}

/** For the review modules: whether an expert exists. */
export async function expertExists(db: Kysely<DB>, id: string): Promise<boolean> {
  return !!(await findExpert(db, id));
}

/** For the conflict engine (review/conflicts): experts in a scope, their collaborators and declarations. */
export {
  activeExpertCount,
  declaredConflicts,
  type ExpertScope,
  expertPeopleInScope,
  outputCollaborators,
} from './experts.conflicts.repository.js';
/** For the assignment instance: every expert's profile, windows, outputs and fields, by id. */
/** For the review modules' officer views and invitations: names and category, and accounts, of experts. */
/** For project checks: the expert's row (person, active flag), to check conflicts before a panel seat. */
export { assignmentProfiles, expertsByIds, findExpert };
