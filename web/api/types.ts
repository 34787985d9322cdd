// Shapes come from the server's zod schemas (type-only imports: no zod code reaches the browser).
import type { z } from 'zod';
import type { auditEntry, auditPage, verifyResult } from '../../server/modules/audit/audit.schema.js';
import type {
  apiToken,
  createdToken,
  createTokenBody,
  passwordChanged,
  sessionInfo,
} from '../../server/modules/auth/auth.schema.js';
import type {
  addMemberBody,
  committeeView,
  memberView,
  updateMemberBody,
} from '../../server/modules/committee/committee.schema.js';
import type {
  createFieldBody,
  fieldSummary,
  fieldTree,
  fieldView,
  updateFieldBody,
} from '../../server/modules/fields/fields.schema.js';
import type {
  IMPORT_KINDS,
  importPreview,
  importResult,
  rowError,
} from '../../server/modules/imports/imports.schema.js';
import type {
  createOrgBody,
  duplicateGroups,
  mergeResult,
  orgDetail,
  orgList,
  orgView,
  updateOrgBody,
} from '../../server/modules/orgs/orgs.schema.js';
import type {
  createPersonBody,
  personList,
  personView,
  updatePersonBody,
} from '../../server/modules/people/people.schema.js';
import type {
  comparison,
  comparisonItem,
  orgChart,
  platformDetail,
} from '../../server/modules/platforms/platforms.charts.schema.js';
import type {
  createPlatformBody,
  fundingRowInput,
  fundingTable,
  platformList,
  platformProfile,
  platformSummary,
  updatePlatformBody,
} from '../../server/modules/platforms/platforms.schema.js';
import type {
  createUnitBody,
  staffView,
  unitView,
  updateUnitBody,
} from '../../server/modules/units/units.schema.js';
import type { createUserBody, userList, userView } from '../../server/modules/users/users.schema.js';

export type SessionInfo = z.infer<typeof sessionInfo>;
export type PasswordChanged = z.infer<typeof passwordChanged>;
export type SessionUser = SessionInfo['user'];
export type RoleAssignment = SessionUser['roles'][number];
export type UserView = z.infer<typeof userView>;
export type UserList = z.infer<typeof userList>;
export type CreateUserBody = z.input<typeof createUserBody>;
export type AuditEntry = z.infer<typeof auditEntry>;
export type AuditPage = z.infer<typeof auditPage>;
export type VerifyResult = z.infer<typeof verifyResult>;
export type ApiToken = z.infer<typeof apiToken>;
export type CreatedToken = z.infer<typeof createdToken>;
export type CreateTokenBody = z.input<typeof createTokenBody>;
export type PlatformSummary = z.infer<typeof platformSummary>;
export type PlatformList = z.infer<typeof platformList>;

/** GET /api/home/summary; null means the caller may not see that count (server/modules/home/home.routes.ts). */
export interface HomeSummary {
  platforms: number;
  myRoles: number;
  myPlatforms: number;
  users: number | null;
  activeSessions: number | null;
  auditEntries: number | null;
}

// Platforms, fields, units and the evaluation committee (issue 3).
export type PlatformProfile = z.infer<typeof platformProfile>;
export type PlatformDetail = z.infer<typeof platformDetail>;
export type CreatePlatformBody = z.input<typeof createPlatformBody>;
export type UpdatePlatformBody = z.input<typeof updatePlatformBody>;
export type FundingTable = z.infer<typeof fundingTable>;
export type FundingRowInput = z.input<typeof fundingRowInput>;
export type Comparison = z.infer<typeof comparison>;
export type ComparisonItem = z.infer<typeof comparisonItem>;
export type OrgChart = z.infer<typeof orgChart>;
export type FieldSummary = z.infer<typeof fieldSummary>;
export type FieldView = z.infer<typeof fieldView>;
export type FieldTree = z.infer<typeof fieldTree>;
export type CreateFieldBody = z.input<typeof createFieldBody>;
export type UpdateFieldBody = z.input<typeof updateFieldBody>;
export type UnitView = z.infer<typeof unitView>;
export type StaffView = z.infer<typeof staffView>;
export type CreateUnitBody = z.input<typeof createUnitBody>;
export type UpdateUnitBody = z.input<typeof updateUnitBody>;
export type CommitteeView = z.infer<typeof committeeView>;
export type CommitteeMember = z.infer<typeof memberView>;
export type AddMemberBody = z.input<typeof addMemberBody>;
export type UpdateMemberBody = z.input<typeof updateMemberBody>;
export type PersonView = z.infer<typeof personView>;
export type PersonList = z.infer<typeof personList>;
export type CreatePersonBody = z.input<typeof createPersonBody>;

// Organisation registry, people and import/export (issue 3).
export type OrgView = z.infer<typeof orgView>;
export type OrgDetail = z.infer<typeof orgDetail>;
export type OrgList = z.infer<typeof orgList>;
export type CreateOrgBody = z.input<typeof createOrgBody>;
export type UpdateOrgBody = z.input<typeof updateOrgBody>;
export type OrgType = OrgView['type'];
export type EnterpriseSize = NonNullable<OrgView['enterpriseSize']>;
export type DuplicateGroups = z.infer<typeof duplicateGroups>;
export type DuplicateReason = DuplicateGroups['groups'][number]['pairs'][number]['reason'];
export type MergeResult = z.infer<typeof mergeResult>;
export type UpdatePersonBody = z.input<typeof updatePersonBody>;
export type ImportKindName = (typeof IMPORT_KINDS)[number];
export type ImportPreview = z.infer<typeof importPreview>;
export type ImportResult = z.infer<typeof importResult>;
export type ImportRowError = z.infer<typeof rowError>;
