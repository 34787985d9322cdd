import type { Kysely } from 'kysely';
import type { ErrorCode } from '../../../common/error-codes.js';
import { updateRow } from '../../db/rows.js';
import type { DB, IpFilingsTable } from '../../db/schema.js';
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
import { disclosureExistsOn, type Filing, findDisclosure, type OtherAsset } from './ip.repository.js';
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
function assertFilingRules(f: Filing) {
  if (f.priorityDate > f.filingDate) throw invalidField('/priorityDate', 'ip.date_order');
  if (f.publicationDate && f.publicationDate < f.filingDate)
    throw invalidField('/publicationDate', 'ip.date_order');
  if (f.grantDate && f.grantDate < f.filingDate) throw invalidField('/grantDate', 'ip.date_order');
  if (f.status === 'granted' && !f.grantDate) throw invalidField('/grantDate', 'ip.grant_status');
  if (f.grantDate && f.status !== 'granted' && f.status !== 'expired')
    throw invalidField('/status', 'ip.grant_status');
}

/** Patent and application numbers are unique per jurisdiction (409 naming the field). */
async function assertNumbersFree(trx: Kysely<DB>, f: Filing) {
  for (const [column, key, code, pointer] of [
    ['patent_number', 'patentNumber', 'ip.duplicate_patent_number', '/patentNumber'],
    ['application_number', 'applicationNumber', 'ip.duplicate_application_number', '/applicationNumber'],
  ] as const) {
    const value = f[key];
    if (!value) continue;
    if (await filingNumberTaken(trx, f, column, value)) throw conflict(code, pointer);
  }
}

/** The audit entries keep the filing's column names (snake_case), as they always have. */
const audited = (f: Filing | OtherAsset) => {
  const { createdAt: _c, updatedAt: _u, ...rest } = f;
  return updateRow<IpFilingsTable>(rest as Partial<Filing>);
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
      assertManages(ctx.actor, d.platformId, 'ip.disclosure_not_found');
      let parent: Filing | undefined;
      if (input.parentFilingId) {
        parent = await findFiling(trx, input.parentFilingId);
        if (!parent || parent.disclosureId !== disclosureId)
          throw invalidField('/parentFilingId', 'ip.parent_elsewhere');
        if (input.filingDate < parent.filingDate) throw invalidField('/filingDate', 'ip.date_order');
      }
      const now = isoNow(ctx.clock);
      const id = newId();
      const grantDate = input.grantDate ?? null;
      const row: Filing = {
        id,
        platformId: d.platformId,
        disclosureId,
        familyId: parent?.familyId ?? id,
        parentFilingId: parent?.id ?? null,
        jurisdiction: input.jurisdiction,
        filingType: input.filingType,
        applicationNumber: input.applicationNumber ?? null,
        publicationNumber: input.publicationNumber ?? null,
        patentNumber: input.patentNumber ?? null,
        filingDate: input.filingDate,
        priorityDate: input.priorityDate ?? parent?.priorityDate ?? input.filingDate,
        publicationDate: input.publicationDate ?? null,
        grantDate,
        status: input.status ?? (grantDate ? 'granted' : 'pending'),
        createdAt: now,
        updatedAt: now,
      };
      assertFilingRules(row);
      await assertNumbersFree(trx, row);
      await insertFiling(trx, row);
      await audit({
        action: 'ip.filing_created',
        entityType: 'ip_filing',
        entityId: id,
        platformId: d.platformId,
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
      assertManages(ctx.actor, before.platformId, 'ip.filing_not_found');
      const pick = <K extends keyof UpdateFilingInput, V>(k: K, current: V) =>
        (input[k] === undefined ? current : input[k]) as V;
      const grantDate = pick('grantDate', before.grantDate);
      const after: Filing = {
        ...before,
        applicationNumber: pick('applicationNumber', before.applicationNumber),
        publicationNumber: pick('publicationNumber', before.publicationNumber),
        patentNumber: pick('patentNumber', before.patentNumber),
        filingDate: pick('filingDate', before.filingDate),
        publicationDate: pick('publicationDate', before.publicationDate),
        grantDate,
        status:
          input.status ??
          (input.grantDate !== undefined && before.status === 'pending' && grantDate
            ? 'granted'
            : before.status),
        updatedAt: isoNow(ctx.clock),
      };
      assertFilingRules(after);
      await assertNumbersFree(trx, after);
      await updateFilingRow(trx, ctx.seam, after);
      await audit({
        action: 'ip.filing_updated',
        entityType: 'ip_filing',
        entityId: id,
        platformId: before.platformId,
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
      const row: OtherAsset = {
        id: newId(),
        platformId,
        disclosureId: input.disclosureId ?? null,
        kind: input.kind,
        title: input.title,
        jurisdiction: input.jurisdiction,
        registrationNumber: input.registrationNumber ?? null,
        filingDate: input.filingDate ?? null,
        registrationDate: input.registrationDate ?? null,
        status: input.status ?? (input.registrationDate ? 'registered' : 'pending'),
        createdAt: now,
        updatedAt: now,
      };
      await insertOtherAsset(trx, row);
      await audit({
        action: 'ip.other_asset_created',
        entityType: 'ip_other_asset',
        entityId: row.id,
        platformId,
        after: audited(row),
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
