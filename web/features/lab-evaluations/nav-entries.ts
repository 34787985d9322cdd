import { FundProjectionScreenOutlined } from '@ant-design/icons';
import { lazy } from 'react';
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
    page: lazy(() => import('./LabEvaluationsPage.js')),
    group: 'analytics',
  },
];
