import { AppstoreOutlined, InboxOutlined, ShopOutlined, SolutionOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { hasRole } from '../../app/permissions.js';
import { tk } from '../../i18n/index.js';
import type { Page } from '../../nav.page.js';

const keepsUnits = (u: Parameters<Page['visible']>[0]) =>
  u.isSystemAdmin || hasRole(u, 'lab_director', 'platform_admin');
const enterprise = (u: Parameters<Page['visible']>[0]) => u.isSystemAdmin || hasRole(u, 'enterprise_user');
/** Listed for enterprise users only: a system admin may open an enterprise's pages but buys no services. */
const buysServices = (u: Parameters<Page['visible']>[0]) => hasRole(u, 'enterprise_user');

/** Services to enterprises (issue 14) in the 企业服务 section. */
export const SERVICES_PAGES: Page[] = [
  {
    key: 'services-browse',
    path: '/services/browse',
    label: tk('Service catalog'),
    icon: ShopOutlined,
    visible: () => true,
    inMenu: buysServices,
    group: 'services',
    page: lazy(() => import('./BrowsePage.js')),
  },
  {
    key: 'services-requests',
    path: '/services/requests',
    label: tk('My service requests'),
    icon: SolutionOutlined,
    visible: enterprise,
    inMenu: buysServices,
    group: 'services',
    page: lazy(() => import('./RequestsPage.js').then((m) => ({ default: m.MyRequestsPage }))),
  },
  {
    key: 'services-queue',
    path: '/services/queue',
    label: tk('Service queue'),
    icon: InboxOutlined,
    visible: keepsUnits,
    group: 'services',
    page: lazy(() => import('./RequestsPage.js').then((m) => ({ default: m.QueuePage }))),
  },
  {
    key: 'services-catalog',
    path: '/services/catalog',
    label: tk('Service catalog management'),
    icon: AppstoreOutlined,
    visible: keepsUnits,
    group: 'services',
    page: lazy(() => import('./CatalogPage.js')),
  },
];
