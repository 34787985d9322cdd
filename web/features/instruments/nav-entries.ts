import { CalendarOutlined, CheckSquareOutlined, ExperimentOutlined, ToolOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { hasRole } from '../../app/permissions.js';
import { tk } from '../../i18n/index.js';
import type { Page } from '../../nav.page.js';

type User = Parameters<Page['visible']>[0];
const keepsUnits = (u: User) => u.isSystemAdmin || hasRole(u, 'lab_director', 'platform_admin');
const enterprise = (u: User) => u.isSystemAdmin || hasRole(u, 'enterprise_user');
/** Listed for enterprise users only: a system admin may open an enterprise's pages but books nothing. */
const books = (u: User) => hasRole(u, 'enterprise_user');

/** Large-instrument sharing (issue 14) in the 企业服务 section. */
export const INSTRUMENTS_PAGES: Page[] = [
  {
    key: 'instruments-browse',
    path: '/instruments/browse',
    label: tk('Shared instruments'),
    icon: ExperimentOutlined,
    visible: () => true,
    inMenu: books,
    group: 'services',
    page: lazy(() => import('./BrowsePage.js')),
  },
  {
    key: 'instruments-bookings',
    path: '/instruments/bookings',
    label: tk('My bookings'),
    icon: CalendarOutlined,
    visible: enterprise,
    inMenu: books,
    group: 'services',
    page: lazy(() => import('./BookingsPage.js').then((m) => ({ default: m.MyBookingsPage }))),
  },
  {
    key: 'instruments-approvals',
    path: '/instruments/approvals',
    label: tk('Booking approvals'),
    icon: CheckSquareOutlined,
    visible: keepsUnits,
    group: 'services',
    page: lazy(() => import('./BookingsPage.js').then((m) => ({ default: m.ApprovalQueuePage }))),
  },
  {
    key: 'instruments-manage',
    path: '/instruments/manage',
    label: tk('Instrument management'),
    icon: ToolOutlined,
    visible: keepsUnits,
    group: 'services',
    page: lazy(() => import('./ManagePage.js')),
  },
];
