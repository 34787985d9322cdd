import { AuditOutlined, SolutionOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { canManageCalls, hasRole } from '../../app/permissions.js';
import { tk } from '../../i18n/index.js';
import type { Page } from '../../nav.page.js';

/** Expert review in the side navigation (issue 5): officers' review of a call, experts' own reviews. */
export const REVIEW_PAGES: Page[] = [
  {
    key: 'review',
    path: '/review',
    label: tk('Expert review'),
    icon: AuditOutlined,
    visible: canManageCalls,
    group: 'review',
    page: lazy(() => import('./ReviewRoutes.js')),
    nested: true,
  },
  {
    key: 'my-reviews',
    path: '/my-reviews',
    label: tk('My reviews'),
    icon: SolutionOutlined,
    visible: (u) => hasRole(u, 'expert'),
    group: 'review',
    page: lazy(() => import('./my/MyReviewsRoutes.js')),
    nested: true,
  },
];
