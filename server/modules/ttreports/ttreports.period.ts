import { type Kysely, type RawBuilder, sql } from 'kysely';
import { yearBounds } from '../../../common/report-years.js';
import type { DB } from '../../db/schema.js';
import type { ReportBasis } from './ttreports.schema.js';

/**
 * Report periods. A fiscal year is named by the calendar year it ends in: with the US federal start
 * month (October), FY2010 runs 2009-10-01 … 2010-09-30. A start month of 1 makes fiscal = calendar.
 */
export interface Period {
  startMonth: number;
  from: number;
  to: number;
  startDate: string;
  endDate: string;
}

/**
 * What a report looks at: one platform, optionally one unit or field, over a period. The owners of the
 * reported tables (ip, agreements) count over it in their stats repositories.
 */
export interface Scope {
  db: Kysely<DB>;
  platformId: string;
  unitId: string | null;
  fieldId: string | null;
  /** The analytics' field cut: a field and its sub-fields (docs/analytics.md); absent: every field. */
  fieldIds?: readonly string[];
  period: Period;
}

export { yearBounds };

export function periodOf(from: number, to: number, basis: ReportBasis, fiscalStartMonth: number): Period {
  const startMonth = basis === 'calendar' ? 1 : fiscalStartMonth;
  return {
    startMonth,
    from,
    to,
    startDate: yearBounds(from, startMonth).startDate,
    endDate: yearBounds(to, startMonth).endDate,
  };
}

/** The report year a date column falls in, as portable SQL (substr and CAST work on both databases). */
export function bucketOf(column: string, startMonth: number): RawBuilder<number> {
  const year = sql<number>`CAST(substr(${sql.ref(column)}, 1, 4) AS INTEGER)`;
  if (startMonth === 1) return year;
  return sql<number>`(${year} + CASE WHEN CAST(substr(${sql.ref(column)}, 6, 2) AS INTEGER) >= ${sql.lit(startMonth)} THEN 1 ELSE 0 END)`;
}

/** The report year a month ('YYYY-MM', as the monthly rollups key them) falls in; bucketOf's twin. */
export function bucketOfMonth(month: string, startMonth: number): number {
  const year = Number(month.slice(0, 4));
  return startMonth > 1 && Number(month.slice(5, 7)) >= startMonth ? year + 1 : year;
}

/** The calendar year of a date column (FX rates are yearly averages by calendar year). */
export const calendarYearOf = (column: string): RawBuilder<number> =>
  sql<number>`CAST(substr(${sql.ref(column)}, 1, 4) AS INTEGER)`;

/**
 * Earned-royalty statistics over per-licence totals: median, range, and the share of the total taken by
 * the top 1 %, 5 % and 20 % of licences (at least one licence each).
 */
export function royaltyStats(perLicence: number[]) {
  const v = perLicence.filter((x) => x > 0).sort((a, b) => b - a);
  if (v.length === 0)
    return { licences: 0, median: null, min: null, max: null, top1: null, top5: null, top20: null };
  const total = v.reduce((s, x) => s + x, 0);
  const asc = [...v].reverse();
  const mid = Math.floor(asc.length / 2);
  const median = asc.length % 2 ? asc[mid]! : Math.round((asc[mid - 1]! + asc[mid]!) / 2);
  const top = (p: number) => {
    const k = Math.max(1, Math.ceil(v.length * p));
    return v.slice(0, k).reduce((s, x) => s + x, 0) / total;
  };
  return {
    licences: v.length,
    median,
    min: asc[0]!,
    max: v[0]!,
    top1: top(0.01),
    top5: top(0.05),
    top20: top(0.2),
  };
}
