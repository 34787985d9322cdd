import {
  DASHBOARD_MONTHS,
  type DashboardChart,
  type FigureCode,
  type Measure,
  type SeriesCode,
} from '../../../common/service-dashboards.js';
import type { DashboardChartView, FigureView } from './service-dashboards.schema.js';

/** Pure shaping of the dashboards' figures and charts (no database). */

export const figure = (code: FigureCode, measure: Measure, value: number | null): FigureView => ({
  code,
  measure,
  value,
});

/** A chart of one value per code, in the order of the codes given (every code shown, zeros too). */
export function countsChart(
  kind: DashboardChart,
  codes: readonly string[],
  count: (code: string) => number,
): DashboardChartView {
  return {
    kind,
    measure: 'count',
    categories: codes.map((code) => ({ code, nameZh: null, nameEn: null })),
    series: [{ code: 'value', values: codes.map(count) }],
  };
}

/** How many of the items have each value of `key`. */
export function tally<T>(
  items: readonly T[],
  key: (item: T) => string | null | undefined,
): Map<string, number> {
  const m = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k != null) m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

export const sum = (values: readonly number[]) => values.reduce((n, v) => n + v, 0);

/** The mean to one decimal, or null when there is nothing to average. */
export const mean = (values: readonly number[]) =>
  values.length === 0 ? null : Math.round((sum(values) / values.length) * 10) / 10;

/** A share in whole percent, or null when there is nothing to divide by. */
export const percent = (part: number, whole: number) =>
  whole <= 0 ? null : Math.round((part / whole) * 100);

/**
 * Money by month (YYYY-MM) of several series: the latest DASHBOARD_MONTHS months that have any, in
 * order. Entries are [month, series, amount].
 */
export function monthsChart(
  kind: DashboardChart,
  seriesCodes: readonly SeriesCode[],
  entries: ReadonlyArray<readonly [string, SeriesCode, number]>,
): DashboardChartView {
  const months = [...new Set(entries.map(([m]) => m))].sort().slice(-DASHBOARD_MONTHS);
  return {
    kind,
    measure: 'money',
    categories: months.map((code) => ({ code, nameZh: null, nameEn: null })),
    series: seriesCodes.map((code) => ({
      code,
      values: months.map((m) =>
        sum(entries.filter(([em, es]) => em === m && es === code).map(([, , v]) => v)),
      ),
    })),
  };
}

/** A chart whose categories are records named by their data (schemes, needs, instruments, units). */
export function namedChart(
  kind: DashboardChart,
  measure: Measure,
  rows: ReadonlyArray<{
    id: string;
    nameZh: string | null;
    nameEn: string | null;
    values: Partial<Record<SeriesCode, number>>;
  }>,
  seriesCodes: readonly SeriesCode[],
): DashboardChartView {
  return {
    kind,
    measure,
    categories: rows.map((r) => ({ code: r.id, nameZh: r.nameZh, nameEn: r.nameEn })),
    series: seriesCodes.map((code) => ({ code, values: rows.map((r) => r.values[code] ?? 0) })),
  };
}

export const monthOf = (iso: string) => iso.slice(0, 7);

/** Whole days between two instants, rounded to one decimal. */
export const daysBetween = (from: string, to: string) =>
  Math.round(((Date.parse(to) - Date.parse(from)) / 86_400_000) * 10) / 10;
