/**
 * The indicators of the analytics (DOMAIN.md §9, docs/analytics.md), each defined once: its group, its
 * names and definition in both languages, its unit, whether it can be cut by unit and over years, its
 * breakdown and the list of records behind a figure. The server computes them, the web draws them and
 * the exports print the same definitions beside every figure. The model is in analytics.model.ts, the
 * definitions by group in analytics.activity.ts and analytics.outputs.ts; this file gathers them, builds
 * the drill-down links and lists the dashboards.
 */

import { INPUT_AND_ACTIVITY_INDICATORS } from './analytics.activity.js';
import { INDICATOR_IDS, type IndicatorDef, type IndicatorId } from './analytics.model.js';
import { OUTPUT_AND_OUTCOME_INDICATORS } from './analytics.outputs.js';
import { yearBounds } from './report-years.js';

export * from './analytics.model.js';

/** Every indicator by id: the type requires each id of INDICATOR_IDS, from one of the groups' files. */
export const INDICATORS: Record<IndicatorId, IndicatorDef> = {
  ...INPUT_AND_ACTIVITY_INDICATORS,
  ...OUTPUT_AND_OUTCOME_INDICATORS,
};

/**
 * A drill-down target: the web route and its query string, the list's own filter parameters. `years`
 * are the report years of the figure (one year, or the whole period for a total); `startMonth` is the
 * basis the figure was cut on (1: calendar years; else the platform's fiscal year).
 */
export function drillLink(
  id: IndicatorId,
  at: {
    platformId: string;
    unitId?: string | null;
    years: readonly [number, number];
    startMonth: number;
    part?: string;
  },
): string | null {
  const d = INDICATORS[id].drill;
  // A unit's figure opens only a list that can be cut to the unit; the platform's list would hold more.
  if (!d || (at.unitId && !d.unit)) return null;
  const q = new URLSearchParams();
  q.set(d.platform, at.platformId);
  if (d.unit && at.unitId) q.set(d.unit, at.unitId);
  if (d.part && at.part) q.set(d.part, at.part);
  if (d.years) {
    q.set(d.years[0], String(at.years[0]));
    q.set(d.years[1], String(at.years[1]));
  }
  if (d.dates) {
    q.set(d.dates[0], yearBounds(at.years[0], at.startMonth).startDate);
    q.set(d.dates[1], yearBounds(at.years[1], at.startMonth).endDate);
  }
  for (const [k, v] of Object.entries(d.fixed ?? {})) q.set(k, v);
  return `${d.path}?${q.toString()}`;
}

/** The role dashboards: which indicators each shows, in order (docs/analytics.md). */
export const DASHBOARDS = ['supervisor', 'platform', 'program', 'transfer', 'unit'] as const;
export type Dashboard = (typeof DASHBOARDS)[number];
export const DASHBOARD_INDICATORS: Record<Dashboard, readonly IndicatorId[]> = {
  // The seed's comparison, live: funding, activity and results side by side.
  supervisor: INDICATOR_IDS,
  platform: INDICATOR_IDS,
  program: [
    'calls_opened',
    'applications_submitted',
    'applications_approved',
    'success_rate',
    'projects_by_state',
  ],
  transfer: [
    'disclosures',
    'patent_applications',
    'patents_granted',
    'licences_executed',
    'licence_income',
    'results_published',
    'enterprises_served',
  ],
  unit: INDICATOR_IDS.filter((id) => INDICATORS[id].byUnit),
};
