import { BulbOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { hasRole } from '../../app/permissions.js';
import { tk } from '../../i18n/index.js';
import type { Page } from '../../nav.page.js';

/** Who works with needs: enterprises post them, providers answer contacts, the staff follow them up. */
const worksWithNeeds = (u: Parameters<Page['visible']>[0]) =>
  u.isSystemAdmin ||
  hasRole(
    u,
    'enterprise_user',
    'lab_director',
    'tech_transfer_officer',
    'platform_admin',
    'supervisor',
    'expert',
  );

/** 技术需求 (issue 14, docs/needs.md) in the 企业服务 section. */
export const NEEDS_PAGES: Page[] = [
  {
    key: 'needs',
    path: '/needs',
    label: tk('Technology needs'),
    icon: BulbOutlined,
    visible: worksWithNeeds,
    group: 'services',
    page: lazy(() => import('./NeedsPage.js')),
  },
];
