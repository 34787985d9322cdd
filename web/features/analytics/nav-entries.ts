import { DashboardOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { Role } from '../../../common/roles.js';
import { hasRole } from '../../app/permissions.js';
import { tk } from '../../i18n/index.js';
import type { Page } from '../../nav.page.js';

/** The roles the analytics answer (server/modules/analytics/analytics.policy.ts; lab directors: their unit). */
const ANALYSTS: Role[] = [
  'supervisor',
  'platform_admin',
  'program_officer',
  'tech_transfer_officer',
  'lab_director',
];

/** 统计分析 in the side navigation (issue 15). */
export const ANALYTICS_PAGES: Page[] = [
  {
    key: 'analytics',
    path: '/analytics',
    label: tk('Analytics dashboards'),
    icon: DashboardOutlined,
    visible: (user) => user.isSystemAdmin || hasRole(user, ...ANALYSTS),
    group: 'analytics',
    page: lazy(() => import('./AnalyticsPage.js')),
  },
];
