import { z } from 'zod';
import {
  DASHBOARD_CHARTS,
  FIGURE_CODES,
  MEASURES,
  SERIES_CODES,
} from '../../../common/service-dashboards.js';

export const dashboardQuery = z.strictObject({ platformId: z.uuid() });

export const figureView = z.object({
  code: z.enum(FIGURE_CODES),
  measure: z.enum(MEASURES),
  /** null when there is nothing to average or divide by yet. */
  value: z.number().nullable(),
});

export const dashboardChartView = z.object({
  kind: z.enum(DASHBOARD_CHARTS),
  measure: z.enum(MEASURES),
  /**
   * The bars or slices: a code the web names (a state, a kind, a score, a month), or a record named by
   * its data (a scheme, a need, an instrument, a unit, a region), then `nameZh`/`nameEn` carry the name.
   */
  categories: z.array(
    z.object({ code: z.string(), nameZh: z.string().nullable(), nameEn: z.string().nullable() }),
  ),
  /** One list of values per series, in the order of the categories. */
  series: z.array(z.object({ code: z.enum(SERIES_CODES), values: z.array(z.number()) })),
});
export type DashboardChartView = z.infer<typeof dashboardChartView>;

export const dashboardView = z.object({
  platformId: z.uuid(),
  /** The platform's currency: every money figure is in its minor units. */
  currency: z.string(),
  figures: z.array(figureView),
  charts: z.array(dashboardChartView),
});
export type DashboardView = z.infer<typeof dashboardView>;
export type FigureView = z.infer<typeof figureView>;
