import { IdcardOutlined, SolutionOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { tk } from '../../i18n/index.js';
import type { Page } from '../../nav.page.js';
import { canCurateExperts, isExpert } from './labels.js';

/** The expert database in the side navigation (issue 5). */
export const EXPERTS_PAGES: Page[] = [
  {
    key: 'experts',
    path: '/experts',
    label: tk('Expert database'),
    icon: SolutionOutlined,
    visible: canCurateExperts,
    group: 'review',
    page: lazy(() => import('./ExpertsPage.js')),
  },
  {
    key: 'my-expert-profile',
    path: '/my-expert-profile',
    label: tk('My expert profile'),
    icon: IdcardOutlined,
    visible: isExpert,
    group: 'review',
    page: lazy(() => import('./MyExpertProfilePage.js')),
  },
];
