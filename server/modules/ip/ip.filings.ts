import type { Kysely } from 'kysely';
import type { ErrorCode } from '../../../common/error-codes.js';
import type { DB } from '../../db/schema.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, type FieldError, invalidField, notFound } from '../../http/errors.js';
import {
  filingNumberTaken,
  filingPage,
  findFiling,
  insertFiling,
  insertOtherAsset,
  otherAssetPage,
  registrationNumberTaken,
  updateFilingRow,
} from './ip.filings.repository.js';
import { assertManages, platformFor } from './ip.policy.js';
import { disclosureExistsOn, type FilingRow, findDisclosure, type OtherAssetRow } from './ip.repository.js';
import type {
  CreateFilingInput,
  CreateOtherAssetInput,
  FilingListQuery,
  FilingView,
  ListQuery,
  OtherAssetView,
  UpdateFilingInput,
} from './ip.schema.js';
import { toFilingView, toOtherAssetView } from './ip.views.js';

const conflict = (code: ErrorCode, pointer: string) =>
  new AppError(409, code, { errors: [{ in: 'body', pointer, code, message: '' } satisfies FieldError] });

/** Priority ≤ filing ≤ publication and grant; a grant date goes with the status granted. */
function assertFilingRules(f: FilingRow) {
  if (f.priority_date > f.filing_date) throw invalidField('/priorityDate', 'ip.date_order');
  if (f.publication_date && f.publication_date < f.filing_date)
    throw invalidField('/publicationDate', 'ip.date_order');
  if (f.grant_date && f.grant_date < f.filing_date) throw invalidField('/grantDate', 'ip.date_order');
  if (f.status === 'granted' && !f.grant_date) throw invalidField('/grantDate', 'ip.grant_status');
  if (f.grant_date && f.status !== 'granted' && f.status !== 'expired')
    throw invalidField('/status', 'ip.grant_status');
}

/** Patent and application numbers are unique per jurisdiction (409 naming the field). */
async function assertNumbersFree(trx: Kysely<DB>, f: FilingRow) {
  for (const [column, code, pointer] of [
    ['patent_number', 'ip.duplicate_patent_number', '/patentNumber'],
    ['application_number', 'ip.duplicate_application_number', '/applicationNumber'],
  ] as const) {
    const value = f[column];
    if (!value) continue;
    if (await filingNumberTaken(trx, f, column, value)) throw conflict(code, pointer);
  }
}

const audited = (f: FilingRow) => {
  const { created_at: _c, updated_at: _u, ...rest } = f;
  return rest;
};

/** Files a patent application for a disclosure; a parent filing sets the family and the priority date. */
export async function createFiling(
  ctx: Ctx,
  disclosureId: string,
  input: CreateFilingInput,
): Promise<FilingView> {
  return write(
    ctx,
    async (trx, audit) => {
      const d = await findDisclosure(trx, disclosureId);
      if (!d) throw notFound('ip.disclosure_not_found');
      assertManages(ctx.actor, d.platform_id, 'ip.disclosure_not_found');
      let parent: FilingRow | undefined;
      if (input.parentFilingId) {
        parent = await findFiling(trx, input.parentFilingId);
        if (!parent || parent.disclosure_id !== disclosureId)
          throw invalidField('/parentFilingId', 'ip.parent_elsewhere');
        if (input.filingDate < parent.filing_date) throw invalidField('/filingDate', 'ip.date_order');
      }
      const now = isoNow(ctx.clock);
      const id = newId();
      const grantDate = input.grantDate ?? null;
      const row: FilingRow = {
        id,
        platform_id: d.platform_id,
        disclosure_id: disclosureId,
        family_id: parent?.family_id ?? id,
        parent_filing_id: parent?.id ?? null,
        jurisdiction: input.jurisdiction,
        filing_type: input.filingType,
        application_number: input.applicationNumber ?? null,
        publication_number: input.publicationNumber ?? null,
        patent_number: input.patentNumber ?? null,
        filing_date: input.filingDate,
        priority_date: input.priorityDate ?? parent?.priority_date ?? input.filingDate,
        publication_date: input.publicationDate ?? null,
        grant_date: grantDate,
        status: input.status ?? (grantDate ? 'granted' : 'pending'),
        created_at: now,
        updated_at: now,
      };
      assertFilingRules(row);
      await assertNumbersFree(trx, row);
      await insertFiling(trx, row);
      await audit({
        action: 'ip.filing_created',
        entityType: 'ip_filing',
        entityId: id,
        platformId: d.platform_id,
        after: audited(row),
      });
      return toFilingView(row);
    },
    { retryOnUniqueViolation: true },
  );
}

/** Records numbers, publication, grant or a status change of a filing. */
export async function updateFiling(ctx: Ctx, id: string, input: UpdateFilingInput): Promise<FilingView> {
  return write(
    ctx,
    async (trx, audit) => {
      const before = await findFiling(trx, id);
      if (!before) throw notFound('ip.filing_not_found');
      assertManages(ctx.actor, before.platform_id, 'ip.filing_not_found');
      const pick = <K extends keyof UpdateFilingInput, V>(k: K, current: V) =>
        (input[k] === undefined ? current : input[k]) as V;
      const grantDate = pick('grantDate', before.grant_date);
      const after: FilingRow = {
        ...before,
        application_number: pick('applicationNumber', before.application_number),
        publication_number: pick('publicationNumber', before.publication_number),
        patent_number: pick('patentNumber', before.patent_number),
        filing_date: pick('filingDate', before.filing_date),
        publication_date: pick('publicationDate', before.publication_date),
        grant_date: grantDate,
        status:
          input.status ??
          (input.grantDate !== undefined && before.status === 'pending' && grantDate
            ? 'granted'
            : before.status),
        updated_at: isoNow(ctx.clock),
      };
      assertFilingRules(after);
      await assertNumbersFree(trx, after);
      await updateFilingRow(trx, ctx.seam, after);
      await audit({
        action: 'ip.filing_updated',
        entityType: 'ip_filing',
        entityId: id,
        platformId: before.platform_id,
        before: audited(before),
        after: audited(after),
      });
      return toFilingView(after);
    },
    { retryOnUniqueViolation: true },
  );
}

/** A platform's filings, newest filed first; from/to select by filing date, grantedFrom/grantedTo by grant. */
export async function listFilings(ctx: Ctx, platformId: string, q: FilingListQuery) {
  await platformFor(ctx.db, ctx.actor, platformId, 'tt.manage');
  const { rows, total } = await filingPage(ctx.db, platformId, q);
  return { items: rows.map(toFilingView), total };
}

/** Registers a copyright, software registration or trademark. */
export async function createOtherAsset(
  ctx: Ctx,
  platformId: string,
  input: CreateOtherAssetInput,
): Promise<OtherAssetView> {
  return write(
    ctx,
    async (trx, audit) => {
      await platformFor(trx, ctx.actor, platformId, 'tt.manage');
      if (input.disclosureId) {
        if (!(await disclosureExistsOn(trx, input.disclosureId, platformId)))
          throw invalidField('/disclosureId', 'ip.unknown_disclosure');
      }
      if (input.filingDate && input.registrationDate && input.registrationDate < input.filingDate)
        throw invalidField('/registrationDate', 'ip.date_order');
      if (input.registrationNumber) {
        if (await registrationNumberTaken(trx, input, input.registrationNumber))
          throw conflict('ip.duplicate_registration_number', '/registrationNumber');
      }
      const now = isoNow(ctx.clock);
      const row: OtherAssetRow = {
        id: newId(),
        platform_id: platformId,
        disclosure_id: input.disclosureId ?? null,
        kind: input.kind,
        title: input.title,
        jurisdiction: input.jurisdiction,
        registration_number: input.registrationNumber ?? null,
        filing_date: input.filingDate ?? null,
        registration_date: input.registrationDate ?? null,
        status: input.status ?? (input.registrationDate ? 'registered' : 'pending'),
        created_at: now,
        updated_at: now,
      };
      await insertOtherAsset(trx, row);
      await audit({
        action: 'ip.other_asset_created',
        entityType: 'ip_other_asset',
        entityId: row.id,
        platformId,
        after: audited(row as never),
      });
      return toOtherAssetView(row);
    },
    { retryOnUniqueViolation: true },
  );
}

export async function listOtherAssets(ctx: Ctx, platformId: string, q: ListQuery) {
  await platformFor(ctx.db, ctx.actor, platformId, 'tt.manage');
  const { rows, total } = await otherAssetPage(ctx.db, platformId, q);
  return { items: rows.map(toOtherAssetView), total };
}
