// The analytics (issue 15, docs/analytics.md). Shapes are the server's zod schemas (type-only imports).
import type { z } from 'zod';
import type { analyticsQuery, analyticsView } from '../../server/modules/analytics/analytics.schema.js';
import { download, request } from './client.js';

export type AnalyticsQuery = z.input<typeof analyticsQuery>;
export type AnalyticsView = z.infer<typeof analyticsView>;
export type AnalyticsPlatform = AnalyticsView['platforms'][number];
type Q = Record<string, string | number | boolean | undefined>;

export const analyticsApi = {
  get: (query: AnalyticsQuery) => request<AnalyticsView>('GET', '/api/analytics', { query: query as Q }),
  file: (format: 'xlsx', query: AnalyticsQuery & { lang: 'zh-CN' | 'en-US'; dashboard?: string }) =>
    download(`/api/analytics.${format}`, query as Q),
  /** The 年度报告 of one platform for one year (the four years before it for the trend), as PDF. */
  annualReport: (query: {
    platformId: string;
    year: number;
    basis: 'calendar' | 'fiscal';
    currency: string;
    lang: 'zh-CN' | 'en-US';
  }) => download('/api/analytics/annual-report.pdf', query as Q),
};
