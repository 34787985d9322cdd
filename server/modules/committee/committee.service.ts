import type { Kysely } from 'kysely';
import { appendAudit } from '../../db/audit-chain.js';
import type { DB } from '../../db/schema.js';
import { retryOnUniqueViolation } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../http/errors.js';
import { resolveFieldRefs } from '../fields/fields.service.js';
import { createPersonInTrx, resolveOrganisation } from '../people/people.service.js';
import { platformOrNotFound } from '../platforms/platforms.service.js';
import { can } from './committee.policy.js';
import type { AddCommitteeMemberInput, MemberView, UpdateCommitteeMemberInput } from './committee.schema.js';
import { memberViews, type Row, todayOf } from './committee.views.js';

function assertTermOrder(start: string, end: string | null) {
  if (end !== null && end < start) throw invalidField('/termEnd', 'committee.term_order');
}

async function setMemberFields(trx: Kysely<DB>, memberId: string, ids: string[]) {
  await trx.deleteFrom('committee_member_fields').where('member_id', '=', memberId).execute();
  if (ids.length)
    await trx
      .insertInto('committee_member_fields')
      .values(ids.map((field_id) => ({ member_id: memberId, field_id })))
      .execute();
}

const audited = (r: Row, fieldIds: string[]) => ({
  personId: r.person_id,
  category: r.category,
  organisationId: r.organisation_id,
  termStart: r.term_start,
  termEnd: r.term_end,
  appointedBy: r.appointed_by,
  fieldIds: [...fieldIds].sort(),
});

/**
 * Appoints a member inside the caller's transaction (the importer uses it): an existing person by id,
 * or a new person record created on the way. Organisation and appointing body default from the person
 * and the platform.
 */
export async function addCommitteeMemberInTrx(
  trx: Kysely<DB>,
  ctx: Ctx,
  platformId: string,
  input: AddCommitteeMemberInput,
): Promise<MemberView> {
  const platform = await platformOrNotFound(trx, platformId);
  if (!can(ctx.actor, 'committee.manage', platform)) throw forbidden();
  if ((input.personId === undefined) === (input.person === undefined))
    throw invalidField('/personId', 'committee.person_required');
  assertTermOrder(input.termStart, input.termEnd ?? null);
  let personId = input.personId;
  let personOrg: string | null = null;
  if (personId) {
    const person = await trx
      .selectFrom('people')
      .select(['id', 'organisation_id'])
      .where('id', '=', personId)
      .executeTakeFirst();
    if (!person) throw invalidField('/personId', 'committee.unknown_person');
    const taken = await trx
      .selectFrom('committee_members')
      .select('id')
      .where('platform_id', '=', platformId)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    if (taken)
      throw new AppError(409, 'committee.already_member', {
        errors: [{ in: 'body', pointer: '/personId', code: 'committee.already_member', message: '' }],
      });
    personOrg = person.organisation_id;
  }
  const organisationId =
    input.organisationId !== undefined
      ? await resolveOrganisation(trx, input.organisationId, '/organisationId')
      : undefined;
  const fieldIds = await resolveFieldRefs(trx, input);
  if (!personId) {
    const created = await createPersonInTrx(trx, ctx, input.person!, '/person');
    personId = created.id;
    personOrg = created.organisation?.id ?? null;
  }
  const now = isoNow(ctx.clock);
  const row: Row = {
    id: newId(),
    platform_id: platformId,
    person_id: personId,
    category: input.category,
    organisation_id: organisationId === undefined ? personOrg : organisationId,
    term_start: input.termStart,
    term_end: input.termEnd ?? null,
    appointed_by:
      input.appointedBy === undefined
        ? (platform.committee_appointer_zh ?? platform.committee_appointer_en)
        : input.appointedBy,
    created_at: now,
    updated_at: now,
  };
  await trx.insertInto('committee_members').values(row).execute();
  await setMemberFields(trx, row.id, fieldIds);
  await appendAudit(trx, ctx.seam, ctx, {
    action: 'committee.member_added',
    entityType: 'committee_member',
    entityId: row.id,
    platformId,
    after: audited(row, fieldIds),
  });
  return (await memberViews({ db: trx, clock: ctx.clock }, [row]))[0]!;
}

/** Appoints a member to a platform's evaluation committee (its admins). */
export async function addCommitteeMember(
  ctx: Ctx,
  platformId: string,
  input: AddCommitteeMemberInput,
): Promise<MemberView> {
  return retryOnUniqueViolation(ctx.seam, () =>
    ctx.db.transaction().execute((trx) => addCommitteeMemberInTrx(trx, ctx, platformId, input)),
  );
}

async function editable(trx: Kysely<DB>, ctx: Ctx, id: string) {
  const row = await trx.selectFrom('committee_members').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('committee.not_found');
  const platform = { id: row.platform_id };
  if (!can(ctx.actor, 'committee.manage', platform)) {
    throw can(ctx.actor, 'committee.read', platform) ? forbidden() : notFound('committee.not_found');
  }
  const fieldIds = (
    await trx.selectFrom('committee_member_fields').select('field_id').where('member_id', '=', id).execute()
  ).map((r) => r.field_id);
  return { row, fieldIds };
}

/** Edits a member's category, organisation, term, appointing body or fields (the platform's admins). */
export async function updateCommitteeMember(
  ctx: Ctx,
  id: string,
  input: UpdateCommitteeMemberInput,
): Promise<MemberView> {
  const row = await ctx.db.transaction().execute(async (trx) => {
    const { row: before, fieldIds: beforeFields } = await editable(trx, ctx, id);
    const after: Row = {
      ...before,
      category: input.category ?? before.category,
      organisation_id:
        input.organisationId === undefined
          ? before.organisation_id
          : await resolveOrganisation(trx, input.organisationId, '/organisationId'),
      term_start: input.termStart ?? before.term_start,
      term_end: input.termEnd === undefined ? before.term_end : input.termEnd,
      appointed_by: input.appointedBy === undefined ? before.appointed_by : input.appointedBy,
      updated_at: isoNow(ctx.clock),
    };
    assertTermOrder(after.term_start, after.term_end);
    const fieldsGiven = input.fieldIds !== undefined || input.fieldCodes !== undefined;
    const fieldIds = fieldsGiven
      ? await resolveFieldRefs(trx, input, { keep: new Set(beforeFields) })
      : beforeFields;
    const { id: _id, platform_id: _p, person_id: _person, created_at: _c, ...patch } = after;
    await trx.updateTable('committee_members').set(patch).where('id', '=', id).execute();
    if (fieldsGiven) await setMemberFields(trx, id, fieldIds);
    await appendAudit(trx, ctx.seam, ctx, {
      action: 'committee.member_updated',
      entityType: 'committee_member',
      entityId: id,
      platformId: before.platform_id,
      before: audited(before, beforeFields),
      after: audited(after, fieldIds),
    });
    return after;
  });
  return (await memberViews(ctx, [row]))[0]!;
}

/** Ends a member's term on the given day (today when omitted); the member stays on record. */
export async function endCommitteeTerm(
  ctx: Ctx,
  id: string,
  termEnd: string | undefined,
): Promise<MemberView> {
  const row = await ctx.db.transaction().execute(async (trx) => {
    const { row: before } = await editable(trx, ctx, id);
    const end = termEnd ?? todayOf(ctx);
    assertTermOrder(before.term_start, end);
    const after: Row = { ...before, term_end: end, updated_at: isoNow(ctx.clock) };
    await trx
      .updateTable('committee_members')
      .set({ term_end: end, updated_at: after.updated_at })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx.seam, ctx, {
      action: 'committee.term_ended',
      entityType: 'committee_member',
      entityId: id,
      platformId: before.platform_id,
      before: { termEnd: before.term_end },
      after: { termEnd: end },
    });
    return after;
  });
  return (await memberViews(ctx, [row]))[0]!;
}

/** Removes a member entered by mistake (ending the term is the normal way out). */
export async function removeCommitteeMember(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const { row, fieldIds } = await editable(trx, ctx, id);
    await trx.deleteFrom('committee_members').where('id', '=', id).execute();
    await appendAudit(trx, ctx.seam, ctx, {
      action: 'committee.member_removed',
      entityType: 'committee_member',
      entityId: id,
      platformId: row.platform_id,
      before: audited(row, fieldIds),
    });
  });
}
