import { AlertOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { SessionUser } from '../../api/types.js';
import { tk } from '../../i18n/index.js';
import type { Page } from '../../nav.page.js';

/** Who reads the refused requests (server audit/security-events.service.ts): security and audit admins. */
export const canReadSecurityEvents = (u: SessionUser): boolean => u.isSecurityAdmin || u.isAuditAdmin;

/** Refused requests as security events (issue 10, ASVS 16.3.2), beside the audit log. */
export const SECURITY_PAGES: Page[] = [
  {
    key: 'security-events',
    path: '/admin/security-events',
    label: tk('Security events'),
    icon: AlertOutlined,
    visible: canReadSecurityEvents,
    group: 'system',
    page: lazy(() => import('./SecurityEventsPage.js')),
  },
];
