import { UserAddOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { canKeepOrgRegistry } from '../../app/permissions.js';
import { tk } from '../../i18n/index.js';
import type { Page } from '../../nav.page.js';

/**
 * 注册审核 (docs/adr/0045): the registry's keepers — platform admins and program officers — and system
 * admins decide on verified self-registrations (server registrations.policy.ts).
 */
export const REGISTRATION_PAGES: Page[] = [
  {
    key: 'registrations',
    path: '/admin/registrations',
    label: tk('Registration review'),
    icon: UserAddOutlined,
    visible: canKeepOrgRegistry,
    group: 'system',
    page: lazy(() => import('./RegistrationsPage.js')),
  },
];
