import { BookOutlined, MessageOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { tk } from '../../i18n/index.js';
import type { Page } from '../../nav.page.js';
import { canAnswerInquiries, canSeeCatalog } from './access.js';

/** The side-navigation entries of the results catalog and the inquiry funnel (issue 6). */
export const RESULTS_PAGES: readonly Page[] = [
  {
    key: 'results',
    path: '/results',
    label: tk('Results catalog'),
    icon: BookOutlined,
    visible: canSeeCatalog,
    group: 'transfer',
    page: lazy(() => import('./ResultsPage.js')),
  },
  {
    key: 'inquiries',
    path: '/inquiries',
    label: tk('Inquiries'),
    icon: MessageOutlined,
    visible: canAnswerInquiries,
    group: 'transfer',
    page: lazy(() => import('./InquiriesPage.js')),
  },
];
