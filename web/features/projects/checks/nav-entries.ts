import { CheckSquareOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { hasRole } from '../../../app/permissions.js';
import { tk } from '../../../i18n/index.js';
import type { Page } from '../../../nav.page.js';

/** Experts' scorecards on project checks (中期检查 / 结题验收), beside their application reviews. */
export const PROJECT_CHECK_PAGES: Page[] = [
  {
    key: 'project-check-scorecards',
    path: '/project-check-scorecards',
    label: tk('My project check reviews'),
    icon: CheckSquareOutlined,
    visible: (u) => hasRole(u, 'expert'),
    group: 'review',
    page: lazy(() => import('./CheckScorecardsPage.js')),
  },
];
