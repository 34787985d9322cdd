import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
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
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { SessionUser } from './api/types.js';
import {
  canKeepTechTransfer,
  canListPeople,
  canListUsers,
  canManageFields,
  canReadAudit,
  canReadTtReports,
} from './app/permissions.js';
import { CALLS_PAGES, NOTIFICATION_PAGES } from './features/calls/nav-entries.js';
import { EXPERTS_PAGES } from './features/experts/nav-entries.js';
import { LAB_EVALUATION_PAGES } from './features/lab-evaluations/nav-entries.js';
import { RESULTS_PAGES } from './features/results/nav-entries.js';
import { REVIEW_PAGES } from './features/review/nav-entries.js';
import { tk } from './i18n/index.js';

/**
 * The menu's sections (申报管理, 评审管理, 项目管理, 成果转化, 企业服务, 统计分析, 系统管理); an entry without
 * one stays at the top level (home, platforms).
 */
export type NavGroup = 'apply' | 'review' | 'projects' | 'transfer' | 'services' | 'analytics' | 'system';

export interface Page {
  key: string;
  path: string;
  /** English source text; translated where it is shown. */
  label: string;
  icon: ComponentType;
  visible(user: SessionUser): boolean;
  page: LazyExoticComponent<ComponentType>;
  /** The page routes the paths below its own (…/:id) itself. */
  nested?: boolean;
  /** The menu section the entry belongs to. */
  group?: NavGroup;
}

/**
 * The one registry of the side navigation and its routes. A domain gets an entry when its pages exist;
 * the visibility predicate hides entries, and the router refuses their pages, for users without access.
 */
export const NAV: readonly Page[] = [
  {
    key: 'home',
    path: '/',
    label: tk('Home'),
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
    page: lazy(() => import('./features/platforms/comparison/ComparisonPage.js')),
  },
  ...CALLS_PAGES,
  ...REVIEW_PAGES,
  ...EXPERTS_PAGES,
  {
    key: 'orgs',
    path: '/registry/orgs',
    label: tk('Organisation registry'),
    icon: ShopOutlined,
    visible: () => true,
    page: lazy(() => import('./features/orgs/OrgsPage.js')),
  },
  {
    key: 'people',
    path: '/registry/people',
    label: tk('People directory'),
    icon: ContactsOutlined,
    visible: canListPeople,
    page: lazy(() => import('./features/people/PeoplePage.js')),
  },
  {
    key: 'tt-ip',
    path: '/techtransfer/ip',
    label: tk('IP pipeline'),
    icon: ExperimentOutlined,
    visible: canKeepTechTransfer,
    page: lazy(() => import('./features/techtransfer/ip/IpPage.js')),
  },
  {
    key: 'tt-docket',
    path: '/techtransfer/docket',
    label: tk('Docket'),
    icon: CalendarOutlined,
    visible: canKeepTechTransfer,
    page: lazy(() => import('./features/techtransfer/docket/DocketPage.js')),
  },
  {
    key: 'tt-agreements',
    path: '/techtransfer/agreements',
    label: tk('Agreements'),
    icon: FileProtectOutlined,
    visible: canKeepTechTransfer,
    page: lazy(() => import('./features/techtransfer/agreements/AgreementsPage.js')),
  },
  {
    key: 'tt-reports',
    path: '/techtransfer/reports',
    label: tk('Tech-transfer reports'),
    icon: BarChartOutlined,
    visible: canReadTtReports,
    page: lazy(() => import('./features/techtransfer/reports/ReportPage.js')),
  },
  ...RESULTS_PAGES,
  ...LAB_EVALUATION_PAGES,
  {
    key: 'fields',
    path: '/admin/fields',
    label: tk('Technology fields'),
    icon: TagsOutlined,
    visible: canManageFields,
    page: lazy(() => import('./features/fields/FieldsPage.js')),
  },
  {
    key: 'users',
    path: '/admin/users',
    label: tk('Users'),
    icon: TeamOutlined,
    visible: canListUsers,
    page: lazy(() => import('./features/users/UsersPage.js')),
  },
  {
    key: 'audit',
    path: '/admin/audit',
    label: tk('Audit log'),
    icon: AuditOutlined,
    visible: canReadAudit,
    page: lazy(() => import('./features/audit/AuditPage.js')),
  },
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
