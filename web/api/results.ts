// The results catalog, the public portal and inquiries (issue 6). Types are the server's zod schemas.
import type { z } from 'zod';
import type {
  createInquiryBody,
  funnelView,
  inquiryList,
  inquiryReceipt,
  inquiryView,
  transitionBody,
} from '../../server/modules/inquiries/inquiries.schema.js';
import type {
  createResultBody,
  publicFiltersView,
  publicResultView,
  publicSearchView,
  resultView,
  staffListView,
  updateResultBody,
} from '../../server/modules/results/results.schema.js';
import { download, request } from './client.js';

export type PublicSearch = z.infer<typeof publicSearchView>;
export type PublicResult = z.infer<typeof publicResultView>;
export type PublicFilters = z.infer<typeof publicFiltersView>;
export type ResultItem = z.infer<typeof resultView>;
export type StaffList = z.infer<typeof staffListView>;
export type CreateResult = z.input<typeof createResultBody>;
export type UpdateResult = z.input<typeof updateResultBody>;
export type InquiryForm = z.input<typeof createInquiryBody>;
export type Inquiry = z.infer<typeof inquiryView>;
export type InquiryList = z.infer<typeof inquiryList>;
export type Funnel = z.infer<typeof funnelView>;
export type Transition = z.input<typeof transitionBody>;

export interface ResultFilters {
  q?: string;
  type?: string;
  fieldId?: string;
  unitId?: string;
  platformId?: string;
  trlMin?: number;
  trlMax?: number;
  yearFrom?: number;
  yearTo?: number;
  page?: number;
  pageSize?: number;
}

export const resultsApi = {
  publicSearch: (q: ResultFilters) =>
    request<PublicSearch>('GET', '/api/public/results', { query: { ...q }, quiet401: true }),
  publicFilters: () => request<PublicFilters>('GET', '/api/public/results/filters', { quiet401: true }),
  publicResult: (id: string) => request<PublicResult>('GET', `/api/public/results/${id}`, { quiet401: true }),
  sendInquiry: (id: string, body: InquiryForm) =>
    request<z.infer<typeof inquiryReceipt>>('POST', `/api/public/results/${id}/inquiries`, {
      body,
      quiet401: true,
    }),

  list: (q: ResultFilters & { state?: string; visibility?: string }) =>
    request<StaffList>('GET', '/api/results', { query: { ...q } }),
  get: (id: string) => request<ResultItem>('GET', `/api/results/${id}`),
  create: (body: CreateResult) => request<ResultItem>('POST', '/api/results', { body }),
  update: (id: string, body: UpdateResult) => request<ResultItem>('PATCH', `/api/results/${id}`, { body }),
  publish: (id: string) => request<ResultItem>('POST', `/api/results/${id}/publish`),
  withdraw: (id: string) => request<ResultItem>('POST', `/api/results/${id}/withdraw`),
  remove: (id: string) => request<void>('DELETE', `/api/results/${id}`),
  exportCsv: (lang: string, platformId?: string) => download('/api/results/export.csv', { lang, platformId }),

  inquiries: (q: { platformId?: string; state?: string; page?: number; pageSize?: number }) =>
    request<InquiryList>('GET', '/api/inquiries', { query: { ...q } }),
  inquiry: (id: string) => request<Inquiry>('GET', `/api/inquiries/${id}`),
  move: (id: string, body: Transition) =>
    request<Inquiry>('POST', `/api/inquiries/${id}/transitions`, { body }),
  funnel: (q: { platformId: string; from?: string; to?: string }) =>
    request<Funnel>('GET', '/api/inquiries/funnel', { query: { ...q } }),
};
