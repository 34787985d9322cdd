import {
  BellOutlined,
  FileSearchOutlined,
  FormOutlined,
  ProjectOutlined,
  SoundOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import type { Role } from '../../../common/roles.js';
import { canManageCalls, hasRole } from '../../app/permissions.js';
import { tk } from '../../i18n/index.js';
import type { Page } from '../../nav.page.js';

/** The roles that run, supervise or carry out projects (applicants lead the funded ones). */
const PROJECT_WORK_ROLES: Role[] = [
  'platform_admin',
  'supervisor',
  'lab_director',
  'researcher',
  'program_officer',
  'tech_transfer_officer',
  'applicant',
];

/** Calls, applications, screening and projects in the side navigation (issue 4). */
export const CALLS_PAGES: Page[] = [
  {
    key: 'calls',
    path: '/calls',
    label: tk('Calls'),
    icon: SoundOutlined,
    visible: () => true,
    group: 'apply',
    page: lazy(() => import('./CallsRoutes.js')),
    nested: true,
  },
  {
    key: 'applications',
    path: '/applications',
    label: tk('My applications'),
    icon: FormOutlined,
    // Anyone may be asked to confirm a part in a consortium; the list holds own applications and invitations.
    visible: () => true,
    group: 'apply',
    // Listed for applicants; a contact invited to confirm a part reaches it from the invitation's link.
    inMenu: (u) => hasRole(u, 'applicant'),
    page: lazy(() => import('../applications/ApplicationsRoutes.js')),
    nested: true,
  },
  {
    key: 'screening',
    path: '/screening',
    label: tk('Screening'),
    icon: FileSearchOutlined,
    visible: canManageCalls,
    group: 'apply',
    page: lazy(() => import('../screening/ScreeningRoutes.js')),
    nested: true,
  },
  {
    key: 'projects',
    path: '/projects',
    label: tk('Projects'),
    icon: ProjectOutlined,
    visible: (u) => u.isSystemAdmin || u.roles.length > 0,
    group: 'projects',
    // Experts and enterprise users read projects by the any-role rule but have no work there.
    inMenu: (u) => u.isSystemAdmin || hasRole(u, ...PROJECT_WORK_ROLES),
    page: lazy(() => import('../projects/ProjectsRoutes.js')),
    nested: true,
  },
];

/** The notification centre, reached from the header's bell and the user menu. */
export const NOTIFICATION_PAGES: Page[] = [
  {
    key: 'notifications',
    path: '/notifications',
    label: tk('Notifications'),
    icon: BellOutlined,
    visible: () => true,
    page: lazy(() => import('../notifications/NotificationsPage.js')),
  },
];
