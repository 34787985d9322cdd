import {
  BellOutlined,
  FileSearchOutlined,
  FormOutlined,
  ProjectOutlined,
  SoundOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import { canManageCalls } from '../../app/permissions.js';
import { tk } from '../../i18n/index.js';
import type { Page } from '../../nav.js';

/** Calls, applications, screening and projects in the side navigation (issue 4). */
export const CALLS_PAGES: Page[] = [
  {
    key: 'calls',
    path: '/calls',
    label: tk('Calls'),
    icon: SoundOutlined,
    visible: () => true,
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
    page: lazy(() => import('../applications/ApplicationsRoutes.js')),
    nested: true,
  },
  {
    key: 'screening',
    path: '/screening',
    label: tk('Screening'),
    icon: FileSearchOutlined,
    visible: canManageCalls,
    page: lazy(() => import('../screening/ScreeningRoutes.js')),
    nested: true,
  },
  {
    key: 'projects',
    path: '/projects',
    label: tk('Projects'),
    icon: ProjectOutlined,
    visible: (u) => u.isSystemAdmin || u.roles.length > 0,
    page: lazy(() => import('../projects/ProjectsPage.js')),
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
