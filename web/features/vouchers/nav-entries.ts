import {
  AlertOutlined,
  AuditOutlined,
  CreditCardOutlined,
  FileDoneOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import { hasRole } from '../../app/permissions.js';
import { tk } from '../../i18n/index.js';
import type { Page } from '../../nav.page.js';

type User = Parameters<Page['visible']>[0];
const governs = (u: User) => u.isSystemAdmin || hasRole(u, 'supervisor');
const enterprise = (u: User) => u.isSystemAdmin || hasRole(u, 'enterprise_user');
/** Listed for enterprise users only: a system admin may open an enterprise's page but holds no voucher. */
const holds = (u: User) => hasRole(u, 'enterprise_user');
const redeems = (u: User) => u.isSystemAdmin || hasRole(u, 'lab_director', 'platform_admin', 'supervisor');
const settles = (u: User) => u.isSystemAdmin || hasRole(u, 'supervisor', 'platform_admin');

/** Innovation vouchers (创新券, issue 14; docs/vouchers.md) in the 企业服务 section. */
export const VOUCHERS_PAGES: Page[] = [
  {
    key: 'vouchers-mine',
    path: '/vouchers/mine',
    label: tk('My innovation vouchers'),
    icon: WalletOutlined,
    visible: enterprise,
    inMenu: holds,
    group: 'services',
    page: lazy(() => import('./MyVouchersPage.js')),
  },
  {
    key: 'vouchers-schemes',
    path: '/vouchers/schemes',
    label: tk('Voucher schemes'),
    icon: FileDoneOutlined,
    visible: governs,
    group: 'services',
    page: lazy(() => import('./SchemesPage.js')),
  },
  {
    key: 'vouchers-redemptions',
    path: '/vouchers/redemptions',
    label: tk('Voucher redemptions'),
    icon: CreditCardOutlined,
    visible: redeems,
    group: 'services',
    page: lazy(() => import('./RedemptionsPage.js')),
  },
  {
    key: 'vouchers-settlements',
    path: '/vouchers/settlements',
    label: tk('Voucher settlements'),
    icon: AuditOutlined,
    visible: settles,
    group: 'services',
    page: lazy(() => import('./SettlementsPage.js')),
  },
  {
    key: 'vouchers-signals',
    path: '/vouchers/signals',
    label: tk('Voucher fraud signals'),
    icon: AlertOutlined,
    visible: governs,
    group: 'services',
    page: lazy(() => import('./SignalsPage.js')),
  },
];
