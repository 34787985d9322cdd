import { Alert, Button, Card, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type SecurityEvent, securityEventsApi } from '../../api/security-events.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { WIDE } from '../../components/tables.js';
import { formatTime } from '../../components/time.js';
import { errorText } from '../../i18n/errors.js';

const PAGE_SIZE = 50;

/**
 * Refused requests of signed-in users (403, and 404 on an object), one row per user, route and minute
 * with a count (docs/sign-in.md "Security events"). Read by the security and audit administrators.
 */
export default function SecurityEventsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [status, setStatus] = useState<number | undefined>(undefined);
  const [page, setPage] = useState(1);
  const events = useApi(
    () =>
      securityEventsApi.list({
        ...(status ? { status } : {}),
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
    [status, page],
  );

  return (
    <Card
      title={t(
        'Refused requests of signed-in users, newest first. They change nothing and are not in the audit log.',
      )}
      extra={
        <Space>
          <Select<number | undefined>
            aria-label={t('Answer')}
            style={{ width: 220 }}
            allowClear
            placeholder={t('All answers')}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={[
              { value: 403, label: t('403 refused') },
              { value: 404, label: t('404 object hidden or missing') },
            ]}
          />
          <Button onClick={() => events.reload()}>{t('Refresh')}</Button>
        </Space>
      }
    >
      {events.error ? (
        <Alert type="error" showIcon title={errorText(t, events.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Table<SecurityEvent>
        scroll={WIDE}
        rowKey="id"
        size="middle"
        loading={events.loading}
        dataSource={events.data?.items ?? []}
        data-testid="security-events-table"
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: events.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={[
          {
            title: t('Last seen'),
            dataIndex: 'lastAt',
            width: 180,
            render: (v: string) => formatTime(v, locale),
          },
          {
            title: t('User'),
            render: (_, e) => e.displayName ?? e.username ?? e.userId,
          },
          {
            title: t('Request'),
            render: (_, e) => (
              <Typography.Text code>
                {e.method} {e.route}
              </Typography.Text>
            ),
          },
          {
            title: t('Answer'),
            render: (_, e) => (
              <Space size={4}>
                {e.status}
                <Typography.Text type="secondary" code>
                  {e.code}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('Object'),
            dataIndex: 'objectId',
            render: (v: string | null) =>
              v ? <Typography.Text type="secondary">…{v.slice(-12)}</Typography.Text> : '—',
          },
          { title: t('Times'), dataIndex: 'count', width: 80 },
          { title: t('IP address'), dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
          {
            title: t('Request id'),
            dataIndex: 'lastRequestId',
            render: (v: string | null) => (v ? <Typography.Text copyable>{v}</Typography.Text> : '—'),
          },
        ]}
      />
    </Card>
  );
}
