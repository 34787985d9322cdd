import { FundProjectionScreenOutlined } from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { SessionUser } from '../../api/types.js';
import { tk } from '../../i18n/index.js';

/**
 * The shape of web/nav.ts's Page, written out: importing it from nav.ts (which imports this file) is
 * the cycle the other nav-entries files carry in the dependency-cruiser baseline.
 */
interface Page {
  key: string;
  path: string;
  label: string;
  icon: ComponentType;
  visible(user: SessionUser): boolean;
  page: LazyExoticComponent<ComponentType>;
  group: 'analytics';
}

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
