import { FundProjectionScreenOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { hasRole } from '../../app/permissions.js';
import { tk } from '../../i18n/index.js';
import type { Page } from '../../nav.page.js';

/** The committee's evaluation of units (issue 13): members score, the chair adopts, role holders read. */
export const LAB_EVALUATION_PAGES: Page[] = [
  {
    key: 'lab-evaluations',
    path: '/lab-evaluations',
    label: tk('Unit evaluations'),
    icon: FundProjectionScreenOutlined,
    // Committee members may hold no platform role; the page shows them their scorecards.
    visible: () => true,
    // Listed for the platform's staff who run or read the rounds. The page itself opens for everyone, so
    // a committee member without a platform role reaches their scorecards at /lab-evaluations.
    inMenu: (user) =>
      user.isSystemAdmin || hasRole(user, 'platform_admin', 'supervisor', 'lab_director', 'program_officer'),
    page: lazy(() => import('./LabEvaluationsPage.js')),
    group: 'analytics',
  },
];
