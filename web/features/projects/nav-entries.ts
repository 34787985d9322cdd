import { FieldTimeOutlined, FundProjectionScreenOutlined } from '@ant-design/icons';
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
    // The funder's overview: the server gives it only to those who read every project of a platform.
    key: 'portfolio',
    path: '/portfolio',
    label: tk('Portfolio'),
    icon: FundProjectionScreenOutlined,
    visible: (u) => u.isSystemAdmin || hasRole(u, 'program_officer', 'supervisor', 'platform_admin'),
    group: 'projects',
    page: lazy(() => import('./portfolio/PortfolioPage.js')),
  },
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
