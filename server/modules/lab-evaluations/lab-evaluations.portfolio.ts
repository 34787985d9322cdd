import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { agreementCounts, cnContracts, receiptGroups } from '../agreements/agreements.service.js';
import { disclosureCounts, filingCounts } from '../ip/ip.service.js';
import { smallBusinessPartner } from '../orgs/orgs.lookup.js';
import { unitProjectsBetween } from '../projects/projects.portfolio-read.js';
import { resultCountsByType } from '../results/results.service.js';
import type { Period, Scope } from '../ttreports/ttreports.period.js';
import { unitStaffEntries } from '../units/units.service.js';
import type { Portfolio } from './lab-evaluations.schema.js';

/** Technology development, consulting and services: what a unit delivers to enterprises under contract. */
const SERVICE_KINDS = new Set(['tech_development', 'tech_consulting', 'tech_service']);
const LICENSING = new Set(['licence', 'option']);

/** Sums by currency, largest first: amounts in different currencies are never added together. */
function byCurrency(rows: Iterable<{ currency: string | null; amount: number }>) {
  const m = new Map<string, number>();
  for (const r of rows) if (r.currency) m.set(r.currency, (m.get(r.currency) ?? 0) + r.amount);
  return [...m]
    .map(([currency, amountMinor]) => ({ currency, amountMinor }))
    .sort((a, b) => b.amountMinor - a.amountMinor || a.currency.localeCompare(b.currency));
}

const tally = (keys: Iterable<string>) => {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
};

/**
 * A unit's portfolio for the period, read through the owning modules (projects, results, ip,
 * agreements, units) inside the caller's transaction: the numbers the committee scores against.
 */
export async function unitPortfolio(
  db: Kysely<DB>,
  platformId: string,
  unitId: string,
  period: Period,
): Promise<Portfolio> {
  const scope: Scope = { db, platformId, unitId, fieldId: null, period };
  const [projects, outputs, disclosures, filings, agreements, receipts, contracts, staff] = await Promise.all(
    [
      unitProjectsBetween(db, { platformId, unitId, startDate: period.startDate, endDate: period.endDate }),
      resultCountsByType(db, { platformId, unitId, fromYear: period.from, toYear: period.to }),
      disclosureCounts(scope),
      filingCounts(scope),
      agreementCounts(scope, smallBusinessPartner),
      receiptGroups(scope),
      cnContracts(scope),
      unitStaffEntries(db, unitId),
    ],
  );
  const sumN = (rows: Array<{ n: number }>) => rows.reduce((a, r) => a + r.n, 0);
  const services = contracts.filter((c) => SERVICE_KINDS.has(c.kind));
  return {
    period: {
      fromYear: period.from,
      toYear: period.to,
      startDate: period.startDate,
      endDate: period.endDate,
    },
    projects: {
      total: projects.length,
      intramural: projects.filter((p) => p.kind === 'intramural').length,
      extramural: projects.filter((p) => p.kind === 'extramural').length,
      byState: tally(projects.map((p) => p.state)),
      passed: projects.filter((p) => p.outcome === 'passed').length,
      failed: projects.filter((p) => p.outcome === 'failed').length,
      budget: byCurrency(projects.map((p) => ({ currency: p.currency, amount: p.budgetMinor }))),
      items: projects.map((p) => ({
        id: p.id,
        code: p.code,
        titleZh: p.titleZh,
        titleEn: p.titleEn,
        kind: p.kind,
        state: p.state,
        outcome: p.outcome,
      })),
    },
    outputs: { total: Object.values(outputs).reduce((a, b) => a + b, 0), byType: outputs },
    ip: {
      disclosures: disclosures.total,
      patentApplications: filings.filed,
      patentsGranted: filings.granted,
    },
    licences: { active: sumN(agreements.activeLicences), new: sumN(agreements.newLicences) },
    licenceIncome: byCurrency(
      receipts.filter((r) => LICENSING.has(r.kind)).map((r) => ({ currency: r.currency, amount: r.amount })),
    ),
    services: {
      contracts: sumN(services),
      value: byCurrency(services.map((c) => ({ currency: c.currency, amount: c.value }))),
    },
    staff: { total: staff.length, byPosition: tally(staff.map((s) => s.position)) },
  };
}
