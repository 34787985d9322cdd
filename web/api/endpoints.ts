import type { Locale, Role } from '../../common/roles.js';
import { download, request } from './client.js';
import type {
  AddMemberBody,
  ApiToken,
  AuditPage,
  CommitteeMember,
  CommitteeView,
  Comparison,
  CreatedToken,
  CreateFieldBody,
  CreateOrgBody,
  CreatePersonBody,
  CreatePlatformBody,
  CreateTokenBody,
  CreateUnitBody,
  CreateUserBody,
  DuplicateGroups,
  EnterpriseSize,
  FieldSummary,
  FieldTree,
  FieldView,
  FundingRowInput,
  FundingTable,
  HomeSummary,
  ImportKindName,
  ImportPreview,
  ImportResult,
  MergeResult,
  OrgChart,
  OrgDetail,
  OrgList,
  OrgType,
  OrgView,
  PasswordChanged,
  PersonList,
  PersonView,
  PlatformDetail,
  PlatformList,
  PlatformProfile,
  SessionInfo,
  StaffView,
  UnitView,
  UpdateFieldBody,
  UpdateMemberBody,
  UpdateOrgBody,
  UpdatePersonBody,
  UpdatePlatformBody,
  UpdateUnitBody,
  UserList,
  UserView,
  VerifyResult,
} from './types.js';

/** One typed function per API route the UI uses; paths and shapes follow server/modules/*. */
export const api = {
  session: () => request<SessionInfo>('GET', '/api/auth/session', { quiet401: true }),
  login: (username: string, password: string, challenge?: string) =>
    request<SessionInfo>('POST', '/api/auth/login', {
      body: { username, password, ...(challenge ? { challenge } : {}) },
      quiet401: true,
    }),
  requestPasswordReset: (email: string) =>
    request<void>('POST', '/api/auth/password-reset-requests', { body: { email } }),
  resetPassword: (token: string, newPassword: string) =>
    request<{ endedSessions: number; revokedTokens: number }>('POST', '/api/auth/password-reset', {
      body: { token, newPassword },
    }),
  logout: () => request<void>('POST', '/api/auth/logout', { quiet401: true }),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<PasswordChanged>('POST', '/api/me/password', { body: { currentPassword, newPassword } }),
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

  audit: (query: AuditFilter & { beforeSeq?: number; limit: number }) =>
    request<AuditPage>('GET', '/api/audit', { query }),
  verifyAudit: () => request<VerifyResult>('GET', '/api/audit/verify'),

  // Platforms, fields, units and the evaluation committee (issue 3).
  platform: (id: string) => request<PlatformDetail>('GET', `/api/platforms/${encodeURIComponent(id)}`),
  createPlatform: (body: CreatePlatformBody) => request<PlatformProfile>('POST', '/api/platforms', { body }),
  updatePlatform: (id: string, body: UpdatePlatformBody) =>
    request<PlatformProfile>('PATCH', `/api/platforms/${encodeURIComponent(id)}`, { body }),
  setFunding: (id: string, rows: FundingRowInput[]) =>
    request<FundingTable>('PUT', `/api/platforms/${encodeURIComponent(id)}/funding`, { body: { rows } }),
  setPlatformFields: (id: string, fieldIds: string[]) =>
    request<{ items: FieldSummary[] }>('PUT', `/api/platforms/${encodeURIComponent(id)}/fields`, {
      body: { fieldIds },
    }),
  comparison: (query: { from?: number; to?: number } = {}) =>
    request<Comparison>('GET', '/api/platforms/comparison', { query }),
  orgChart: (id: string) => request<OrgChart>('GET', `/api/platforms/${encodeURIComponent(id)}/org-chart`),

  fields: (includeRetired = false) => request<FieldTree>('GET', '/api/fields', { query: { includeRetired } }),
  createField: (body: CreateFieldBody) => request<FieldView>('POST', '/api/fields', { body }),
  updateField: (id: string, body: UpdateFieldBody) =>
    request<FieldView>('PATCH', `/api/fields/${encodeURIComponent(id)}`, { body }),
  setFieldRetired: (id: string, retired: boolean) =>
    request<FieldView>('POST', `/api/fields/${encodeURIComponent(id)}/${retired ? 'retire' : 'reactivate'}`),
  deleteField: (id: string) => request<void>('DELETE', `/api/fields/${encodeURIComponent(id)}`),

  units: (platformId: string) =>
    request<{ items: UnitView[] }>('GET', `/api/platforms/${encodeURIComponent(platformId)}/units`),
  unit: (id: string) => request<UnitView>('GET', `/api/units/${encodeURIComponent(id)}`),
  createUnit: (platformId: string, body: CreateUnitBody) =>
    request<UnitView>('POST', `/api/platforms/${encodeURIComponent(platformId)}/units`, { body }),
  updateUnit: (id: string, body: UpdateUnitBody) =>
    request<UnitView>('PATCH', `/api/units/${encodeURIComponent(id)}`, { body }),
  setUnitFields: (id: string, fieldIds: string[]) =>
    request<UnitView>('PUT', `/api/units/${encodeURIComponent(id)}/fields`, { body: { fieldIds } }),
  deleteUnit: (id: string) => request<void>('DELETE', `/api/units/${encodeURIComponent(id)}`),
  addStaff: (unitId: string, personId: string, position: StaffView['position']) =>
    request<StaffView>('POST', `/api/units/${encodeURIComponent(unitId)}/staff`, {
      body: { personId, position },
    }),
  updateStaff: (unitId: string, staffId: string, position: StaffView['position']) =>
    request<StaffView>(
      'PATCH',
      `/api/units/${encodeURIComponent(unitId)}/staff/${encodeURIComponent(staffId)}`,
      { body: { position } },
    ),
  removeStaff: (unitId: string, staffId: string) =>
    request<void>('DELETE', `/api/units/${encodeURIComponent(unitId)}/staff/${encodeURIComponent(staffId)}`),

  people: (query: { q?: string; platformId?: string; limit?: number; offset?: number }) =>
    request<PersonList>('GET', '/api/people', { query }),
  createPerson: (body: CreatePersonBody) => request<PersonView>('POST', '/api/people', { body }),

  committee: (platformId: string, includeEnded = false) =>
    request<CommitteeView>('GET', `/api/platforms/${encodeURIComponent(platformId)}/committee`, {
      query: { includeEnded },
    }),
  addCommitteeMember: (platformId: string, body: AddMemberBody) =>
    request<CommitteeMember>('POST', `/api/platforms/${encodeURIComponent(platformId)}/committee`, { body }),
  updateCommitteeMember: (id: string, body: UpdateMemberBody) =>
    request<CommitteeMember>('PATCH', `/api/committee/${encodeURIComponent(id)}`, { body }),
  endCommitteeTerm: (id: string, termEnd?: string) =>
    request<CommitteeMember>('POST', `/api/committee/${encodeURIComponent(id)}/end-term`, {
      body: termEnd ? { termEnd } : {},
    }),
  removeCommitteeMember: (id: string) => request<void>('DELETE', `/api/committee/${encodeURIComponent(id)}`),

  // Organisation registry, people and import/export (issue 3).
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
  previewImport: (kind: ImportKindName, file: File, scope: ImportScope = {}) =>
    request<ImportPreview>('POST', `/api/imports/${kind}/preview`, { form: fileForm(file), query: scope }),
  commitImport: (kind: ImportKindName, file: File, scope: ImportScope = {}) =>
    request<ImportResult>('POST', `/api/imports/${kind}`, { form: fileForm(file), query: scope }),
  /** The spending template takes the project (`projectId`): its instructions list the members. */
  importTemplate: (kind: ImportKindName, format: FileFormat, lang: Locale, projectId?: string) =>
    download(`/api/imports/${kind}/template.${format}`, { lang, projectId }),
  exportFile: (kind: ImportKindName, format: FileFormat, query: ExportQuery) =>
    download(`/api/exports/${kind}.${format}`, query),
};

export type FileFormat = 'csv' | 'xlsx';
/** The audit log's filters (server/modules/audit/audit.schema.ts auditQuery). */
export type AuditFilter = {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
};
export type OrgQuery = {
  q?: string;
  type?: OrgType;
  size?: EnterpriseSize;
  includeMerged?: boolean;
  sort?: 'name_zh' | 'name_en';
  limit?: number;
  offset?: number;
};
/** What an import file belongs to: the committee's platform, the spending's project. */
export type ImportScope = { platformId?: string; projectId?: string };
export type ExportQuery = {
  lang: Locale;
  platformId?: string;
  projectId?: string;
  type?: OrgType;
  size?: EnterpriseSize;
};

function fileForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}
