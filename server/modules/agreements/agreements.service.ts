import type { Kysely } from 'kysely';
import { LICENSING_KINDS } from '../../../common/ip.js';
import { updateRow } from '../../db/rows.js';
import type { AgreementsTable, DB } from '../../db/schema.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, invalidField, notFound } from '../../http/errors.js';
import { inquiryIsOnPlatform, markInquiryLicensed } from '../inquiries/inquiries.service.js';
import { knownField, unitOfPlatform } from '../ip/ip.disclosures.js';
import { assertManages, platformFor, can as ttCan } from '../ip/ip.policy.js';
import { ipRecordExistsOn } from '../ip/ip.service.js';
import { organisationsByIds } from '../orgs/orgs.lookup.js';
import {
  type Agreement,
  type AgreementIpLink,
  agreementPage,
  agreementRefTaken,
  findAgreement,
  insertAgreement,
  updateAgreementRow,
} from './agreements.repository.js';
import type {
  AgreementListQuery,
  AgreementView,
  CreateAgreementInput,
  UpdateAgreementInput,
} from './agreements.schema.js';
import { agreementSummaries, agreementView } from './agreements.views.js';

/** Licence terms only on licences and options; dates in order; termination date and reason together. */
export function assertAgreementRules(a: Agreement): void {
  const licensing = LICENSING_KINDS.includes(a.kind);
  if (licensing && !a.licenceKind) throw invalidField('/licenceKind', 'agreements.licence_kind_required');
  if (licensing && !a.exclusivity) throw invalidField('/exclusivity', 'agreements.licence_kind_required');
  if (!licensing && a.licenceKind) throw invalidField('/licenceKind', 'agreements.licence_terms_forbidden');
  if (!licensing && a.exclusivity) throw invalidField('/exclusivity', 'agreements.licence_terms_forbidden');
  if (a.requestDate && a.executionDate < a.requestDate)
    throw invalidField('/executionDate', 'agreements.date_order');
  if (a.endDate && a.endDate < a.executionDate) throw invalidField('/endDate', 'agreements.date_order');
  if (a.terminationDate && a.terminationDate < a.executionDate)
    throw invalidField('/terminationDate', 'agreements.date_order');
  if (!!a.terminationDate !== !!a.terminationReason)
    throw invalidField(
      a.terminationDate ? '/terminationReason' : '/terminationDate',
      'agreements.termination_incomplete',
    );
}

async function assertRefFree(trx: Kysely<DB>, platformId: string, refNo: string) {
  if (await agreementRefTaken(trx, platformId, refNo))
    throw new AppError(409, 'agreements.ref_taken', {
      errors: [{ in: 'body', pointer: '/refNo', code: 'agreements.ref_taken', message: '' }],
    });
}

async function partnerOf(trx: Kysely<DB>, id: string) {
  const o = (await organisationsByIds(trx, [id])).get(id);
  if (!o || o.mergedIntoId) throw invalidField('/partnerOrgId', 'agreements.unknown_partner');
  return o.id;
}

/** Each link names exactly one record of the same platform. */
async function ipLinkRows(
  trx: Kysely<DB>,
  platformId: string,
  agreementId: string,
  links: CreateAgreementInput['ip'],
) {
  const rows: AgreementIpLink[] = [];
  for (const [n, l] of links.entries()) {
    const given = [l.disclosureId, l.filingId, l.otherAssetId].filter(Boolean);
    if (given.length !== 1) throw invalidField(`/ip/${n}`, 'agreements.ip_link_one');
    const kind = l.disclosureId ? 'disclosure' : l.filingId ? 'filing' : 'other_asset';
    if (!(await ipRecordExistsOn(trx, kind, given[0]!, platformId)))
      throw invalidField(`/ip/${n}`, 'agreements.unknown_ip');
    rows.push({
      id: newId(),
      agreementId,
      disclosureId: l.disclosureId ?? null,
      filingId: l.filingId ?? null,
      otherAssetId: l.otherAssetId ?? null,
    });
  }
  return rows;
}

/** The audit entries keep the agreement's column names (snake_case), as they always have. */
const audited = (a: Agreement) => {
  const { createdAt: _c, updatedAt: _u, id: _id, ...rest } = a;
  return updateRow<AgreementsTable>(rest);
};

/** Records a licence, option, CRADA, transfer, equity deal or 技术开发/咨询/服务 contract. */
export async function createAgreement(
  ctx: Ctx,
  platformId: string,
  input: CreateAgreementInput,
): Promise<AgreementView> {
  return write(
    ctx,
    async (trx, audit) => {
      await platformFor(trx, ctx.actor, platformId, 'tt.manage');
      await assertRefFree(trx, platformId, input.refNo);
      const now = isoNow(ctx.clock);
      const row: Agreement = {
        id: newId(),
        platformId,
        unitId: await unitOfPlatform(trx, platformId, input.unitId, '/unitId'),
        fieldId: await knownField(trx, input.fieldId, '/fieldId'),
        refNo: input.refNo,
        title: input.title,
        kind: input.kind,
        licenceKind: input.licenceKind ?? null,
        exclusivity: input.exclusivity ?? null,
        cradaClass: input.kind === 'crada' ? (input.cradaClass ?? 'traditional') : null,
        fieldOfUse: input.fieldOfUse ?? null,
        territory: input.territory ?? null,
        partnerOrgId: await partnerOf(trx, input.partnerOrgId),
        requestDate: input.requestDate ?? null,
        executionDate: input.executionDate,
        endDate: input.endDate ?? null,
        terminationDate: input.terminationDate ?? null,
        terminationReason: input.terminationReason ?? null,
        contractValueMinor: input.contractValueMinor ?? null,
        currency: input.currency,
        createdAt: now,
        updatedAt: now,
      };
      assertAgreementRules(row);
      const links = await ipLinkRows(trx, platformId, row.id, input.ip);
      if (input.inquiryId) {
        if (!(await inquiryIsOnPlatform(trx, input.inquiryId, platformId)))
          throw invalidField('/inquiryId', 'agreements.unknown_inquiry');
        if (!LICENSING_KINDS.includes(row.kind))
          throw invalidField('/inquiryId', 'agreements.inquiry_needs_licence');
      }
      await insertAgreement(trx, row, links);
      if (input.inquiryId) await markInquiryLicensed(trx, audit, ctx, input.inquiryId, row.id);
      await audit({
        action: 'agreement.created',
        entityType: 'agreement',
        entityId: row.id,
        platformId,
        after: { ...audited(row), ip: input.ip, inquiryId: input.inquiryId ?? null },
      });
      return agreementView(trx, row);
    },
    { retryOnUniqueViolation: true },
  );
}

/** The agreement the actor manages, else 404 (the projects module checks a licence output with it). */
export async function agreementFound(trx: Kysely<DB>, ctx: Ctx, id: string): Promise<Agreement> {
  const a = await findAgreement(trx, id);
  if (!a) throw notFound('agreements.not_found');
  assertManages(ctx.actor, a.platformId, 'agreements.not_found');
  return a;
}

export async function getAgreement(ctx: Ctx, id: string): Promise<AgreementView> {
  return agreementView(ctx.db, await agreementFound(ctx.db, ctx, id));
}

/** Edits terms and dates, or records the termination (date and reason, e.g. for_cause). */
export async function updateAgreement(
  ctx: Ctx,
  id: string,
  input: UpdateAgreementInput,
): Promise<AgreementView> {
  return write(ctx, async (trx, audit) => {
    const before = await agreementFound(trx, ctx, id);
    const pick = <K extends keyof UpdateAgreementInput & keyof Agreement>(k: K) =>
      (input[k] === undefined ? before[k] : input[k]) as Agreement[K];
    const after: Agreement = {
      ...before,
      title: pick('title'),
      exclusivity: pick('exclusivity'),
      fieldOfUse: pick('fieldOfUse'),
      territory: pick('territory'),
      requestDate: pick('requestDate'),
      executionDate: pick('executionDate'),
      endDate: pick('endDate'),
      terminationDate: pick('terminationDate'),
      terminationReason: pick('terminationReason'),
      contractValueMinor: pick('contractValueMinor'),
      updatedAt: isoNow(ctx.clock),
    };
    assertAgreementRules(after);
    await updateAgreementRow(trx, ctx.seam, after);
    await audit({
      action: 'agreement.updated',
      entityType: 'agreement',
      entityId: id,
      platformId: before.platformId,
      before: audited(before),
      after: audited(after),
    });
    return agreementView(trx, after);
  });
}

/** A platform's agreements, newest executed first. */
export async function listAgreements(ctx: Ctx, platformId: string, q: AgreementListQuery) {
  await platformFor(ctx.db, ctx.actor, platformId, 'tt.manage');
  const { rows, total } = await agreementPage(ctx.db, platformId, q);
  return { items: await agreementSummaries(ctx.db, rows), total };
}

/**
 * The platform's licences and options whose reference or title contains q, newest first, for whoever
 * keeps its technology transfer (the choices of a project's output link); anyone else gets none.
 */
export async function licenceChoices(
  ctx: Ctx,
  platformId: string,
  q: { q?: string | undefined; limit: number; offset: number },
) {
  if (!ttCan(ctx.actor, 'tt.manage', platformId)) return { items: [], total: 0 };
  const { rows, total } = await agreementPage(ctx.db, platformId, { ...q, kinds: LICENSING_KINDS });
  return { items: rows.map(({ id, refNo, title }) => ({ id, refNo, title })), total };
}

/** The analytics' licence figures (docs/analytics.md 'Speed'). */
export { licenceFlowsByYear } from './agreements.analytics.repository.js';
export {
  licenceFiguresRecount,
  rebuildLicenceFigures,
  royaltyMonthsRecount,
} from './agreements.figures.repository.js';
export { fxRatesTouching } from './agreements.fx.repository.js';
export {
  agreementMonthsPlatformRecount,
  agreementMonthsRecount,
  rebuildAgreementMonths,
  rebuildReceiptMonths,
  receiptMonthsPlatformRecount,
  receiptMonthsRecount,
} from './agreements.months.rebuild.repository.js';
export {
  executionTimes,
  royaltiesPerLicence,
} from './agreements.stats.licences.repository.js';
export { inventorRewards, latestReceiptDate } from './agreements.stats.records.repository.js';
/** What the technology-transfer report reads of agreements, receipts, distributions and exchange rates. */
export {
  activeLicenceCountsByYear,
  agreementCounts,
  cnContracts,
  receiptGroups,
} from './agreements.stats.repository.js';

/** Each given agreement's identity (projects list the licences linked to them, docs/projects.md). */
export async function agreementLabels(db: Kysely<DB>, ids: readonly string[]) {
  const rows = await Promise.all([...new Set(ids)].map((id) => findAgreement(db, id)));
  return new Map(
    rows
      .filter((r) => r !== undefined)
      .map(({ id, platformId, kind, refNo, title }) => [id, { platformId, kind, refNo, title }]),
  );
}
