import type { Kysely } from 'kysely';
import { appendAudit } from '../../db/audit-chain.js';
import type { DB } from '../../db/schema.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { keepingOfMany, keepingPlatformsOf } from './orgs.keeping.repository.js';
import { nameKey } from './orgs.names.js';
import { can, canEdit, type OrgKeeping } from './orgs.policy.js';
import {
  countReferences,
  findOrg,
  findOrgByCreditCode,
  findOrgForUpdate,
  insertOrg,
  listOrgRows,
  type Org,
  updateOrgRow,
} from './orgs.repository.js';
import { assertOrgRules, duplicateCreditCode, normaliseCode } from './orgs.rules.js';
import type {
  CreateOrgInput,
  EnterpriseSize,
  ListOrgsQuery,
  OrgDetail,
  OrgType,
  OrgView,
  UpdateOrgInput,
} from './orgs.schema.js';

/** The API view; contact details only when the caller keeps the registry. */
export function toOrgView(o: Org, withContacts: boolean): OrgView {
  return {
    id: o.id,
    nameZh: o.nameZh,
    nameEn: o.nameEn,
    type: o.type as OrgType,
    enterpriseSize: o.enterpriseSize as EnterpriseSize | null,
    creditCode: o.creditCode,
    registryId: o.registryId,
    country: o.country,
    address: o.address,
    website: o.website,
    ...(withContacts && {
      contactName: o.contactName,
      contactPhone: o.contactPhone,
      contactEmail: o.contactEmail,
    }),
    mergedIntoId: o.mergedIntoId,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
  };
}

const auditable = (o: Org) => toOrgView(o, true);

export function assertCan(ctx: Ctx, action: 'orgs.read' | 'orgs.manage'): void {
  if (!can(ctx.actor, action)) throw forbidden();
}

/**
 * Editing or merging one organisation is for the keepers of every platform that uses it (ADR 0013);
 * a registry keeper of another platform gets 403 orgs.keepers_only. Read inside the write's
 * transaction, after the row is locked, so a reference added meanwhile is counted.
 */
export async function assertCanEdit(trx: Kysely<DB>, ctx: Ctx, id: string): Promise<void> {
  if (!(await editableOrganisations(trx, ctx.actor, [id])).has(id))
    throw new AppError(403, 'orgs.keepers_only');
}

/** Which of these organisations the actor may edit (the rule assertCanEdit enforces), in one read. */
export async function editableOrganisations(
  db: Kysely<DB>,
  actor: Ctx['actor'],
  ids: readonly string[],
): Promise<Set<string>> {
  const keeping = await keepingOfMany(db, ids);
  return new Set(ids.filter((id) => canEdit(actor, keeping.get(id)!)));
}

/**
 * Inserts an organisation inside the caller's transaction, with its audit entry; the caller has
 * authorised. A credit code already taken fails at the unique index (the importer reports the row).
 */
export async function insertOrganisationInTrx(
  trx: Kysely<DB>,
  ctx: Ctx,
  input: CreateOrgInput,
): Promise<string> {
  const creditCode = normaliseCode(input.creditCode).code;
  const enterpriseSize = input.enterpriseSize ?? null;
  assertOrgRules({ type: input.type, enterpriseSize, creditCode });
  const now = isoNow(ctx.clock);
  const row: Org = {
    id: newId(),
    nameZh: input.nameZh,
    nameEn: input.nameEn ?? null,
    nameKey: nameKey(input.nameZh),
    type: input.type,
    enterpriseSize,
    creditCode,
    registryId: input.registryId ?? null,
    country: input.country ?? 'CN',
    address: input.address ?? null,
    contactName: input.contactName ?? null,
    contactPhone: input.contactPhone ?? null,
    contactEmail: input.contactEmail ?? null,
    website: input.website ?? null,
    mergedIntoId: null,
    createdAt: now,
    updatedAt: now,
  };
  await insertOrg(trx, row);
  await appendAudit(trx, ctx.seam, ctx, {
    action: 'organisation.created',
    entityType: 'organisation',
    entityId: row.id,
    after: auditable(row),
  });
  return row.id;
}

/** Registers an organisation (registry keepers); a credit code already registered is a 409 naming the holder. */
export async function createOrg(ctx: Ctx, input: CreateOrgInput): Promise<OrgView> {
  assertCan(ctx, 'orgs.manage');
  const code = normaliseCode(input.creditCode).code;
  const id = await raceSafe(ctx, code, () =>
    write(ctx, async (trx) => {
      const existing = code ? await findOrgByCreditCode(trx, code) : undefined;
      if (existing) throw duplicateCreditCode(existing.id);
      return insertOrganisationInTrx(trx, ctx, input);
    }),
  );
  return toOrgView((await findOrg(ctx.db, id))!, true);
}

/** A concurrent writer may take the code between our check and our write: the index decides, still a 409. */
async function raceSafe<T>(ctx: Ctx, code: string | null | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const holder =
      code && ctx.seam.isUniqueViolation(err) ? await findOrgByCreditCode(ctx.db, code) : undefined;
    if (holder) throw duplicateCreditCode(holder.id);
    throw err;
  }
}

/** Edits an organisation (registry keepers); merged organisations are frozen. */
export async function updateOrg(ctx: Ctx, id: string, input: UpdateOrgInput): Promise<OrgView> {
  assertCan(ctx, 'orgs.manage');
  const wanted = input.creditCode ? normaliseCode(input.creditCode).code : null;
  await raceSafe(ctx, wanted, () =>
    write(ctx, async (trx, audit) => {
      const before = await findOrgForUpdate(trx, ctx.seam, id);
      if (!before) throw notFound('orgs.not_found');
      if (before.mergedIntoId) throw new AppError(409, 'orgs.merged', { mergedIntoId: before.mergedIntoId });
      await assertCanEdit(trx, ctx, id);
      const type = input.type ?? (before.type as OrgType);
      const enterpriseSize =
        input.enterpriseSize !== undefined
          ? input.enterpriseSize
          : (before.enterpriseSize as EnterpriseSize | null);
      const creditCode =
        input.creditCode !== undefined ? normaliseCode(input.creditCode).code : before.creditCode;
      assertOrgRules({ type, enterpriseSize, creditCode });
      if (creditCode && creditCode !== before.creditCode) {
        const holder = await findOrgByCreditCode(trx, creditCode);
        if (holder) throw duplicateCreditCode(holder.id);
      }
      const nameZh = input.nameZh ?? before.nameZh;
      const patch: Partial<Org> = {
        nameZh,
        nameKey: nameKey(nameZh),
        type,
        enterpriseSize,
        creditCode,
        nameEn: input.nameEn,
        registryId: input.registryId,
        country: input.country,
        address: input.address,
        contactName: input.contactName,
        contactPhone: input.contactPhone,
        contactEmail: input.contactEmail,
        website: input.website,
        updatedAt: isoNow(ctx.clock),
      };
      await updateOrgRow(trx, id, patch);
      await audit({
        action: 'organisation.updated',
        entityType: 'organisation',
        entityId: id,
        before: auditable(before),
        after: auditable({ ...before, ...definedOnly(patch) }),
      });
    }),
  );
  return toOrgView((await findOrg(ctx.db, id))!, true);
}

/** The keys of a patch that are set: undefined means "leave as it is", as in updateOrgRow. */
const definedOnly = <T extends object>(patch: T): Partial<T> =>
  Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;

/** One organisation, also when merged (with the survivor to redirect to) and how much points at it. */
export async function getOrg(ctx: Ctx, id: string): Promise<OrgDetail> {
  assertCan(ctx, 'orgs.read');
  const row = await findOrg(ctx.db, id);
  if (!row) throw notFound('orgs.not_found');
  const into = row.mergedIntoId ? await findOrg(ctx.db, row.mergedIntoId) : undefined;
  const manage = can(ctx.actor, 'orgs.manage');
  return {
    ...toOrgView(row, manage),
    mergedInto: into ? { id: into.id, nameZh: into.nameZh, nameEn: into.nameEn } : null,
    references: await countReferences(ctx.db, id),
    // The detail says whether this caller may edit and merge this one (the web shows the tools by it).
    canManage: manage && canEdit(ctx.actor, await keepingPlatformsOf(ctx.db, id)),
  };
}

/** Lists and searches the registry; merged organisations are hidden unless asked for. */
export async function listOrgs(ctx: Ctx, q: ListOrgsQuery) {
  assertCan(ctx, 'orgs.read');
  const manage = can(ctx.actor, 'orgs.manage');
  const filter = {
    q: q.q,
    type: q.type,
    size: q.size,
    includeMerged: q.includeMerged === 'true',
    sort: q.sort,
  };
  const { rows, total } = await listOrgRows(ctx.db, filter, { limit: q.limit, offset: q.offset });
  // Each row says whether this caller may edit and merge it, by the rule the write checks (assertCanEdit),
  // so the list offers its tools only where the server would allow them.
  const keeping = manage
    ? await keepingOfMany(
        ctx.db,
        rows.map((r) => r.id),
      )
    : new Map<string, OrgKeeping>();
  return {
    items: rows.map((r) => {
      const k = keeping.get(r.id);
      return { ...toOrgView(r, manage), canEdit: !!k && !r.mergedIntoId && canEdit(ctx.actor, k) };
    }),
    total,
    canManage: manage,
  };
}

/** Every live organisation matching the filter, as the caller may see them (for exports). */
export async function listAllOrgs(
  ctx: Ctx,
  f: { type?: OrgType; size?: EnterpriseSize; sort?: 'name_zh' | 'name_en' },
) {
  assertCan(ctx, 'orgs.read');
  const manage = can(ctx.actor, 'orgs.manage');
  const { rows } = await listOrgRows(ctx.db, { ...f, includeMerged: false });
  return { items: rows.map((r) => toOrgView(r, manage)), canManage: manage };
}

/** For the open-data service: organisations' names, type and country (never contacts). */
export { orgIdentities } from './orgs.open.repository.js';
