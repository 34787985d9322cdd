import { type Kysely, type SqlBool, sql } from 'kysely';
import { LICENSING_KINDS } from '../../../common/ip.js';
import { appendAudit } from '../../db/audit-chain.js';
import type { DB } from '../../db/schema.js';
import { retryOnUniqueViolation } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, invalidField, notFound } from '../../http/errors.js';
import { markInquiryLicensed } from '../inquiries/inquiries.service.js';
import { knownField, unitOfPlatform } from '../ip/ip.disclosures.js';
import { assertManages, platformFor } from '../ip/ip.policy.js';
import type {
  AgreementListQuery,
  AgreementView,
  CreateAgreementInput,
  UpdateAgreementInput,
} from './agreements.schema.js';
import { type AgreementRow, agreementSummaries, agreementView } from './agreements.views.js';

/** Licence terms only on licences and options; dates in order; termination date and reason together. */
export function assertAgreementRules(a: AgreementRow): void {
  const licensing = (LICENSING_KINDS as readonly string[]).includes(a.kind);
  if (licensing && !a.licence_kind) throw invalidField('/licenceKind', 'agreements.licence_kind_required');
  if (licensing && !a.exclusivity) throw invalidField('/exclusivity', 'agreements.licence_kind_required');
  if (!licensing && a.licence_kind) throw invalidField('/licenceKind', 'agreements.licence_terms_forbidden');
  if (!licensing && a.exclusivity) throw invalidField('/exclusivity', 'agreements.licence_terms_forbidden');
  if (a.request_date && a.execution_date < a.request_date)
    throw invalidField('/executionDate', 'agreements.date_order');
  if (a.end_date && a.end_date < a.execution_date) throw invalidField('/endDate', 'agreements.date_order');
  if (a.termination_date && a.termination_date < a.execution_date)
    throw invalidField('/terminationDate', 'agreements.date_order');
  if (!!a.termination_date !== !!a.termination_reason)
    throw invalidField(
      a.termination_date ? '/terminationReason' : '/terminationDate',
      'agreements.termination_incomplete',
    );
}

async function assertRefFree(trx: Kysely<DB>, platformId: string, refNo: string) {
  const taken = await trx
    .selectFrom('agreements')
    .select('id')
    .where('platform_id', '=', platformId)
    .where('ref_no', '=', refNo)
    .executeTakeFirst();
  if (taken)
    throw new AppError(409, 'agreements.ref_taken', {
      errors: [{ in: 'body', pointer: '/refNo', code: 'agreements.ref_taken', message: '' }],
    });
}

async function partnerOf(trx: Kysely<DB>, id: string) {
  const o = await trx
    .selectFrom('organisations')
    .select(['id', 'merged_into_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!o || o.merged_into_id) throw invalidField('/partnerOrgId', 'agreements.unknown_partner');
  return o.id;
}

/** Each link names exactly one record of the same platform. */
async function ipLinkRows(
  trx: Kysely<DB>,
  platformId: string,
  agreementId: string,
  links: CreateAgreementInput['ip'],
) {
  const rows = [];
  for (const [n, l] of links.entries()) {
    const given = [l.disclosureId, l.filingId, l.otherAssetId].filter(Boolean);
    if (given.length !== 1) throw invalidField(`/ip/${n}`, 'agreements.ip_link_one');
    const table = l.disclosureId ? 'ip_disclosures' : l.filingId ? 'ip_filings' : 'ip_other_assets';
    const found = await trx
      .selectFrom(table)
      .select('id')
      .where('id', '=', given[0]!)
      .where('platform_id', '=', platformId)
      .executeTakeFirst();
    if (!found) throw invalidField(`/ip/${n}`, 'agreements.unknown_ip');
    rows.push({
      id: newId(),
      agreement_id: agreementId,
      disclosure_id: l.disclosureId ?? null,
      filing_id: l.filingId ?? null,
      other_asset_id: l.otherAssetId ?? null,
    });
  }
  return rows;
}

const audited = (a: AgreementRow) => {
  const { created_at: _c, updated_at: _u, id: _id, ...rest } = a;
  return {
    ...rest,
    contract_value_minor: rest.contract_value_minor === null ? null : Number(rest.contract_value_minor),
  };
};

/** Records a licence, option, CRADA, transfer, equity deal or 技术开发/咨询/服务 contract. */
export async function createAgreement(
  ctx: Ctx,
  platformId: string,
  input: CreateAgreementInput,
): Promise<AgreementView> {
  return retryOnUniqueViolation(ctx.seam, () =>
    ctx.db.transaction().execute(async (trx) => {
      await platformFor(trx, ctx.actor, platformId, 'tt.manage');
      await assertRefFree(trx, platformId, input.refNo);
      const now = isoNow(ctx.clock);
      const row: AgreementRow = {
        id: newId(),
        platform_id: platformId,
        unit_id: await unitOfPlatform(trx, platformId, input.unitId, '/unitId'),
        field_id: await knownField(trx, input.fieldId, '/fieldId'),
        ref_no: input.refNo,
        title: input.title,
        kind: input.kind,
        licence_kind: input.licenceKind ?? null,
        exclusivity: input.exclusivity ?? null,
        crada_class: input.kind === 'crada' ? (input.cradaClass ?? 'traditional') : null,
        field_of_use: input.fieldOfUse ?? null,
        territory: input.territory ?? null,
        partner_org_id: await partnerOf(trx, input.partnerOrgId),
        request_date: input.requestDate ?? null,
        execution_date: input.executionDate,
        end_date: input.endDate ?? null,
        termination_date: input.terminationDate ?? null,
        termination_reason: input.terminationReason ?? null,
        contract_value_minor: input.contractValueMinor ?? null,
        currency: input.currency,
        created_at: now,
        updated_at: now,
      };
      assertAgreementRules(row);
      const links = await ipLinkRows(trx, platformId, row.id, input.ip);
      if (input.inquiryId) {
        const inquiry = await trx
          .selectFrom('inquiries')
          .select('id')
          .where('id', '=', input.inquiryId)
          .where('platform_id', '=', platformId)
          .executeTakeFirst();
        if (!inquiry) throw invalidField('/inquiryId', 'agreements.unknown_inquiry');
        if (!(LICENSING_KINDS as readonly string[]).includes(row.kind))
          throw invalidField('/inquiryId', 'agreements.inquiry_needs_licence');
      }
      await trx.insertInto('agreements').values(row).execute();
      if (links.length) await trx.insertInto('agreement_ip').values(links).execute();
      if (input.inquiryId)
        await markInquiryLicensed(
          trx,
          (e) => appendAudit(trx, ctx.seam, ctx, e),
          ctx,
          input.inquiryId,
          row.id,
        );
      await appendAudit(trx, ctx.seam, ctx, {
        action: 'agreement.created',
        entityType: 'agreement',
        entityId: row.id,
        platformId,
        after: { ...audited(row), ip: input.ip, inquiryId: input.inquiryId ?? null },
      });
      return agreementView(trx, row);
    }),
  );
}

export async function agreementOrNotFound(trx: Kysely<DB>, ctx: Ctx, id: string): Promise<AgreementRow> {
  const row = await trx.selectFrom('agreements').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('agreements.not_found');
  assertManages(ctx.actor, row.platform_id, 'agreements.not_found');
  return row;
}

export async function getAgreement(ctx: Ctx, id: string): Promise<AgreementView> {
  return agreementView(ctx.db, await agreementOrNotFound(ctx.db, ctx, id));
}

/** Edits terms and dates, or records the termination (date and reason, e.g. for_cause). */
export async function updateAgreement(
  ctx: Ctx,
  id: string,
  input: UpdateAgreementInput,
): Promise<AgreementView> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await agreementOrNotFound(trx, ctx, id);
    const pick = <K extends keyof UpdateAgreementInput, V>(k: K, current: V) =>
      (input[k] === undefined ? current : input[k]) as V;
    const after: AgreementRow = {
      ...before,
      title: pick('title', before.title),
      exclusivity: pick('exclusivity', before.exclusivity),
      field_of_use: pick('fieldOfUse', before.field_of_use),
      territory: pick('territory', before.territory),
      request_date: pick('requestDate', before.request_date),
      execution_date: pick('executionDate', before.execution_date),
      end_date: pick('endDate', before.end_date),
      termination_date: pick('terminationDate', before.termination_date),
      termination_reason: pick('terminationReason', before.termination_reason),
      contract_value_minor: pick('contractValueMinor', before.contract_value_minor),
      updated_at: isoNow(ctx.clock),
    };
    assertAgreementRules(after);
    const { id: _id, platform_id: _p, created_at: _c, ...patch } = after;
    await trx.updateTable('agreements').set(patch).where('id', '=', id).execute();
    await appendAudit(trx, ctx.seam, ctx, {
      action: 'agreement.updated',
      entityType: 'agreement',
      entityId: id,
      platformId: before.platform_id,
      before: audited(before),
      after: audited(after),
    });
    return agreementView(trx, after);
  });
}

/** A platform's agreements, newest executed first. */
export async function listAgreements(ctx: Ctx, platformId: string, q: AgreementListQuery) {
  await platformFor(ctx.db, ctx.actor, platformId, 'tt.manage');
  let base = ctx.db.selectFrom('agreements').where('platform_id', '=', platformId);
  if (q.kind) base = base.where('kind', '=', q.kind);
  if (q.q) {
    const like = `%${q.q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
    base = base.where(
      sql<SqlBool>`(lower(${sql.ref('ref_no')}) like ${like} escape '\\' or lower(${sql.ref('title')}) like ${like} escape '\\')`,
    );
  }
  const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .selectAll()
    .orderBy('execution_date', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { items: await agreementSummaries(ctx.db, rows), total };
}
