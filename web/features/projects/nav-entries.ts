import { FieldTimeOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { hasRole } from '../../app/permissions.js';
import { tk } from '../../i18n/index.js';
import type { Page } from '../../nav.page.js';

/**
 * Pages across a platform's projects, for those who follow them (officers, supervisors, admins, unit
 * directors, whose workbench links to the reports due); the
 * server scopes what each reads.
 */
export const PROJECT_PAGES: Page[] = [
  {
    key: 'reports-due',
    path: '/reports-due',
    label: tk('Reports due'),
    icon: FieldTimeOutlined,
    visible: (u) =>
      u.isSystemAdmin || hasRole(u, 'program_officer', 'supervisor', 'platform_admin', 'lab_director'),
    group: 'projects',
    page: lazy(() => import('./portfolio/ReportsDuePage.js')),
  },
];
