import type { z } from 'zod';
import type {
  portfolioFilter,
  portfolioQuery,
  portfolioView,
} from '../../server/modules/projects/projects.portfolio.schema.js';
import { download, request } from './client.js';

export type PortfolioView = z.infer<typeof portfolioView>;
export type PortfolioItem = PortfolioView['items'][number];
type Query = Record<string, string | number | undefined>;

/** The portfolio of the projects a funder's side oversees (issue 13). */
export const portfolioApi = {
  get: (q: Partial<z.input<typeof portfolioQuery>>) =>
    request<PortfolioView>('GET', '/api/projects/portfolio', { query: q as Query }),
  file: (q: Partial<z.input<typeof portfolioFilter>>) => download('/api/projects/portfolio.xlsx', q as Query),
};
