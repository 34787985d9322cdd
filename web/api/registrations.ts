import type { z } from 'zod';
import type {
  orgSearchResult,
  RegisterInput,
  registrationList,
  registrationView,
  verifyResult,
} from '../../server/modules/registrations/registrations.schema.js';
import { request } from './client.js';

export type RegistrationView = z.infer<typeof registrationView>;
export type RegisterBody = z.input<
  typeof import('../../server/modules/registrations/registrations.schema.js').registerBody
>;
export type OrgHit = z.infer<typeof orgSearchResult>['items'][number];
export type { RegisterInput };

/** Self-registration (server/modules/registrations, docs/adr/0045): the public form and 注册审核. */
export const registrationsApi = {
  register: (body: RegisterBody) => request<void>('POST', '/api/public/registrations', { body }),
  resend: (email: string) => request<void>('POST', '/api/public/registrations/resend', { body: { email } }),
  verify: (token: string) =>
    request<z.infer<typeof verifyResult>>('POST', '/api/public/registrations/verify', { body: { token } }),
  searchOrganisations: (q: string) =>
    request<z.infer<typeof orgSearchResult>>('GET', '/api/public/registrations/organisations', {
      query: { q },
    }),
  list: (query: { state?: string; platformId?: string; limit: number; offset: number }) =>
    request<z.infer<typeof registrationList>>('GET', '/api/registrations', { query }),
  approve: (id: string) =>
    request<RegistrationView>('POST', `/api/registrations/${id}/approve`, { body: {} }),
  refuse: (id: string, reason: string) =>
    request<RegistrationView>('POST', `/api/registrations/${id}/refuse`, { body: { reason } }),
};
