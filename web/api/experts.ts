// The expert database (issue 5): shapes are the server's zod schemas (type-only imports, no zod reaches the browser).
import type { z } from 'zod';
import type {
  createExpertBody,
  expertList,
  expertView,
  listExpertsQuery,
  ownProfileBody,
  profileBody,
} from '../../server/modules/review/experts/experts.schema.js';
import { request } from './client.js';

export type ExpertView = z.infer<typeof expertView>;
export type ExpertList = z.infer<typeof expertList>;
export type ExpertSummary = ExpertList['items'][number];
export type ExpertProfileBody = z.input<typeof profileBody>;
export type OwnProfileBody = z.input<typeof ownProfileBody>;
export type CreateExpertBody = z.input<typeof createExpertBody>;
export type ExpertsQuery = Omit<z.input<typeof listExpertsQuery>, 'active' | 'limit' | 'offset'> & {
  active?: 'true' | 'false';
  limit?: number;
  offset?: number;
};

const enc = encodeURIComponent;

export const expertsApi = {
  /** The expert database with filters and counts (curators). */
  list: (query: ExpertsQuery) => request<ExpertList>('GET', '/api/experts', { query }),
  get: (id: string) => request<ExpertView>('GET', `/api/experts/${enc(id)}`),
  create: (body: CreateExpertBody) => request<ExpertView>('POST', '/api/experts', { body }),
  /** Replaces the whole profile, sub-lists included. */
  update: (id: string, body: ExpertProfileBody) =>
    request<ExpertView>('PUT', `/api/experts/${enc(id)}`, { body }),
  /** The signed-in user's own profile (404 experts.no_profile when a curator has not created one). */
  mine: () => request<ExpertView>('GET', '/api/experts/me'),
  updateMine: (body: OwnProfileBody) => request<ExpertView>('PUT', '/api/experts/me', { body }),
};
