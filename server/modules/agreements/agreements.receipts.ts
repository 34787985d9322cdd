import type { Kysely } from 'kysely';
import { updateRow } from '../../db/rows.js';
import type { DB, DistributionRulesTable } from '../../db/schema.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { forbidden, invalidField } from '../../http/errors.js';
import { keepsAnyPlatform, platformFor } from '../ip/ip.policy.js';
import { disclosureIdsBehind, inventorsByDisclosure } from '../ip/ip.service.js';
import { platformSummaries } from '../platforms/platforms.lookup.js';
import { unitNames } from '../units/units.lookup.js';
import { type Beneficiary, distribute } from './agreements.distribution.js';
import { allFxRates, upsertFxRate } from './agreements.fx.repository.js';
import {
  type Agreement,
  agreementIpLinks,
  type Distribution,
  type DistributionRule,
  distributionRuleOf,
  insertDistributions,
  type Receipt,
  receivedInYear,
  recordReceipt,
  saveDistributionRule,
} from './agreements.repository.js';
import type {
  AgreementView,
  CreateReceiptInput,
  DistributionRuleInput,
  FxRatesInput,
} from './agreements.schema.js';
import { agreementFound } from './agreements.service.js';
import { agreementView } from './agreements.views.js';

/** The inventors behind an agreement: of the disclosures it links directly or through filings and registrations. */
async function beneficiaries(trx: Kysely<DB>, agreementId: string): Promise<Beneficiary[]> {
  const links = await agreementIpLinks(trx, agreementId);
  const behind = await disclosureIdsBehind(trx, {
    filingIds: links.map((l) => l.filingId).filter((x): x is string => !!x),
    otherAssetIds: links.map((l) => l.otherAssetId).filter((x): x is string => !!x),
  });
  const via = (id: string | null) => (id ? (behind.get(id) ?? null) : null);
  const disclosures = [
    ...new Set(
      links
        .map((l) => l.disclosureId ?? via(l.filingId) ?? via(l.otherAssetId))
        .filter((d): d is string => !!d),
    ),
  ];
  if (disclosures.length === 0) return [];
  const inventors = await inventorsByDisclosure(trx, disclosures);
  const byKey = new Map<string, Beneficiary>();
  for (const i of inventors) {
    const key = i.personId ?? `name:${i.name}`;
    const b = byKey.get(key) ?? { personId: i.personId, name: i.name, weight: 0 };
    b.weight += i.shareBp;
    byKey.set(key, b);
  }
  return [...byKey.values()];
}

/** Writes the receipt's distribution under the platform's rule (none without a rule). */
async function distributeReceipt(trx: Kysely<DB>, a: Agreement, receipt: Receipt): Promise<Distribution[]> {
  const rule = await distributionRuleOf(trx, a.platformId);
  if (!rule) return [];
  const year = receipt.receivedDate.slice(0, 4);
  const ytd = await receivedInYear(trx, {
    agreementId: a.id,
    currency: receipt.currency,
    year,
    exceptReceiptId: receipt.id,
  });
  const unit = a.unitId ? (await unitNames(trx, [a.unitId])).get(a.unitId) : undefined;
  const platform = (await platformSummaries(trx, [a.platformId])).get(a.platformId)!;
  const parts = distribute({
    amountMinor: receipt.amountMinor,
    currency: receipt.currency,
    rule: {
      currency: rule.currency,
      inventorFirstMinor: Number(rule.inventorFirstMinor),
      inventorShareBp: rule.inventorShareBp,
    },
    yearToDateMinor: ytd,
    inventors: await beneficiaries(trx, a.id),
    unit: unit ? { name: unit.nameZh } : null,
    platformName: platform.nameZh,
  });
  const rows = parts.map(
    (p): Distribution => ({
      id: newId(),
      receiptId: receipt.id,
      platformId: a.platformId,
      recipientKind: p.recipientKind,
      personId: p.personId,
      recipientName: p.name,
      unitId: p.recipientKind === 'unit' ? a.unitId : null,
      amountMinor: p.amountMinor,
      currency: receipt.currency,
      receivedDate: receipt.receivedDate,
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
    const a = await agreementFound(trx, ctx, agreementId);
    const row: Receipt = {
      id: newId(),
      platformId: a.platformId,
      agreementId: a.id,
      receivedDate: input.receivedDate,
      amountMinor: input.amountMinor,
      currency: input.currency,
      category: input.category,
      note: input.note ?? null,
      createdAt: isoNow(ctx.clock),
    };
    await recordReceipt(trx, ctx.seam, row, a);
    const parts = await distributeReceipt(trx, a, row);
    await audit({
      action: 'agreement.receipt_recorded',
      entityType: 'receipt',
      entityId: row.id,
      platformId: a.platformId,
      after: {
        agreementId: a.id,
        receivedDate: row.receivedDate,
        amountMinor: row.amountMinor,
        currency: row.currency,
        category: row.category,
        note: row.note,
        distribution: parts.map((p) => ({
          kind: p.recipientKind,
          name: p.recipientName,
          amountMinor: p.amountMinor,
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
    items: rows.map(({ year, currency, quoteCurrency, rateMicros, updatedAt }) => ({
      year,
      currency,
      quoteCurrency,
      rate: rateMicros / 1_000_000,
      updatedAt,
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
          quoteCurrency: r.quoteCurrency,
          rateMicros: Math.round(r.rate * 1_000_000),
          updatedAt: now,
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
          inventorFirstMinor: Number(r.inventorFirstMinor),
          inventorSharePct: r.inventorShareBp / 100,
          updatedAt: r.updatedAt,
        }
      : null,
  };
}

/** Sets the platform's income distribution rule; it applies to receipts recorded from now on. */
export async function setDistributionRule(ctx: Ctx, platformId: string, input: DistributionRuleInput) {
  await write(ctx, async (trx, audit) => {
    await platformFor(trx, ctx.actor, platformId, 'tt.manage');
    const before = await distributionRuleOf(trx, platformId);
    const rule: DistributionRule = {
      platformId,
      name: input.name,
      currency: input.currency,
      inventorFirstMinor: input.inventorFirstMinor,
      inventorShareBp: Math.round(input.inventorSharePct * 100),
      updatedAt: isoNow(ctx.clock),
    };
    await saveDistributionRule(trx, rule, !!before);
    // The audit entries keep the rule as stored, by column (snake_case), as they always have.
    await audit({
      action: 'distribution.rule_set',
      entityType: 'distribution_rule',
      entityId: platformId,
      platformId,
      before: before ? updateRow<DistributionRulesTable>(before) : null,
      after: updateRow<DistributionRulesTable>(rule),
    });
  });
  return getDistributionRule(ctx, platformId);
}
