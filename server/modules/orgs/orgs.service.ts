import type { Kysely } from 'kysely';
import { appendAudit } from '../../db/audit-chain.js';
import type { DB } from '../../db/schema.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { nameKey } from './orgs.names.js';
import { can } from './orgs.policy.js';
import {
  countReferences,
  findOrg,
  findOrgByCreditCode,
  insertOrg,
  listOrgRows,
  type OrgRow,
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
export function toOrgView(o: OrgRow, withContacts: boolean): OrgView {
  return {
    id: o.id,
    nameZh: o.name_zh,
    nameEn: o.name_en,
    type: o.type as OrgType,
    enterpriseSize: o.enterprise_size as EnterpriseSize | null,
    creditCode: o.credit_code,
    registryId: o.registry_id,
    country: o.country,
    address: o.address,
    website: o.website,
    ...(withContacts && {
      contactName: o.contact_name,
      contactPhone: o.contact_phone,
      contactEmail: o.contact_email,
    }),
    mergedIntoId: o.merged_into_id,
    createdAt: o.created_at,
    updatedAt: o.updated_at,
  };
}

const auditable = (o: OrgRow) => toOrgView(o, true);

export function assertCan(ctx: Ctx, action: 'orgs.read' | 'orgs.manage'): void {
  if (!can(ctx.actor, action)) throw forbidden();
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
  const row: OrgRow = {
    id: newId(),
    name_zh: input.nameZh,
    name_en: input.nameEn ?? null,
    name_key: nameKey(input.nameZh),
    type: input.type,
    enterprise_size: enterpriseSize,
    credit_code: creditCode,
    registry_id: input.registryId ?? null,
    country: input.country ?? 'CN',
    address: input.address ?? null,
    contact_name: input.contactName ?? null,
    contact_phone: input.contactPhone ?? null,
    contact_email: input.contactEmail ?? null,
    website: input.website ?? null,
    merged_into_id: null,
    created_at: now,
    updated_at: now,
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
    ctx.db.transaction().execute(async (trx) => {
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
    ctx.db.transaction().execute(async (trx) => {
      const before = await ctx.seam
        .forUpdate(trx.selectFrom('organisations').selectAll().where('id', '=', id))
        .executeTakeFirst();
      if (!before) throw notFound('orgs.not_found');
      if (before.merged_into_id)
        throw new AppError(409, 'orgs.merged', { mergedIntoId: before.merged_into_id });
      const type = input.type ?? (before.type as OrgType);
      const enterpriseSize =
        input.enterpriseSize !== undefined
          ? input.enterpriseSize
          : (before.enterprise_size as EnterpriseSize | null);
      const creditCode =
        input.creditCode !== undefined ? normaliseCode(input.creditCode).code : before.credit_code;
      assertOrgRules({ type, enterpriseSize, creditCode });
      if (creditCode && creditCode !== before.credit_code) {
        const holder = await findOrgByCreditCode(trx, creditCode);
        if (holder) throw duplicateCreditCode(holder.id);
      }
      const nameZh = input.nameZh ?? before.name_zh;
      const patch = {
        name_zh: nameZh,
        name_key: nameKey(nameZh),
        type,
        enterprise_size: enterpriseSize,
        credit_code: creditCode,
        ...(input.nameEn !== undefined && { name_en: input.nameEn }),
        ...(input.registryId !== undefined && { registry_id: input.registryId }),
        ...(input.country !== undefined && { country: input.country }),
        ...(input.address !== undefined && { address: input.address }),
        ...(input.contactName !== undefined && { contact_name: input.contactName }),
        ...(input.contactPhone !== undefined && { contact_phone: input.contactPhone }),
        ...(input.contactEmail !== undefined && { contact_email: input.contactEmail }),
        ...(input.website !== undefined && { website: input.website }),
        updated_at: isoNow(ctx.clock),
      };
      await trx.updateTable('organisations').set(patch).where('id', '=', id).execute();
      await appendAudit(trx, ctx.seam, ctx, {
        action: 'organisation.updated',
        entityType: 'organisation',
        entityId: id,
        before: auditable(before),
        after: auditable({ ...before, ...patch }),
      });
    }),
  );
  return toOrgView((await findOrg(ctx.db, id))!, true);
}

/** One organisation, also when merged (with the survivor to redirect to) and how much points at it. */
export async function getOrg(ctx: Ctx, id: string): Promise<OrgDetail> {
  assertCan(ctx, 'orgs.read');
  const row = await findOrg(ctx.db, id);
  if (!row) throw notFound('orgs.not_found');
  const into = row.merged_into_id ? await findOrg(ctx.db, row.merged_into_id) : undefined;
  const manage = can(ctx.actor, 'orgs.manage');
  return {
    ...toOrgView(row, manage),
    mergedInto: into ? { id: into.id, nameZh: into.name_zh, nameEn: into.name_en } : null,
    references: await countReferences(ctx.db, id),
    canManage: manage,
  };
}

/** Lists and searches the registry; merged organisations are hidden unless asked for. */
export async function listOrgs(ctx: Ctx, q: ListOrgsQuery) {
  assertCan(ctx, 'orgs.read');
  const manage = can(ctx.actor, 'orgs.manage');
  const filter = { q: q.q, type: q.type, size: q.size, includeMerged: q.includeMerged === 'true' };
  const { rows, total } = await listOrgRows(ctx.db, filter, { limit: q.limit, offset: q.offset });
  return { items: rows.map((r) => toOrgView(r, manage)), total, canManage: manage };
}

/** Every live organisation matching the filter, as the caller may see them (for exports). */
export async function listAllOrgs(ctx: Ctx, f: { type?: OrgType; size?: EnterpriseSize }) {
  assertCan(ctx, 'orgs.read');
  const manage = can(ctx.actor, 'orgs.manage');
  const { rows } = await listOrgRows(ctx.db, { ...f, includeMerged: false });
  return { items: rows.map((r) => toOrgView(r, manage)), canManage: manage };
}
