import { NotificationOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { hasRole } from '../../app/permissions.js';
import { tk } from '../../i18n/index.js';
import type { Page } from '../../nav.page.js';

/** 通知公告 kept by platform admins (issue 12); the public reads them under /public/notices. */
export const ANNOUNCEMENT_PAGES: Page[] = [
  {
    key: 'announcements',
    path: '/announcements',
    label: tk('Announcements'),
    icon: NotificationOutlined,
    visible: (u) => u.isSystemAdmin || hasRole(u, 'platform_admin'),
    group: 'system',
    page: lazy(() => import('./AnnouncementsPage.js')),
  },
];
