// R&D calls (issue 4): shapes are the server's zod schemas (type-only imports, no zod reaches the browser).
import type { z } from 'zod';
import type { CallEffectiveState } from '../../common/calls.js';
import type {
  callView,
  copyCallBody,
  createCallBody,
  PUBLIC_CALL_FILTERS,
  publicCallList,
  publicCallView,
  staffCallList,
  updateCallBody,
} from '../../server/modules/calls/calls.schema.js';
import { request } from './client.js';

export type CallView = z.infer<typeof callView>;
export type PublicCallView = z.infer<typeof publicCallView>;
export type PublicCallList = z.infer<typeof publicCallList>;
export type PublicCallSummary = PublicCallList['items'][number];
export type StaffCallList = z.infer<typeof staffCallList>;
export type StaffCallSummary = StaffCallList['items'][number];
export type CreateCallBody = z.input<typeof createCallBody>;
export type CopyCallBody = z.input<typeof copyCallBody>;
export type UpdateCallBody = z.input<typeof updateCallBody>;
export type PublicCallFilter = (typeof PUBLIC_CALL_FILTERS)[number];

const enc = encodeURIComponent;

export const callsApi = {
  /** Published calls for anyone, signed in or not. */
  publicCalls: (q: {
    status?: PublicCallFilter;
    page?: number;
    pageSize?: number;
    platformId?: string;
    openedFrom?: string;
    openedTo?: string;
  }) => request<PublicCallList>('GET', '/api/calls', { query: q }),
  /** A published call for anyone (a draft only for its platform's staff). */
  publicCall: (id: string) => request<PublicCallView>('GET', `/api/calls/${enc(id)}`),
  platformCalls: (
    platformId: string,
    state?: CallEffectiveState,
    opened?: { openedFrom?: string; openedTo?: string },
    paging?: { page: number; pageSize: number },
  ) =>
    request<StaffCallList>('GET', `/api/platforms/${enc(platformId)}/calls`, {
      query: { state, ...opened, ...paging },
    }),
  /** The full call with state, checklist and what the caller may do (program officers and admins). */
  manage: (id: string) => request<CallView>('GET', `/api/calls/${enc(id)}/manage`),
  createCall: (platformId: string, body: CreateCallBody) =>
    request<CallView>('POST', `/api/platforms/${enc(platformId)}/calls`, { body }),
  /** 复制申报指南: a new draft from an earlier call under a new code and dates. */
  copyCall: (id: string, body: CopyCallBody) =>
    request<CallView>('POST', `/api/calls/${enc(id)}/copy`, { body }),
  updateCall: (id: string, body: UpdateCallBody) =>
    request<CallView>('PATCH', `/api/calls/${enc(id)}`, { body }),
  publishCall: (id: string) => request<CallView>('POST', `/api/calls/${enc(id)}/publish`, { body: {} }),
  extendDeadline: (id: string, closesAt: string, reason: string) =>
    request<CallView>('POST', `/api/calls/${enc(id)}/extend-deadline`, { body: { closesAt, reason } }),
  closeCall: (id: string, reason?: string) =>
    request<CallView>('POST', `/api/calls/${enc(id)}/close`, { body: reason ? { reason } : {} }),
};
