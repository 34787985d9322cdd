import type { z } from 'zod';
import type { enrolmentStarted, mfaStatus, recoveryCodes } from '../../server/modules/auth/mfa.schema.js';
import { request } from './client.js';
import type { SessionInfo } from './types.js';

export type MfaStatus = z.infer<typeof mfaStatus>;
export type EnrolmentStarted = z.infer<typeof enrolmentStarted>;
export type RecoveryCodes = z.infer<typeof recoveryCodes>;

/** Second factor (server/modules/auth/mfa.routes.ts). */
export const mfaApi = {
  verify: (body: { code: string } | { recoveryCode: string }) =>
    request<SessionInfo>('POST', '/api/auth/mfa/verify', { body, quiet401: true }),
  status: () => request<MfaStatus>('GET', '/api/me/mfa'),
  startEnrolment: () => request<EnrolmentStarted>('POST', '/api/me/mfa/enrolment'),
  confirmEnrolment: (code: string) =>
    request<RecoveryCodes>('POST', '/api/me/mfa/enrolment/confirm', { body: { code } }),
  disable: (code: string) => request<void>('POST', '/api/me/mfa/disable', { body: { code } }),
  resetFor: (userId: string) => request<void>('DELETE', `/api/users/${encodeURIComponent(userId)}/mfa`),
  unlock: (userId: string) => request<void>('POST', `/api/users/${encodeURIComponent(userId)}/unlock`),
};
