import { Alert, App, Button, Card, Popconfirm, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { accountApi, type OwnSession } from '../../api/account.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { actions, WIDE } from '../../components/tables.js';
import { formatTime } from '../../components/time.js';
import { errorText } from '../../i18n/errors.js';

/** The browsers I am signed in with (ASVS 7.5.2): end one, or all but this one. */
export function SessionsCard() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const sessions = useApi(() => accountApi.sessions(), []);
  const others = (sessions.data?.items ?? []).filter((s) => !s.current).length;

  const act = async (run: () => Promise<unknown>, done: string) => {
    try {
      await run();
      message.success(done);
      sessions.reload();
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  return (
    <Card
      title={t('Signed-in sessions')}
      data-testid="sessions-card"
      extra={
        <Popconfirm
          title={t('Sign out everywhere else?')}
          okText={t('Sign out everywhere else')}
          cancelText={t('Cancel')}
          disabled={others === 0}
          onConfirm={() => act(() => accountApi.endOtherSessions(), t('Signed out everywhere else'))}
        >
          <Button danger disabled={others === 0}>
            {t('Sign out everywhere else')}
          </Button>
        </Popconfirm>
      }
    >
      {sessions.error ? (
        <Alert type="error" showIcon title={errorText(t, sessions.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Table<OwnSession>
        scroll={WIDE}
        rowKey="id"
        loading={sessions.loading}
        dataSource={sessions.data?.items ?? []}
        pagination={false}
        data-testid="sessions-table"
        columns={[
          {
            title: t('Device'),
            render: (_, s) => (
              <span title={s.userAgent ?? undefined}>
                {s.device ?? t('Unknown device')}{' '}
                {s.current ? <Tag color="green">{t('This session')}</Tag> : null}
              </span>
            ),
          },
          { title: t('IP address'), dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
          { title: t('Signed in at'), dataIndex: 'createdAt', render: (v: string) => formatTime(v, locale) },
          { title: t('Last seen'), dataIndex: 'lastSeenAt', render: (v: string) => formatTime(v, locale) },
          {
            title: t('Actions'),
            ...actions(),
            render: (_, s) =>
              s.current ? null : (
                <Popconfirm
                  title={t('End this session? That browser is signed out.')}
                  okText={t('End session')}
                  cancelText={t('Cancel')}
                  onConfirm={() => act(() => accountApi.endSession(s.id), t('Session ended'))}
                >
                  <Button type="link" size="small" danger>
                    {t('End session')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Card>
  );
}
