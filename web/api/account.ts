import type { z } from 'zod';
import type { endedSessions, ownSession } from '../../server/modules/auth/account.schema.js';
import { request } from './client.js';

export type OwnSession = z.infer<typeof ownSession>;

/** My sessions and my e-mail (server/modules/auth/account.routes.ts). */
export const accountApi = {
  sessions: () => request<{ items: OwnSession[] }>('GET', '/api/me/sessions'),
  endSession: (id: string) => request<void>('DELETE', `/api/me/sessions/${encodeURIComponent(id)}`),
  endOtherSessions: () => request<z.infer<typeof endedSessions>>('POST', '/api/me/sessions/end-others'),
  changeEmail: (body: { email: string | null; password?: string; code?: string }) =>
    request<{ email: string | null }>('PUT', '/api/me/email', { body }),
};
