import type { Locale, Role } from '../../common/roles.js';
import { request } from './client.js';
import type {
  ApiToken,
  AuditPage,
  CreatedToken,
  CreateTokenBody,
  CreateUserBody,
  HomeSummary,
  PlatformList,
  SessionInfo,
  UserList,
  UserView,
  VerifyResult,
} from './types.js';

/** One typed function per API route the UI uses; paths and shapes follow server/modules/*. */
export const api = {
  session: () => request<SessionInfo>('GET', '/api/auth/session', { quiet401: true }),
  login: (username: string, password: string) =>
    request<SessionInfo>('POST', '/api/auth/login', { body: { username, password }, quiet401: true }),
  logout: () => request<void>('POST', '/api/auth/logout', { quiet401: true }),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<void>('POST', '/api/me/password', { body: { currentPassword, newPassword } }),
  setPreferences: (locale: Locale) => request<void>('PUT', '/api/me/preferences', { body: { locale } }),

  tokens: () => request<{ items: ApiToken[] }>('GET', '/api/me/tokens'),
  createToken: (body: CreateTokenBody) => request<CreatedToken>('POST', '/api/me/tokens', { body }),
  revokeToken: (id: string) => request<ApiToken>('DELETE', `/api/me/tokens/${encodeURIComponent(id)}`),

  homeSummary: () => request<HomeSummary>('GET', '/api/home/summary'),
  platforms: () => request<PlatformList>('GET', '/api/platforms'),

  users: (query: { q?: string; limit: number; offset: number }) =>
    request<UserList>('GET', '/api/users', { query }),
  createUser: (body: CreateUserBody) => request<UserView>('POST', '/api/users', { body }),
  setUserDisabled: (id: string, disabled: boolean) =>
    request<UserView>('PATCH', `/api/users/${encodeURIComponent(id)}`, { body: { disabled } }),
  setUserRoles: (id: string, roles: Array<{ platformId: string; role: Role }>) =>
    request<UserView>('PUT', `/api/users/${encodeURIComponent(id)}/roles`, { body: { roles } }),
  resetUserPassword: (id: string, password: string) =>
    request<void>('POST', `/api/users/${encodeURIComponent(id)}/password`, { body: { password } }),

  audit: (query: { beforeSeq?: number; limit: number }) => request<AuditPage>('GET', '/api/audit', { query }),
  verifyAudit: () => request<VerifyResult>('GET', '/api/audit/verify'),
};
