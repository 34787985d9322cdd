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
  type Disclosure,
  disclosureIdByRef,
  disclosurePage,
  findDisclosure,
  type Inventor as InventorValue,
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
): Promise<InventorValue[]> {
  const total = inventors.reduce((s, i) => s + Math.round(i.sharePct * 100), 0);
  if (total !== 10_000) throw invalidField('/inventors', 'ip.shares_sum');
  const rows: InventorValue[] = [];
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
      disclosureId,
      personId: inv.personId ?? null,
      name,
      shareBp: Math.round(inv.sharePct * 100),
      sortOrder: n,
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

const audited = (d: Disclosure, inventors: InventorValue[]) => ({
  refNo: d.refNo,
  title: d.title,
  ipKind: d.ipKind,
  receivedDate: d.receivedDate,
  unitId: d.unitId,
  fieldId: d.fieldId,
  fundingSource: d.fundingSource,
  firstPublicDisclosureDate: d.firstPublicDisclosureDate,
  inventors: inventors.map(({ name, personId, shareBp }) => ({ name, personId, shareBp })),
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
      const row: Disclosure = {
        id: newId(),
        platformId,
        unitId: await unitOfPlatform(trx, platformId, input.unitId, '/unitId'),
        fieldId: await knownField(trx, input.fieldId, '/fieldId'),
        refNo: input.refNo,
        title: input.title,
        ipKind: input.ipKind,
        receivedDate: input.receivedDate,
        fundingSource: input.fundingSource ?? null,
        firstPublicDisclosureDate: input.firstPublicDisclosureDate ?? null,
        createdAt: now,
        updatedAt: now,
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
  assertManages(ctx.actor, row.platformId, 'ip.disclosure_not_found');
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
      if (input.refNo !== undefined) await assertRefFree(trx, before.platformId, input.refNo, id);
      const after: Disclosure = {
        ...before,
        refNo: input.refNo ?? before.refNo,
        title: input.title ?? before.title,
        ipKind: input.ipKind ?? before.ipKind,
        receivedDate: input.receivedDate ?? before.receivedDate,
        unitId:
          input.unitId === undefined
            ? before.unitId
            : await unitOfPlatform(trx, before.platformId, input.unitId, '/unitId'),
        fieldId:
          input.fieldId === undefined ? before.fieldId : await knownField(trx, input.fieldId, '/fieldId'),
        fundingSource: input.fundingSource === undefined ? before.fundingSource : input.fundingSource,
        firstPublicDisclosureDate:
          input.firstPublicDisclosureDate === undefined
            ? before.firstPublicDisclosureDate
            : input.firstPublicDisclosureDate,
        updatedAt: isoNow(ctx.clock),
      };
      const inventors = input.inventors ? await inventorRows(trx, id, input.inventors) : beforeInventors;
      await updateDisclosureRow(trx, ctx.seam, after, input.inventors ? inventors : undefined);
      await audit({
        action: 'ip.disclosure_updated',
        entityType: 'ip_disclosure',
        entityId: id,
        platformId: before.platformId,
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
        filings.filter((f) => f.disclosureId === r.id),
      ),
    ),
    total,
  };
}
