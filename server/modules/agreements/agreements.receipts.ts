import type { Kysely } from 'kysely';
import { appendAudit } from '../../db/audit-chain.js';
import type { DB } from '../../db/schema.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { forbidden, invalidField } from '../../http/errors.js';
import { keepsAnyPlatform, platformFor } from '../ip/ip.policy.js';
import { type Beneficiary, distribute } from './agreements.distribution.js';
import type {
  AgreementView,
  CreateReceiptInput,
  DistributionRuleInput,
  FxRatesInput,
} from './agreements.schema.js';
import { agreementOrNotFound } from './agreements.service.js';
import { type AgreementRow, agreementView } from './agreements.views.js';

/** The inventors behind an agreement: of the disclosures it links directly or through filings and registrations. */
async function beneficiaries(trx: Kysely<DB>, agreementId: string): Promise<Beneficiary[]> {
  const links = await trx
    .selectFrom('agreement_ip')
    .leftJoin('ip_filings', 'ip_filings.id', 'agreement_ip.filing_id')
    .leftJoin('ip_other_assets', 'ip_other_assets.id', 'agreement_ip.other_asset_id')
    .select([
      'agreement_ip.disclosure_id as d1',
      'ip_filings.disclosure_id as d2',
      'ip_other_assets.disclosure_id as d3',
    ])
    .where('agreement_ip.agreement_id', '=', agreementId)
    .execute();
  const disclosures = [...new Set(links.map((l) => l.d1 ?? l.d2 ?? l.d3).filter((d): d is string => !!d))];
  if (disclosures.length === 0) return [];
  const inventors = await trx
    .selectFrom('ip_inventors')
    .selectAll()
    .where('disclosure_id', 'in', disclosures)
    .orderBy('disclosure_id')
    .orderBy('sort_order')
    .execute();
  const byKey = new Map<string, Beneficiary>();
  for (const i of inventors) {
    const key = i.person_id ?? `name:${i.name}`;
    const b = byKey.get(key) ?? { personId: i.person_id, name: i.name, weight: 0 };
    b.weight += i.share_bp;
    byKey.set(key, b);
  }
  return [...byKey.values()];
}

/** Writes the receipt's distribution under the platform's rule (none without a rule). */
async function distributeReceipt(
  trx: Kysely<DB>,
  a: AgreementRow,
  receipt: { id: string; received_date: string; amount_minor: number; currency: string },
) {
  const rule = await trx
    .selectFrom('distribution_rules')
    .selectAll()
    .where('platform_id', '=', a.platform_id)
    .executeTakeFirst();
  if (!rule) return [];
  const year = receipt.received_date.slice(0, 4);
  const ytd = await trx
    .selectFrom('receipts')
    .select((eb) => eb.fn.sum<number | string | null>('amount_minor').as('s'))
    .where('agreement_id', '=', a.id)
    .where('currency', '=', receipt.currency)
    .where('received_date', '>=', `${year}-01-01`)
    .where('received_date', '<=', `${year}-12-31`)
    .where('id', '!=', receipt.id)
    .executeTakeFirstOrThrow();
  const unit = a.unit_id
    ? await trx
        .selectFrom('org_units')
        .select(['name_zh', 'name_en'])
        .where('id', '=', a.unit_id)
        .executeTakeFirst()
    : undefined;
  const platform = await trx
    .selectFrom('platforms')
    .select(['name_zh'])
    .where('id', '=', a.platform_id)
    .executeTakeFirstOrThrow();
  const parts = distribute({
    amountMinor: receipt.amount_minor,
    currency: receipt.currency,
    rule: {
      currency: rule.currency,
      inventorFirstMinor: Number(rule.inventor_first_minor),
      inventorShareBp: rule.inventor_share_bp,
    },
    yearToDateMinor: Number(ytd.s ?? 0),
    inventors: await beneficiaries(trx, a.id),
    unit: unit ? { name: unit.name_zh } : null,
    platformName: platform.name_zh,
  });
  const rows = parts.map((p) => ({
    id: newId(),
    receipt_id: receipt.id,
    platform_id: a.platform_id,
    recipient_kind: p.recipientKind,
    person_id: p.personId,
    recipient_name: p.name,
    unit_id: p.recipientKind === 'unit' ? a.unit_id : null,
    amount_minor: p.amountMinor,
    currency: receipt.currency,
    received_date: receipt.received_date,
  }));
  if (rows.length) await trx.insertInto('distributions').values(rows).execute();
  return rows;
}

/** Records money received on an agreement and distributes it under the platform's rule. */
export async function createReceipt(
  ctx: Ctx,
  agreementId: string,
  input: CreateReceiptInput,
): Promise<AgreementView> {
  if (input.amountMinor < 0 && input.category !== 'refund')
    throw invalidField('/amountMinor', 'agreements.negative_not_refund');
  if (input.amountMinor > 0 && input.category === 'refund')
    throw invalidField('/amountMinor', 'agreements.refund_not_negative');
  return ctx.db.transaction().execute(async (trx) => {
    const a = await agreementOrNotFound(trx, ctx, agreementId);
    const row = {
      id: newId(),
      platform_id: a.platform_id,
      agreement_id: a.id,
      received_date: input.receivedDate,
      amount_minor: input.amountMinor,
      currency: input.currency,
      category: input.category,
      note: input.note ?? null,
      created_at: isoNow(ctx.clock),
    };
    await trx.insertInto('receipts').values(row).execute();
    const parts = await distributeReceipt(trx, a, row);
    await appendAudit(trx, ctx.seam, ctx, {
      action: 'agreement.receipt_recorded',
      entityType: 'receipt',
      entityId: row.id,
      platformId: a.platform_id,
      after: {
        agreementId: a.id,
        receivedDate: row.received_date,
        amountMinor: row.amount_minor,
        currency: row.currency,
        category: row.category,
        note: row.note,
        distribution: parts.map((p) => ({
          kind: p.recipient_kind,
          name: p.recipient_name,
          amountMinor: p.amount_minor,
        })),
      },
    });
    return agreementView(trx, a);
  });
}

export async function listFxRates(ctx: Ctx) {
  if (!keepsAnyPlatform(ctx.actor)) throw forbidden();
  const rows = await ctx.db
    .selectFrom('fx_rates')
    .selectAll()
    .orderBy('year', 'desc')
    .orderBy('currency')
    .orderBy('quote_currency')
    .execute();
  return {
    items: rows.map((r) => ({
      year: r.year,
      currency: r.currency,
      quoteCurrency: r.quote_currency,
      rate: Number(r.rate_micros) / 1_000_000,
      updatedAt: r.updated_at,
    })),
  };
}

/** Sets yearly average exchange rates (insert or replace), used to report in one currency. */
export async function setFxRates(ctx: Ctx, input: FxRatesInput) {
  if (!keepsAnyPlatform(ctx.actor)) throw forbidden();
  input.rates.forEach((r, n) => {
    if (r.currency === r.quoteCurrency) throw invalidField(`/rates/${n}/quoteCurrency`, 'fx.same_currency');
  });
  await ctx.db.transaction().execute(async (trx) => {
    const now = isoNow(ctx.clock);
    for (const r of input.rates) {
      const rate_micros = Math.round(r.rate * 1_000_000);
      const existing = await trx
        .selectFrom('fx_rates')
        .select(['id', 'rate_micros'])
        .where('year', '=', r.year)
        .where('currency', '=', r.currency)
        .where('quote_currency', '=', r.quoteCurrency)
        .executeTakeFirst();
      if (existing)
        await trx
          .updateTable('fx_rates')
          .set({ rate_micros, updated_at: now })
          .where('id', '=', existing.id)
          .execute();
      else
        await trx
          .insertInto('fx_rates')
          .values({
            id: newId(),
            year: r.year,
            currency: r.currency,
            quote_currency: r.quoteCurrency,
            rate_micros,
            updated_at: now,
          })
          .execute();
    }
    await appendAudit(trx, ctx.seam, ctx, {
      action: 'fx.rates_set',
      entityType: 'fx_rates',
      entityId: null,
      after: input.rates,
    });
  });
  return listFxRates(ctx);
}

export async function getDistributionRule(ctx: Ctx, platformId: string) {
  await platformFor(ctx.db, ctx.actor, platformId, 'tt.manage');
  const r = await ctx.db
    .selectFrom('distribution_rules')
    .selectAll()
    .where('platform_id', '=', platformId)
    .executeTakeFirst();
  return {
    platformId,
    rule: r
      ? {
          name: r.name,
          currency: r.currency,
          inventorFirstMinor: Number(r.inventor_first_minor),
          inventorSharePct: r.inventor_share_bp / 100,
          updatedAt: r.updated_at,
        }
      : null,
  };
}

/** Sets the platform's income distribution rule; it applies to receipts recorded from now on. */
export async function setDistributionRule(ctx: Ctx, platformId: string, input: DistributionRuleInput) {
  await ctx.db.transaction().execute(async (trx) => {
    await platformFor(trx, ctx.actor, platformId, 'tt.manage');
    const before = await trx
      .selectFrom('distribution_rules')
      .selectAll()
      .where('platform_id', '=', platformId)
      .executeTakeFirst();
    const row = {
      platform_id: platformId,
      name: input.name,
      currency: input.currency,
      inventor_first_minor: input.inventorFirstMinor,
      inventor_share_bp: Math.round(input.inventorSharePct * 100),
      updated_at: isoNow(ctx.clock),
    };
    if (before) {
      const { platform_id: _p, ...patch } = row;
      await trx.updateTable('distribution_rules').set(patch).where('platform_id', '=', platformId).execute();
    } else await trx.insertInto('distribution_rules').values(row).execute();
    await appendAudit(trx, ctx.seam, ctx, {
      action: 'distribution.rule_set',
      entityType: 'distribution_rule',
      entityId: platformId,
      platformId,
      before: before ?? null,
      after: row,
    });
  });
  return getDistributionRule(ctx, platformId);
}
