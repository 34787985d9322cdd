import { z } from 'zod';
import { CHART_KINDS, TODO_KINDS } from '../../../common/workbench.js';

export const todoView = z.object({
  kind: z.enum(TODO_KINDS),
  /** The platform the count is of; null when it spans all of the user's own work. */
  platformId: z.uuid().nullable(),
  count: z.number().int().min(0),
  /** The nearest deadline among the counted items (ISO 8601 UTC), when they have one. */
  deadline: z.string().nullable(),
  /** The web route and query of the list filtered to exactly these items. */
  link: z.string(),
});
export type TodoView = z.infer<typeof todoView>;

export const chartView = z.object({
  kind: z.enum(CHART_KINDS),
  /** One bar per state code, in the order of the state list; the web names the codes. */
  points: z.array(z.object({ code: z.string(), value: z.number().int().min(0) })),
});
export type ChartView = z.infer<typeof chartView>;

export const workbenchView = z.object({ todos: z.array(todoView), charts: z.array(chartView) });
export type WorkbenchView = z.infer<typeof workbenchView>;
