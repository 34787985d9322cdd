// Services to enterprises (issue 14): the catalog, requests and the impact survey. Types are the server's zod schemas.
import type { z } from 'zod';
import type {
  catalogQuery,
  createRequestBody,
  requestList,
  requestTransitionBody,
  requestView,
  serviceBody,
  serviceList,
  serviceView,
  surveyBody,
  surveyRollup,
} from '../../server/modules/services/services.schema.js';
import { download, request } from './client.js';

export type Service = z.infer<typeof serviceView>;
export type ServiceList = z.infer<typeof serviceList>;
export type ServiceInput = z.input<typeof serviceBody>;
export type CatalogQuery = Partial<Omit<z.infer<typeof catalogQuery>, 'page' | 'pageSize'>> & {
  page?: number;
  pageSize?: number;
};
export type ServiceRequest = z.infer<typeof requestView>;
export type ServiceRequestList = z.infer<typeof requestList>;
export type NewRequest = z.input<typeof createRequestBody>;
export type RequestMove = z.input<typeof requestTransitionBody>;
export type SurveyAnswer = z.input<typeof surveyBody>;
export type SurveyRollup = z.infer<typeof surveyRollup>;
export type RequestsView = 'mine' | 'unit' | 'all';

const enc = encodeURIComponent;

export const servicesApi = {
  publicCatalog: (platformId: string, q: CatalogQuery) =>
    request<ServiceList>('GET', `/api/public/platforms/${enc(platformId)}/services`, {
      query: { ...q },
      quiet401: true,
    }),
  publicService: (id: string) =>
    request<Service>('GET', `/api/public/services/${enc(id)}`, { quiet401: true }),
  catalog: (platformId: string, q: CatalogQuery) =>
    request<ServiceList>('GET', `/api/platforms/${enc(platformId)}/services`, { query: { ...q } }),
  get: (id: string) => request<Service>('GET', `/api/services/${enc(id)}`),
  create: (platformId: string, body: ServiceInput) =>
    request<Service>('POST', `/api/platforms/${enc(platformId)}/services`, { body }),
  update: (id: string, body: ServiceInput) => request<Service>('PUT', `/api/services/${enc(id)}`, { body }),
  setState: (id: string, to: Service['state']) =>
    request<Service>('POST', `/api/services/${enc(id)}/state`, { body: { to } }),
  ask: (serviceId: string, body: NewRequest) =>
    request<ServiceRequest>('POST', `/api/services/${enc(serviceId)}/requests`, { body }),
  requests: (q: {
    platformId: string;
    view: RequestsView;
    state?: string;
    unitId?: string | undefined;
    createdFrom?: string | undefined;
    createdTo?: string | undefined;
    page?: number;
    pageSize?: number;
  }) => request<ServiceRequestList>('GET', '/api/service-requests', { query: { ...q } }),
  request: (id: string) => request<ServiceRequest>('GET', `/api/service-requests/${enc(id)}`),
  move: (id: string, body: RequestMove) =>
    request<ServiceRequest>('POST', `/api/service-requests/${enc(id)}/transitions`, { body }),
  deliver: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request<ServiceRequest>('POST', `/api/service-requests/${enc(id)}/report`, { form });
  },
  report: (id: string) => download(`/api/service-requests/${enc(id)}/report`),
  answerSurvey: (id: string, body: SurveyAnswer) =>
    request<ServiceRequest>('POST', `/api/service-requests/${enc(id)}/survey`, { body }),
  outcomes: (platformId: string) =>
    request<SurveyRollup>('GET', `/api/platforms/${enc(platformId)}/service-outcomes`),
};
