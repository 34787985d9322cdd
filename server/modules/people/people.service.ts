import type { Kysely } from 'kysely';
import { appendAudit } from '../../db/audit-chain.js';
import type { DB } from '../../db/schema.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../http/errors.js';
import { organisationExists, organisationNames, survivingOrganisationIds } from '../orgs/orgs.lookup.js';
import {
  assertMayLinkDirectly,
  assertUserLinkable,
  checkLinkChange,
  personResource,
  recordLinkChange,
} from './people.links.js';
import { peopleOfPlatform, personUsage, placements } from './people.placements.js';
import { can } from './people.policy.js';
import {
  accountOrganisationId,
  deletePersonRow,
  findPersonRow,
  insertPersonRow,
  organisationPeople,
  type Person,
  peoplePage,
  personCards,
  personNames,
  personOrganisationId,
  personUserIds,
  updatePersonRow,
} from './people.repository.js';

/** Display names of organisations by id (the committee shows its members' organisations). */
export const organisationSummaries = organisationNames;
/** Names and titles of people by id, for other modules' views (the committee, unit staff). */
export const personSummaries = personNames;
/** Names, titles, contacts and linked account of people by id (unit staff and directors). */
export const personDetails = personCards;
/** A person's organisation id (null when none); undefined when the person does not exist. */
export const organisationOfPerson = personOrganisationId;
/** The account linked to each person, for other modules' policies (a unit's director). */
export const accountsOfPeople = personUserIds;
/** The organisation an account acts for: that of the person linked to it (an enterprise's own requests). */
export const organisationOfAccount = accountOrganisationId;

import type { CreatePersonInput, PersonView, UpdatePersonInput } from './people.schema.js';

type Row = Person;

/** Views for the caller: contact details only where the policy allows them. */
export async function peopleViews(ctx: Pick<Ctx, 'db' | 'actor'>, rows: Row[]): Promise<PersonView[]> {
  const links = await placements(
    ctx.db,
    rows.map((r) => r.id),
  );
  const orgs = await organisationNames(
    ctx.db,
    rows.map((r) => r.organisationId),
  );
  return rows.map((r) => {
    const resource = { ...links.get(r.id)!, userId: r.userId };
    const contact = can(ctx.actor, 'people.read_contact', resource);
    return {
      id: r.id,
      nameZh: r.nameZh,
      nameEn: r.nameEn,
      title: r.title,
      organisation: (r.organisationId && orgs.get(r.organisationId)) || null,
      platformIds: resource.platformIds,
      contactHidden: !contact,
      email: contact ? r.email : null,
      phone: contact ? r.phone : null,
      userId: contact ? r.userId : null,
      access: {
        edit: can(ctx.actor, 'people.update', resource),
        proposeLink: can(ctx.actor, 'people.propose_link', resource),
        linkAccount: can(ctx.actor, 'people.link_account', resource),
      },
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    };
  });
}

async function loadRow(db: Kysely<DB>, id: string): Promise<Row> {
  const row = await findPersonRow(db, id);
  if (!row) throw notFound('people.not_found');
  return row;
}

/** The organisation to store: it must exist; one merged into another is replaced by the survivor. */
export async function resolveOrganisation(db: Kysely<DB>, id: string | null | undefined, pointer: string) {
  if (!id) return null;
  const stored = (await survivingOrganisationIds(db, [id])).get(id);
  if (!stored) throw invalidField(pointer, 'people.unknown_organisation');
  return stored;
}

const audited = (r: Row) => ({
  nameZh: r.nameZh,
  nameEn: r.nameEn,
  title: r.title,
  email: r.email,
  phone: r.phone,
  organisationId: r.organisationId,
  userId: r.userId,
});

/**
 * Inserts and audits a person inside the caller's transaction, leaving the permission to the caller:
 * the people directory (createPersonInTrx) and the expert database, whose curators may add an expert
 * who is not yet on file (`via` names that path in the audit trail). `pointer` prefixes field paths in
 * errors when the person is nested in a larger body (e.g. "/person").
 */
export async function insertPersonRecord(
  trx: Kysely<DB>,
  ctx: Ctx,
  input: CreatePersonInput,
  pointer = '',
  via?: string,
  /**
   * An account made in the caller's transaction for this very person (an approved self-registration,
   * docs/adr/0045): both are new, so nobody's record or account is taken over and no consent is due.
   */
  newAccountId?: string,
): Promise<Row> {
  if (newAccountId) input = { ...input, userId: newAccountId };
  // Creating a person already linked to an existing account is linking it: system admins only (ADR 0013).
  else if (input.userId) assertMayLinkDirectly(ctx, { platformIds: [], userId: null }, `${pointer}/userId`);
  const organisationId = await resolveOrganisation(trx, input.organisationId, `${pointer}/organisationId`);
  await assertUserLinkable(trx, input.userId, `${pointer}/userId`);
  const now = isoNow(ctx.clock);
  const row: Row = {
    id: newId(),
    nameZh: input.nameZh,
    nameEn: input.nameEn ?? null,
    title: input.title ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    organisationId: organisationId,
    userId: input.userId ?? null,
    createdAt: now,
    updatedAt: now,
  };
  await insertPersonRow(trx, row);
  await appendAudit(trx, ctx.seam, ctx, {
    action: 'person.created',
    entityType: 'person',
    entityId: row.id,
    after: via ? { ...audited(row), via } : audited(row),
  });
  if (row.userId && !newAccountId) await recordLinkChange(trx, ctx, row, null, row.userId);
  return row;
}

/** Creates a person inside the caller's transaction (the importer and the committee use it). */
export async function createPersonInTrx(
  trx: Kysely<DB>,
  ctx: Ctx,
  input: CreatePersonInput,
  pointer = '',
): Promise<PersonView> {
  if (!can(ctx.actor, 'people.create')) throw forbidden();
  const row = await insertPersonRecord(trx, ctx, input, pointer);
  return (await peopleViews({ db: trx, actor: ctx.actor }, [row]))[0]!;
}

/** Creates a person record (platform admins and lab directors of any platform, system admins). */
export async function createPerson(ctx: Ctx, input: CreatePersonInput): Promise<PersonView> {
  return write(ctx, (trx) => createPersonInTrx(trx, ctx, input));
}

/** One person, if the caller may see them (404 otherwise, so ids cannot be probed). */
export async function getPerson(ctx: Ctx, id: string): Promise<PersonView> {
  const row = await loadRow(ctx.db, id);
  if (!can(ctx.actor, 'people.read', await personResource(ctx.db, row))) throw notFound('people.not_found');
  return (await peopleViews(ctx, [row]))[0]!;
}

async function authorize(
  trx: Kysely<DB>,
  ctx: Ctx,
  id: string,
  action: 'people.update' | 'people.delete',
  changesAccount = false,
) {
  const row = await loadRow(trx, id);
  const resource = await personResource(trx, row);
  if (!can(ctx.actor, 'people.read', resource)) throw notFound('people.not_found');
  // Said first, so a platform admin learns that a link is proposed, not made (ADR 0013).
  if (changesAccount) assertMayLinkDirectly(ctx, resource);
  if (!can(ctx.actor, action, resource)) throw forbidden();
  return { row, resource };
}

/**
 * Edits a person (ADR 0013: system admins; platform admins of every platform keeping the record).
 * Changing the account is for system admins, and never carries an expert's reviews unless asked to.
 */
export async function updatePerson(ctx: Ctx, id: string, input: UpdatePersonInput): Promise<PersonView> {
  const row = await write(ctx, async (trx, audit) => {
    const current = await loadRow(trx, id);
    const changesAccount = input.userId !== undefined && input.userId !== current.userId;
    const { row: before, resource } = await authorize(trx, ctx, id, 'people.update', changesAccount);
    if (changesAccount)
      await checkLinkChange(trx, ctx, before, resource, input.userId ?? null, input.moveHistory === true);
    const organisationId =
      input.organisationId === undefined
        ? before.organisationId
        : await resolveOrganisation(trx, input.organisationId, '/organisationId');
    const after: Row = {
      ...before,
      nameZh: input.nameZh ?? before.nameZh,
      nameEn: input.nameEn === undefined ? before.nameEn : input.nameEn,
      title: input.title === undefined ? before.title : input.title,
      email: input.email === undefined ? before.email : input.email,
      phone: input.phone === undefined ? before.phone : input.phone,
      organisationId: organisationId,
      userId: changesAccount ? (input.userId ?? null) : before.userId,
      updatedAt: isoNow(ctx.clock),
    };
    await updatePersonRow(trx, after);
    await audit({
      action: 'person.updated',
      entityType: 'person',
      entityId: id,
      before: audited(before),
      after: audited(after),
    });
    if (changesAccount)
      await recordLinkChange(trx, ctx, after, before.userId, after.userId, {
        historyMoved: input.moveHistory === true,
      });
    return after;
  });
  return (await peopleViews(ctx, [row]))[0]!;
}

/** Deletes a person nobody refers to any more; otherwise 409 people.in_use naming the references. */
export async function deletePerson(ctx: Ctx, id: string): Promise<void> {
  await write(ctx, async (trx, audit) => {
    const { row } = await authorize(trx, ctx, id, 'people.delete');
    const references = await personUsage(trx, id);
    if (references.length) throw new AppError(409, 'people.in_use', { references });
    await deletePersonRow(trx, id);
    await audit({
      action: 'person.deleted',
      entityType: 'person',
      entityId: id,
      before: audited(row),
    });
  });
}

/** The people directory (admins, supervisors and lab directors of any platform; system admins). */
export async function listPeople(
  ctx: Ctx,
  q: { q?: string; organisationId?: string; platformId?: string; limit: number; offset: number },
): Promise<{ items: PersonView[]; total: number }> {
  if (!can(ctx.actor, 'people.list')) throw forbidden();
  let ids: string[] | undefined;
  if (q.platformId) {
    ids = await peopleOfPlatform(ctx.db, q.platformId);
    if (ids.length === 0) return { items: [], total: 0 };
  }
  const { rows, total } = await peoplePage(ctx.db, { ...q, ids });
  return { items: await peopleViews(ctx, rows), total };
}

/**
 * The people of an organisation by name, for anyone signed in: an applicant names each consortium
 * member's contact person from it. Contact details stay behind the directory's rules.
 */
export async function listOrgContacts(ctx: Ctx, organisationId: string) {
  if (!(await organisationExists(ctx.db, organisationId))) throw new AppError(404, 'orgs.not_found');
  return { items: await organisationPeople(ctx.db, organisationId) };
}
