import type { Locale, Role } from '../../common/roles.js';
import { download, request } from './client.js';
import type {
  ApiToken,
  AuditPage,
  CreatedToken,
  CreateOrgBody,
  CreatePersonBody,
  CreateTokenBody,
  CreateUserBody,
  DuplicateGroups,
  EnterpriseSize,
  HomeSummary,
  ImportKindName,
  ImportPreview,
  ImportResult,
  MergeResult,
  OrgDetail,
  OrgList,
  OrgType,
  OrgView,
  PersonList,
  PersonView,
  PlatformList,
  SessionInfo,
  UpdateOrgBody,
  UpdatePersonBody,
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

  // Organisation registry, people and import/export (issue 3).
  people: (query: { q?: string; platformId?: string; limit?: number; offset?: number }) =>
    request<PersonList>('GET', '/api/people', { query }),
  createPerson: (body: CreatePersonBody) => request<PersonView>('POST', '/api/people', { body }),
  orgs: (query: OrgQuery) => request<OrgList>('GET', '/api/orgs', { query }),
  org: (id: string) => request<OrgDetail>('GET', `/api/orgs/${encodeURIComponent(id)}`),
  createOrg: (body: CreateOrgBody) => request<OrgView>('POST', '/api/orgs', { body }),
  updateOrg: (id: string, body: UpdateOrgBody) =>
    request<OrgView>('PATCH', `/api/orgs/${encodeURIComponent(id)}`, { body }),
  orgDuplicates: () => request<DuplicateGroups>('GET', '/api/orgs/duplicates'),
  mergeOrg: (id: string, intoId: string, reason: string) =>
    request<MergeResult>('POST', `/api/orgs/${encodeURIComponent(id)}/merge`, { body: { intoId, reason } }),
  updatePerson: (id: string, body: UpdatePersonBody) =>
    request<PersonView>('PATCH', `/api/people/${encodeURIComponent(id)}`, { body }),
  deletePerson: (id: string) => request<void>('DELETE', `/api/people/${encodeURIComponent(id)}`),
  previewImport: (kind: ImportKindName, file: File, platformId?: string) =>
    request<ImportPreview>('POST', `/api/imports/${kind}/preview`, {
      form: fileForm(file),
      query: { platformId },
    }),
  commitImport: (kind: ImportKindName, file: File, platformId?: string) =>
    request<ImportResult>('POST', `/api/imports/${kind}`, { form: fileForm(file), query: { platformId } }),
  importTemplate: (kind: ImportKindName, format: FileFormat, lang: Locale) =>
    download(`/api/imports/${kind}/template.${format}`, { lang }),
  exportFile: (kind: ImportKindName, format: FileFormat, query: ExportQuery) =>
    download(`/api/exports/${kind}.${format}`, query),
};

export type FileFormat = 'csv' | 'xlsx';
export type OrgQuery = {
  q?: string;
  type?: OrgType;
  size?: EnterpriseSize;
  includeMerged?: boolean;
  limit?: number;
  offset?: number;
};
export type ExportQuery = {
  lang: Locale;
  platformId?: string;
  type?: OrgType;
  size?: EnterpriseSize;
};

function fileForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}
