import { CheckOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Button, List, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { type NotificationView, notificationsApi } from '../../api/notifications.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { zonedTime } from '../../components/time.js';
import { errorText } from '../../i18n/errors.js';
import { announceUnread } from './unread.js';

/**
 * /notifications: every notification of the signed-in user, newest first. The server writes subject and
 * body from the notification's kind and params in the user's language (the same text as the e-mail).
 */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const list = useApi(
    () => notificationsApi.list({ unread: unreadOnly, page, pageSize: 20 }),
    [unreadOnly, page, locale],
  );
  const markRead = async (n: NotificationView) => {
    try {
      const { unread } = await notificationsApi.markRead(n.id);
      announceUnread(unread);
      list.reload();
    } catch (err) {
      message.error(errorText(t, err));
    }
  };
  const markAll = async () => {
    try {
      const { unread } = await notificationsApi.markAllRead();
      announceUnread(unread);
      list.reload();
    } catch (err) {
      message.error(errorText(t, err));
    }
  };
  const open = async (n: NotificationView) => {
    if (!n.readAt) await markRead(n);
    if (n.link) navigate(n.link);
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="notifications-page">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Segmented<'all' | 'unread'>
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(v) => {
            setUnreadOnly(v === 'unread');
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('All') },
            { value: 'unread', label: t('Unread ({{count}})', { count: list.data?.unread ?? 0 }) },
          ]}
        />
        <Button
          icon={<CheckOutlined />}
          onClick={markAll}
          disabled={!list.data?.unread}
          data-testid="mark-all-read"
        >
          {t('Mark all as read')}
        </Button>
      </Space>
      {list.error ? <Alert type="error" showIcon title={errorText(t, list.error)} /> : null}
      <List<NotificationView>
        bordered
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        data-testid="notifications-list"
        locale={{ emptyText: t('No notifications') }}
        pagination={
          (list.data?.total ?? 0) > 20
            ? { current: page, pageSize: 20, total: list.data?.total, onChange: setPage }
            : false
        }
        renderItem={(n) => (
          <List.Item
            data-testid="notification"
            data-read={String(Boolean(n.readAt))}
            actions={
              n.readAt
                ? []
                : [
                    <Button key="read" type="link" size="small" onClick={() => markRead(n)}>
                      {t('Mark as read')}
                    </Button>,
                  ]
            }
          >
            <List.Item.Meta
              title={
                <Space>
                  {n.readAt ? null : <Badge status="processing" />}
                  {n.link ? (
                    <Typography.Link onClick={() => open(n)} strong={!n.readAt}>
                      {n.subject}
                    </Typography.Link>
                  ) : (
                    <Typography.Text strong={!n.readAt}>{n.subject}</Typography.Text>
                  )}
                </Space>
              }
              description={
                <>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{n.body}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {zonedTime(n.createdAt, locale)}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Space>
  );
}
