import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { notificationsApi } from '../../api/notifications.js';
import { onUnread } from './unread.js';

const POLL_MS = 60_000;

/** The header's bell: unread notifications, refreshed on navigation and every minute. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [unread, setUnread] = useState(0);
  useEffect(() => onUnread(setUnread), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a navigation is the cue to look again
  useEffect(() => {
    let live = true;
    const load = () =>
      notificationsApi
        .list({ unread: true, pageSize: 1 })
        .then((l) => live && setUnread(l.unread))
        .catch(() => undefined);
    void load();
    const timer = setInterval(load, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [pathname]);
  return (
    <Tooltip title={t('Notifications')}>
      <Badge count={unread} size="small" data-testid="notification-count">
        <Button
          type="text"
          shape="circle"
          icon={<BellOutlined />}
          onClick={() => navigate('/notifications')}
          aria-label={t('Notifications')}
          data-testid="notification-bell"
        />
      </Badge>
    </Tooltip>
  );
}
