import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, invalidField, notFound } from '../../http/errors.js';
import { fieldExists } from '../fields/fields.lookup.js';
import { peopleByIds } from '../people/people.lookup.js';
import { unitOnPlatform } from '../units/units.lookup.js';
import { filingsOfDisclosures } from './ip.filings.repository.js';
import { assertManages, platformFor } from './ip.policy.js';
import {
  type DisclosureRow,
  disclosureIdByRef,
  disclosurePage,
  findDisclosure,
  type InventorRow,
  insertDisclosure,
  inventorsOf,
  updateDisclosureRow,
} from './ip.repository.js';
import type { CreateDisclosureInput, DisclosureView, ListQuery, UpdateDisclosureInput } from './ip.schema.js';
import { disclosureSummaryOf, disclosureViews } from './ip.views.js';

type Inventor = CreateDisclosureInput['inventors'][number];

/** A unit of this platform (or null), else 400 at the pointer. */
export async function unitOfPlatform(
  trx: Kysely<DB>,
  platformId: string,
  unitId: string | null | undefined,
  pointer: string,
) {
  if (!unitId) return null;
  if (!(await unitOnPlatform(trx, unitId, platformId))) throw invalidField(pointer, 'ip.unknown_unit');
  return unitId;
}

export async function knownField(trx: Kysely<DB>, fieldId: string | null | undefined, pointer: string) {
  if (!fieldId) return null;
  if (!(await fieldExists(trx, fieldId))) throw invalidField(pointer, 'ip.unknown_field');
  return fieldId;
}

/** Inventor rows with names resolved; shares must add up to exactly 100 % (10 000 basis points). */
async function inventorRows(
  trx: Kysely<DB>,
  disclosureId: string,
  inventors: Inventor[],
): Promise<InventorRow[]> {
  const total = inventors.reduce((s, i) => s + Math.round(i.sharePct * 100), 0);
  if (total !== 10_000) throw invalidField('/inventors', 'ip.shares_sum');
  const rows: InventorRow[] = [];
  for (const [n, inv] of inventors.entries()) {
    let name = inv.name ?? null;
    if (inv.personId) {
      const p = (await peopleByIds(trx, [inv.personId])).get(inv.personId);
      if (!p) throw invalidField(`/inventors/${n}/personId`, 'ip.unknown_person');
      name ??= p.nameEn ? `${p.nameZh} ${p.nameEn}` : p.nameZh;
    }
    if (!name) throw invalidField(`/inventors/${n}/name`, 'ip.inventor_name_required');
    rows.push({
      id: newId(),
      disclosure_id: disclosureId,
      person_id: inv.personId ?? null,
      name,
      share_bp: Math.round(inv.sharePct * 100),
      sort_order: n,
    });
  }
  return rows;
}

async function assertRefFree(trx: Kysely<DB>, platformId: string, refNo: string, selfId?: string) {
  const taken = await disclosureIdByRef(trx, platformId, refNo);
  if (taken && taken !== selfId)
    throw new AppError(409, 'ip.ref_taken', {
      errors: [{ in: 'body', pointer: '/refNo', code: 'ip.ref_taken', message: '' }],
    });
}

const audited = (
  d: DisclosureRow,
  inventors: Array<{ name: string; share_bp: number; person_id: string | null }>,
) => ({
  refNo: d.ref_no,
  title: d.title,
  ipKind: d.ip_kind,
  receivedDate: d.received_date,
  unitId: d.unit_id,
  fieldId: d.field_id,
  fundingSource: d.funding_source,
  firstPublicDisclosureDate: d.first_public_disclosure_date,
  inventors: inventors.map((i) => ({ name: i.name, personId: i.person_id, shareBp: i.share_bp })),
});

/** Records an invention disclosure with its inventors (tech-transfer officers and platform admins). */
export async function createDisclosure(
  ctx: Ctx,
  platformId: string,
  input: CreateDisclosureInput,
): Promise<DisclosureView> {
  return write(
    ctx,
    async (trx, audit) => {
      await platformFor(trx, ctx.actor, platformId, 'tt.manage');
      await assertRefFree(trx, platformId, input.refNo);
      const now = isoNow(ctx.clock);
      const row: DisclosureRow = {
        id: newId(),
        platform_id: platformId,
        unit_id: await unitOfPlatform(trx, platformId, input.unitId, '/unitId'),
        field_id: await knownField(trx, input.fieldId, '/fieldId'),
        ref_no: input.refNo,
        title: input.title,
        ip_kind: input.ipKind,
        received_date: input.receivedDate,
        funding_source: input.fundingSource ?? null,
        first_public_disclosure_date: input.firstPublicDisclosureDate ?? null,
        created_at: now,
        updated_at: now,
      };
      const inventors = await inventorRows(trx, row.id, input.inventors);
      await insertDisclosure(trx, row, inventors);
      await audit({
        action: 'ip.disclosure_created',
        entityType: 'ip_disclosure',
        entityId: row.id,
        platformId,
        after: audited(row, inventors),
      });
      return (await disclosureViews(trx, [row]))[0]!;
    },
    { retryOnUniqueViolation: true },
  );
}

async function disclosureOrNotFound(trx: Kysely<DB>, ctx: Ctx, id: string) {
  const row = await findDisclosure(trx, id);
  if (!row) throw notFound('ip.disclosure_not_found');
  assertManages(ctx.actor, row.platform_id, 'ip.disclosure_not_found');
  return row;
}

export async function getDisclosure(ctx: Ctx, id: string): Promise<DisclosureView> {
  const row = await disclosureOrNotFound(ctx.db, ctx, id);
  return (await disclosureViews(ctx.db, [row]))[0]!;
}

/** Edits a disclosure; inventors, when given, replace the list (shares again adding up to 100 %). */
export async function updateDisclosure(
  ctx: Ctx,
  id: string,
  input: UpdateDisclosureInput,
): Promise<DisclosureView> {
  return write(
    ctx,
    async (trx, audit) => {
      const before = await disclosureOrNotFound(trx, ctx, id);
      const beforeInventors = await inventorsOf(trx, [id]);
      if (input.refNo !== undefined) await assertRefFree(trx, before.platform_id, input.refNo, id);
      const after: DisclosureRow = {
        ...before,
        ref_no: input.refNo ?? before.ref_no,
        title: input.title ?? before.title,
        ip_kind: input.ipKind ?? before.ip_kind,
        received_date: input.receivedDate ?? before.received_date,
        unit_id:
          input.unitId === undefined
            ? before.unit_id
            : await unitOfPlatform(trx, before.platform_id, input.unitId, '/unitId'),
        field_id:
          input.fieldId === undefined ? before.field_id : await knownField(trx, input.fieldId, '/fieldId'),
        funding_source: input.fundingSource === undefined ? before.funding_source : input.fundingSource,
        first_public_disclosure_date:
          input.firstPublicDisclosureDate === undefined
            ? before.first_public_disclosure_date
            : input.firstPublicDisclosureDate,
        updated_at: isoNow(ctx.clock),
      };
      const inventors = input.inventors ? await inventorRows(trx, id, input.inventors) : beforeInventors;
      await updateDisclosureRow(trx, ctx.seam, after, input.inventors ? inventors : undefined);
      await audit({
        action: 'ip.disclosure_updated',
        entityType: 'ip_disclosure',
        entityId: id,
        platformId: before.platform_id,
        before: audited(before, beforeInventors),
        after: audited(after, inventors),
      });
      return (await disclosureViews(trx, [after]))[0]!;
    },
    { retryOnUniqueViolation: true },
  );
}

/** A platform's disclosures, newest received first. */
export async function listDisclosures(ctx: Ctx, platformId: string, q: ListQuery) {
  await platformFor(ctx.db, ctx.actor, platformId, 'tt.manage');
  const { rows, total } = await disclosurePage(ctx.db, platformId, q);
  const filings = await filingsOfDisclosures(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) =>
      disclosureSummaryOf(
        r,
        filings.filter((f) => f.disclosure_id === r.id),
      ),
    ),
    total,
  };
}
