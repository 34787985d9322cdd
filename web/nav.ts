import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  ContactsOutlined,
  ExperimentOutlined,
  FileProtectOutlined,
  HomeOutlined,
  IdcardOutlined,
  KeyOutlined,
  LockOutlined,
  RadarChartOutlined,
  SafetyOutlined,
  ShopOutlined,
  TagsOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import type { SessionUser } from './api/types.js';
import {
  canKeepTechTransfer,
  canListPeople,
  canListUsers,
  canManageFields,
  canReadAudit,
  canReadTtReports,
  hasRole,
} from './app/permissions.js';
import { ANALYTICS_PAGES } from './features/analytics/nav-entries.js';
import { ANNOUNCEMENT_PAGES } from './features/announcements/nav-entries.js';
import { CALLS_PAGES, NOTIFICATION_PAGES } from './features/calls/nav-entries.js';
import { EXPERTS_PAGES } from './features/experts/nav-entries.js';
import { INSTRUMENTS_PAGES } from './features/instruments/nav-entries.js';
import { LAB_EVALUATION_PAGES } from './features/lab-evaluations/nav-entries.js';
import { NEEDS_PAGES } from './features/needs/nav-entries.js';
import { PROJECT_CHECK_PAGES } from './features/projects/checks/nav-entries.js';
import { PROJECT_PAGES } from './features/projects/nav-entries.js';
import { REGISTRATION_PAGES } from './features/registrations/nav-entries.js';
import { canSeeCatalog } from './features/results/access.js';
import { RESULTS_PAGES } from './features/results/nav-entries.js';
import { REVIEW_PAGES } from './features/review/nav-entries.js';
import { SECURITY_PAGES } from './features/security/nav-entries.js';
import { SERVICES_PAGES } from './features/services/nav-entries.js';
import { VOUCHERS_PAGES } from './features/vouchers/nav-entries.js';
import { tk } from './i18n/index.js';

import type { NavGroup, Page } from './nav.page.js';

export type { NavGroup, Page };

/** The menu sections in the order they appear, with their English source labels. */
export const NAV_GROUPS: ReadonlyArray<{ key: NavGroup; label: string }> = [
  { key: 'apply', label: tk('Calls and applications') },
  { key: 'review', label: tk('Review management') },
  { key: 'projects', label: tk('Project management') },
  { key: 'transfer', label: tk('Technology transfer') },
  { key: 'services', label: tk('Enterprise services') },
  { key: 'analytics', label: tk('Statistics and analysis') },
  { key: 'system', label: tk('System management') },
];

/** Whether the page is listed in the side navigation for this user. */
export const listedFor = (page: Page, user: SessionUser): boolean =>
  page.visible(user) && (page.inMenu ? page.inMenu(user) : true);

/**
 * The one registry of the side navigation and its routes. A domain gets an entry when its pages exist;
 * the visibility predicate hides entries, and the router refuses their pages, for users without access.
 */
export const NAV: readonly Page[] = [
  {
    key: 'home',
    path: '/',
    label: tk('Workbench'),
    icon: HomeOutlined,
    visible: () => true,
    page: lazy(() => import('./features/home/HomePage.js')),
  },
  {
    key: 'platforms',
    path: '/platforms',
    label: tk('Platforms'),
    icon: BankOutlined,
    visible: () => true,
    page: lazy(() => import('./features/platforms/PlatformsRoutes.js')),
    nested: true,
  },
  {
    key: 'org-chart',
    path: '/org-chart',
    label: tk('Organisation chart'),
    icon: ApartmentOutlined,
    visible: () => true,
    page: lazy(() => import('./features/platforms/orgchart/OrgChartPage.js')),
    nested: true,
  },
  {
    key: 'comparison',
    path: '/comparison',
    label: tk('Platform comparison'),
    icon: RadarChartOutlined,
    visible: () => true,
    group: 'analytics',
    page: lazy(() => import('./features/platforms/comparison/ComparisonPage.js')),
  },
  ...CALLS_PAGES,
  ...PROJECT_PAGES,
  ...REVIEW_PAGES,
  ...PROJECT_CHECK_PAGES,
  ...EXPERTS_PAGES,
  {
    key: 'orgs',
    path: '/registry/orgs',
    label: tk('Organisation registry'),
    icon: ShopOutlined,
    visible: () => true,
    group: 'system',
    page: lazy(() => import('./features/orgs/OrgsPage.js')),
  },
  {
    key: 'people',
    path: '/registry/people',
    label: tk('People directory'),
    icon: ContactsOutlined,
    visible: canListPeople,
    group: 'system',
    page: lazy(() => import('./features/people/PeoplePage.js')),
  },
  {
    key: 'tt-ip',
    path: '/techtransfer/ip',
    label: tk('IP pipeline'),
    icon: ExperimentOutlined,
    visible: canKeepTechTransfer,
    group: 'transfer',
    page: lazy(() => import('./features/techtransfer/ip/IpPage.js')),
  },
  {
    key: 'tt-docket',
    path: '/techtransfer/docket',
    label: tk('Docket'),
    icon: CalendarOutlined,
    visible: canKeepTechTransfer,
    group: 'transfer',
    page: lazy(() => import('./features/techtransfer/docket/DocketPage.js')),
  },
  {
    key: 'tt-agreements',
    path: '/techtransfer/agreements',
    label: tk('Agreements'),
    icon: FileProtectOutlined,
    visible: canKeepTechTransfer,
    group: 'transfer',
    page: lazy(() => import('./features/techtransfer/agreements/AgreementsPage.js')),
  },
  {
    key: 'tt-reports',
    path: '/techtransfer/reports',
    label: tk('Tech-transfer reports'),
    icon: BarChartOutlined,
    visible: canReadTtReports,
    group: 'analytics',
    page: lazy(() => import('./features/techtransfer/reports/ReportPage.js')),
  },
  ...RESULTS_PAGES,
  ...LAB_EVALUATION_PAGES,
  ...ANALYTICS_PAGES,
  ...SERVICES_PAGES,
  ...INSTRUMENTS_PAGES,
  ...VOUCHERS_PAGES,
  ...NEEDS_PAGES,
  ...ANNOUNCEMENT_PAGES,
  {
    // Enterprise users have no internal catalog (results.policy.ts): they browse the published results,
    // the portal's search, without leaving the workspace.
    key: 'published-results',
    path: '/published-results',
    label: tk('Results catalog'),
    icon: BookOutlined,
    visible: (u) => !canSeeCatalog(u),
    inMenu: (u) => hasRole(u, 'enterprise_user'),
    group: 'services',
    page: lazy(() => import('./features/portal/PortalSearchPage.js')),
  },
  {
    key: 'fields',
    path: '/admin/fields',
    label: tk('Technology fields'),
    icon: TagsOutlined,
    visible: canManageFields,
    group: 'system',
    page: lazy(() => import('./features/fields/FieldsPage.js')),
  },
  {
    key: 'users',
    path: '/admin/users',
    label: tk('Users'),
    icon: TeamOutlined,
    visible: canListUsers,
    group: 'system',
    page: lazy(() => import('./features/users/UsersPage.js')),
  },
  ...REGISTRATION_PAGES,
  {
    key: 'audit',
    path: '/admin/audit',
    label: tk('Audit log'),
    icon: AuditOutlined,
    visible: canReadAudit,
    group: 'system',
    page: lazy(() => import('./features/audit/AuditPage.js')),
  },
  ...SECURITY_PAGES,
];

/** Pages of one's own account, reached from the user menu rather than the side navigation. */
export const ACCOUNT_PAGES: readonly Page[] = [
  ...NOTIFICATION_PAGES,
  {
    key: 'person-links',
    path: '/account/person-links',
    label: tk('personLinks.title'),
    icon: IdcardOutlined,
    visible: () => true,
    page: lazy(() => import('./features/people/PersonLinksPage.js')),
  },
  {
    key: 'tokens',
    path: '/account/tokens',
    label: tk('API tokens'),
    icon: KeyOutlined,
    visible: () => true,
    page: lazy(() => import('./features/tokens/TokensPage.js')),
  },
  {
    key: 'security',
    path: '/account/security',
    label: tk('Two-factor authentication'),
    icon: SafetyOutlined,
    visible: () => true,
    page: lazy(() => import('./features/mfa/SecurityPage.js')),
  },
  {
    key: 'password',
    path: '/account/password',
    label: tk('Change password'),
    icon: LockOutlined,
    visible: () => true,
    page: lazy(() => import('./features/auth/ChangePasswordPage.js')),
  },
];

/** The registered page whose path matches the location (longest match, so / is the fallback). */
export function pageAt(pathname: string): Page | undefined {
  return [...NAV, ...ACCOUNT_PAGES]
    .filter((p) => pathname === p.path || (p.path !== '/' && pathname.startsWith(`${p.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
}
