import type { Kysely } from 'kysely';
import { appendAudit } from '../../db/audit-chain.js';
import type { DB } from '../../db/schema.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../http/errors.js';
import { resolveFieldRefs } from '../fields/fields.service.js';
import { createPersonInTrx, organisationOfPerson, resolveOrganisation } from '../people/people.service.js';
import { platformOrNotFound } from '../platforms/platforms.service.js';
import { can } from './committee.policy.js';
import {
  deleteMember,
  findMember,
  insertMember,
  isMember,
  type Member,
  memberFieldIds,
  setMemberFields,
  updateMemberRow,
} from './committee.repository.js';
import type { AddCommitteeMemberInput, MemberView, UpdateCommitteeMemberInput } from './committee.schema.js';
import { memberViews, todayOf } from './committee.views.js';

/** A platform's appointments, ended ones included (the committee's evaluation of units reads them). */
export {
  findMember as committeeMember,
  membersOfPlatform as committeeMembersOf,
} from './committee.repository.js';

function assertTermOrder(start: string, end: string | null) {
  if (end !== null && end < start) throw invalidField('/termEnd', 'committee.term_order');
}

const audited = (r: Member, fieldIds: string[]) => ({
  personId: r.personId,
  category: r.category,
  organisationId: r.organisationId,
  termStart: r.termStart,
  termEnd: r.termEnd,
  appointedBy: r.appointedBy,
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
    const organisation = await organisationOfPerson(trx, personId);
    if (organisation === undefined) throw invalidField('/personId', 'committee.unknown_person');
    if (await isMember(trx, platformId, personId))
      throw new AppError(409, 'committee.already_member', {
        errors: [{ in: 'body', pointer: '/personId', code: 'committee.already_member', message: '' }],
      });
    personOrg = organisation;
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
  const row: Member = {
    id: newId(),
    platformId,
    personId,
    category: input.category,
    organisationId: organisationId === undefined ? personOrg : organisationId,
    termStart: input.termStart,
    termEnd: input.termEnd ?? null,
    appointedBy:
      input.appointedBy === undefined
        ? (platform.committeeAppointerZh ?? platform.committeeAppointerEn)
        : input.appointedBy,
    createdAt: now,
    updatedAt: now,
  };
  await insertMember(trx, row);
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
  return write(ctx, (trx) => addCommitteeMemberInTrx(trx, ctx, platformId, input), {
    retryOnUniqueViolation: true,
  });
}

async function editable(trx: Kysely<DB>, ctx: Ctx, id: string) {
  const row = await findMember(trx, id);
  if (!row) throw notFound('committee.not_found');
  const platform = { id: row.platformId };
  if (!can(ctx.actor, 'committee.manage', platform)) {
    throw can(ctx.actor, 'committee.read', platform) ? forbidden() : notFound('committee.not_found');
  }
  return { row, fieldIds: await memberFieldIds(trx, id) };
}

/** Edits a member's category, organisation, term, appointing body or fields (the platform's admins). */
export async function updateCommitteeMember(
  ctx: Ctx,
  id: string,
  input: UpdateCommitteeMemberInput,
): Promise<MemberView> {
  const row = await write(ctx, async (trx, audit) => {
    const { row: before, fieldIds: beforeFields } = await editable(trx, ctx, id);
    const after: Member = {
      ...before,
      category: input.category ?? before.category,
      organisationId:
        input.organisationId === undefined
          ? before.organisationId
          : await resolveOrganisation(trx, input.organisationId, '/organisationId'),
      termStart: input.termStart ?? before.termStart,
      termEnd: input.termEnd === undefined ? before.termEnd : input.termEnd,
      appointedBy: input.appointedBy === undefined ? before.appointedBy : input.appointedBy,
      updatedAt: isoNow(ctx.clock),
    };
    assertTermOrder(after.termStart, after.termEnd);
    const fieldsGiven = input.fieldIds !== undefined || input.fieldCodes !== undefined;
    const fieldIds = fieldsGiven
      ? await resolveFieldRefs(trx, input, { keep: new Set(beforeFields) })
      : beforeFields;
    const { id: _id, platformId: _p, personId: _person, createdAt: _c, ...patch } = after;
    await updateMemberRow(trx, id, patch);
    if (fieldsGiven) await setMemberFields(trx, id, fieldIds);
    await audit({
      action: 'committee.member_updated',
      entityType: 'committee_member',
      entityId: id,
      platformId: before.platformId,
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
  const row = await write(ctx, async (trx, audit) => {
    const { row: before } = await editable(trx, ctx, id);
    const end = termEnd ?? todayOf(ctx);
    assertTermOrder(before.termStart, end);
    const after: Member = { ...before, termEnd: end, updatedAt: isoNow(ctx.clock) };
    await updateMemberRow(trx, id, { termEnd: end, updatedAt: after.updatedAt });
    await audit({
      action: 'committee.term_ended',
      entityType: 'committee_member',
      entityId: id,
      platformId: before.platformId,
      before: { termEnd: before.termEnd },
      after: { termEnd: end },
    });
    return after;
  });
  return (await memberViews(ctx, [row]))[0]!;
}

/** Removes a member entered by mistake (ending the term is the normal way out). */
export async function removeCommitteeMember(ctx: Ctx, id: string): Promise<void> {
  await write(ctx, async (trx, audit) => {
    const { row, fieldIds } = await editable(trx, ctx, id);
    await deleteMember(trx, id);
    await audit({
      action: 'committee.member_removed',
      entityType: 'committee_member',
      entityId: id,
      platformId: row.platformId,
      before: audited(row, fieldIds),
    });
  });
}
