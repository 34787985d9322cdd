import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { forbidden, invalidField } from '../../http/errors.js';
import { keepsAnyPlatform, platformFor } from '../ip/ip.policy.js';
import { disclosureIdsBehind, inventorsByDisclosure } from '../ip/ip.service.js';
import { platformSummaries } from '../platforms/platforms.lookup.js';
import { unitNames } from '../units/units.lookup.js';
import { type Beneficiary, distribute } from './agreements.distribution.js';
import { insertReceipt } from './agreements.months.repository.js';
import {
  type AgreementRow,
  agreementIpLinks,
  allFxRates,
  type DistributionRow,
  type DistributionRuleRow,
  distributionRuleOf,
  insertDistributions,
  type ReceiptRow,
  receivedInYear,
  saveDistributionRule,
  upsertFxRate,
} from './agreements.repository.js';
import type {
  AgreementView,
  CreateReceiptInput,
  DistributionRuleInput,
  FxRatesInput,
} from './agreements.schema.js';
import { agreementOrNotFound } from './agreements.service.js';
import { agreementView } from './agreements.views.js';

/** The inventors behind an agreement: of the disclosures it links directly or through filings and registrations. */
async function beneficiaries(trx: Kysely<DB>, agreementId: string): Promise<Beneficiary[]> {
  const links = await agreementIpLinks(trx, agreementId);
  const behind = await disclosureIdsBehind(trx, {
    filingIds: links.map((l) => l.filing_id).filter((x): x is string => !!x),
    otherAssetIds: links.map((l) => l.other_asset_id).filter((x): x is string => !!x),
  });
  const via = (id: string | null) => (id ? (behind.get(id) ?? null) : null);
  const disclosures = [
    ...new Set(
      links
        .map((l) => l.disclosure_id ?? via(l.filing_id) ?? via(l.other_asset_id))
        .filter((d): d is string => !!d),
    ),
  ];
  if (disclosures.length === 0) return [];
  const inventors = await inventorsByDisclosure(trx, disclosures);
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
  receipt: ReceiptRow,
): Promise<DistributionRow[]> {
  const rule = await distributionRuleOf(trx, a.platform_id);
  if (!rule) return [];
  const year = receipt.received_date.slice(0, 4);
  const ytd = await receivedInYear(trx, {
    agreementId: a.id,
    currency: receipt.currency,
    year,
    exceptReceiptId: receipt.id,
  });
  const unit = a.unit_id ? (await unitNames(trx, [a.unit_id])).get(a.unit_id) : undefined;
  const platform = (await platformSummaries(trx, [a.platform_id])).get(a.platform_id)!;
  const parts = distribute({
    amountMinor: receipt.amount_minor,
    currency: receipt.currency,
    rule: {
      currency: rule.currency,
      inventorFirstMinor: Number(rule.inventor_first_minor),
      inventorShareBp: rule.inventor_share_bp,
    },
    yearToDateMinor: ytd,
    inventors: await beneficiaries(trx, a.id),
    unit: unit ? { name: unit.nameZh } : null,
    platformName: platform.nameZh,
  });
  const rows = parts.map(
    (p): DistributionRow => ({
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
    }),
  );
  await insertDistributions(trx, rows);
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
  return write(ctx, async (trx, audit) => {
    const a = await agreementOrNotFound(trx, ctx, agreementId);
    const row: ReceiptRow = {
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
    await insertReceipt(trx, row, a);
    const parts = await distributeReceipt(trx, a, row);
    await audit({
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
  const rows = await allFxRates(ctx.db);
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
  await write(ctx, async (trx, audit) => {
    const now = isoNow(ctx.clock);
    for (const r of input.rates)
      await upsertFxRate(
        trx,
        {
          year: r.year,
          currency: r.currency,
          quote_currency: r.quoteCurrency,
          rate_micros: Math.round(r.rate * 1_000_000),
          updated_at: now,
        },
        newId,
      );
    await audit({
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
  const r = await distributionRuleOf(ctx.db, platformId);
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
  await write(ctx, async (trx, audit) => {
    await platformFor(trx, ctx.actor, platformId, 'tt.manage');
    const before = await distributionRuleOf(trx, platformId);
    const row: DistributionRuleRow = {
      platform_id: platformId,
      name: input.name,
      currency: input.currency,
      inventor_first_minor: input.inventorFirstMinor,
      inventor_share_bp: Math.round(input.inventorSharePct * 100),
      updated_at: isoNow(ctx.clock),
    };
    await saveDistributionRule(trx, row, !!before);
    await audit({
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
