// The reports due across a platform's projects (issue 13's route; the workbench links here, issue 12).
import type { z } from 'zod';
import type {
  reportsDueList,
  reportsDueQuery,
} from '../../server/modules/projects/projects.reports.schema.js';
import { request } from './client.js';

export type ReportsDueList = z.infer<typeof reportsDueList>;
export type ReportsDueQuery = Partial<z.input<typeof reportsDueQuery>>;

export const reportsDueApi = {
  list: (platformId: string, q: ReportsDueQuery) =>
    request<ReportsDueList>('GET', `/api/platforms/${encodeURIComponent(platformId)}/reports-due`, {
      query: q as Record<string, string>,
    }),
};
