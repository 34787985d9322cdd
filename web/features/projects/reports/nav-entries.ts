import { FileDoneOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { hasRole } from '../../../app/permissions.js';
import { tk } from '../../../i18n/index.js';
import type { Page } from '../../../nav.page.js';

/** The reports the projects owe (项目报告), for those who follow projects (the workbench links here). */
export const REPORTS_DUE_PAGES: Page[] = [
  {
    key: 'reports-due',
    path: '/projects/reports-due',
    label: tk('Reports due'),
    icon: FileDoneOutlined,
    visible: (u) =>
      u.isSystemAdmin || hasRole(u, 'platform_admin', 'program_officer', 'supervisor', 'lab_director'),
    group: 'projects',
    page: lazy(() => import('./ReportsDuePage.js')),
  },
];
