import type { Ctx } from '../../http/context.js';
import { addDays, addMonths, daysBetween } from './ip.dates.js';
import { liveFilingsWithRef, parentFilingIds } from './ip.filings.repository.js';
import { platformFor } from './ip.policy.js';
import type { Filing } from './ip.repository.js';
import type { DocketEntry } from './ip.schema.js';

type Rule = DocketEntry['rule'];
/** US maintenance fees fall due 3.5, 7.5 and 11.5 years after grant (35 U.S.C. 41(b)). */
const US_MAINTENANCE: Array<[Rule, number]> = [
  ['us_maintenance_3_5y', 42],
  ['us_maintenance_7_5y', 90],
  ['us_maintenance_11_5y', 138],
];
/** A Chinese invention patent runs 20 years from filing; annual fees are due before each patent year. */
const CN_TERM_YEARS = 20;

/**
 * The deadlines a filing generates, computed from the rules rather than stored: a provisional needs its
 * non-provisional within 12 months, a PCT application enters the national phase at 30 months from
 * priority, a granted US patent pays maintenance fees at 3.5/7.5/11.5 years, a granted CN patent pays an
 * annual fee before each patent year from the grant on. A deadline is met when a follow-on filing names
 * this one as its parent; abandoned and expired filings generate nothing.
 */
export function deadlinesOf(
  f: Filing,
  hasChild: boolean,
): Array<{ rule: Rule; dueDate: string; feeYear: number | null }> {
  if (f.status === 'abandoned' || f.status === 'expired') return [];
  const out: Array<{ rule: Rule; dueDate: string; feeYear: number | null }> = [];
  if (f.filingType === 'provisional' && !hasChild)
    out.push({ rule: 'us_nonprovisional_12m', dueDate: addMonths(f.filingDate, 12), feeYear: null });
  if (f.filingType === 'pct' && !hasChild)
    out.push({ rule: 'pct_national_phase_30m', dueDate: addMonths(f.priorityDate, 30), feeYear: null });
  if (f.grantDate && f.status === 'granted') {
    if (f.jurisdiction === 'US')
      for (const [rule, months] of US_MAINTENANCE)
        out.push({ rule, dueDate: addMonths(f.grantDate, months), feeYear: null });
    if (f.jurisdiction === 'CN')
      for (let year = 1; year <= CN_TERM_YEARS; year++) {
        const due = addMonths(f.filingDate, (year - 1) * 12);
        // Fees for the years before the grant are paid with the grant registration.
        if (due >= f.grantDate) out.push({ rule: 'cn_annual_fee', dueDate: due, feeYear: year });
      }
  }
  return out;
}

/** The platform's docket: deadlines due between from and to, earliest first, overdue ones flagged. */
export async function docket(ctx: Ctx, platformId: string, q: { from?: string; to?: string }) {
  await platformFor(ctx.db, ctx.actor, platformId, 'tt.manage');
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const from = q.from ?? addDays(today, -90);
  const to = q.to ?? addMonths(from, 24);
  const filings = await liveFilingsWithRef(ctx.db, platformId);
  const parents = await parentFilingIds(ctx.db, platformId);
  const items: DocketEntry[] = [];
  for (const f of filings) {
    for (const d of deadlinesOf(f, parents.has(f.id))) {
      if (d.dueDate < from || d.dueDate > to) continue;
      const daysLeft = daysBetween(today, d.dueDate);
      items.push({
        filingId: f.id,
        disclosureId: f.disclosureId,
        disclosureRefNo: f.disclosureRefNo,
        jurisdiction: f.jurisdiction,
        applicationNumber: f.applicationNumber,
        patentNumber: f.patentNumber,
        rule: d.rule,
        feeYear: d.feeYear,
        dueDate: d.dueDate,
        daysLeft,
        overdue: daysLeft < 0,
      });
    }
  }
  items.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.filingId.localeCompare(b.filingId));
  return { from, to, items };
}
