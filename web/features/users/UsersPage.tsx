import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.js';
import { exportsApi } from '../../api/exports.js';
import { mfaApi } from '../../api/mfa.js';
import type { UserView } from '../../api/types.js';
import { useLocale } from '../../app/locale.js';
import { canAdministerAccounts, canAdministerSecurity, platformsWithRole } from '../../app/permissions.js';
import { usePlatforms } from '../../app/platforms.js';
import { useSignedIn } from '../../app/session.js';
import { useApi } from '../../app/useApi.js';
import { ExportButton } from '../../components/ExportButton.js';
import { SearchBox } from '../../components/SearchBox.js';
import { actions, clipped, oneLine, WIDE } from '../../components/tables.js';
import { formatTime } from '../../components/time.js';
import { errorText } from '../../i18n/errors.js';
import { roleLabel } from '../../i18n/labels.js';
import { CreateUserModal, EditRolesModal, ResetPasswordModal } from './UserModals.js';
import { UsersBatch } from './UsersBatch.js';

const PAGE_SIZE = 20;

export default function UsersPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const { user: me } = useSignedIn();
  const { list: platforms, loading: platformsLoading, nameOf } = usePlatforms();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserView | null>(null);
  const [resetting, setResetting] = useState<UserView | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const users = useApi(() => api.users({ q, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }), [q, page]);

  const admin = canAdministerAccounts(me);
  const security = canAdministerSecurity(me);
  // Roles are granted by the security admin on every platform, by platform admins on their own
  // (a system admin only as a platform's admin: separation of duties, docs/adr/0014).
  const manageable = security ? platforms.map((p) => p.id) : platformsWithRole(me, 'platform_admin');

  const securityAction = async (u: UserView, action: 'resetMfa' | 'unlock') => {
    try {
      await (action === 'resetMfa' ? mfaApi.resetFor(u.id) : mfaApi.unlock(u.id));
      message.success(t('Saved'));
      users.reload();
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  const setDisabled = async (u: UserView, disabled: boolean) => {
    try {
      await api.setUserDisabled(u.id, disabled);
      message.success(
        disabled ? t('{{name}} disabled', { name: u.username }) : t('{{name}} enabled', { name: u.username }),
      );
      users.reload();
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  const status = (u: UserView) => {
    if (u.disabled) return <Tag color="default">{t('Disabled')}</Tag>;
    if (u.lockedUntil && u.lockedUntil > new Date().toISOString()) {
      return (
        <Tooltip title={t('Locked until {{time}}', { time: formatTime(u.lockedUntil, locale) })}>
          <Tag color="orange">{t('Locked')}</Tag>
        </Tooltip>
      );
    }
    return <Tag color="green">{t('Active')}</Tag>;
  };

  return (
    <Card>
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }} wrap>
        <SearchBox
          label={t('Search users')}
          allowClear
          placeholder={t('Search by user name, display name or email')}
          style={{ width: 340 }}
          onSearch={(v) => {
            setPage(1);
            setQ(v.trim());
          }}
          data-testid="user-search"
        />
        <Space wrap>
          <ExportButton file={(opts) => exportsApi.users({ q: q || undefined }, opts)} />
          {admin && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('New user')}
            </Button>
          )}
        </Space>
      </Space>
      {users.error ? (
        <Alert type="error" showIcon title={errorText(t, users.error)} style={{ marginBottom: 16 }} />
      ) : null}
      {admin ? (
        <UsersBatch
          rows={users.data?.items ?? []}
          selected={selected}
          setSelected={setSelected}
          onDone={users.reload}
        />
      ) : null}
      <Table<UserView>
        rowKey="id"
        size="middle"
        loading={users.loading}
        dataSource={users.data?.items ?? []}
        rowSelection={
          admin
            ? {
                selectedRowKeys: selected,
                // Kept across pages and searches: an admin selects accounts found one search at a time.
                preserveSelectedRowKeys: true,
                onChange: (keys) => setSelected(keys as string[]),
                getCheckboxProps: (u) => ({ 'aria-label': u.username }),
              }
            : undefined
        }
        scroll={WIDE}
        data-testid="users-table"
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: users.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('{{count}} users', { count: total }),
          onChange: setPage,
        }}
        columns={[
          { title: t('User name'), ...clipped<UserView>(140, (u) => u.username) },
          {
            title: t('Display name'),
            render: (_, u) => (
              <Space size={4}>
                {u.displayName}
                {u.isSystemAdmin && <Tag color="red">{t('System administrator')}</Tag>}
                {u.isSecurityAdmin && <Tag color="volcano">{t('Security administrator')}</Tag>}
                {u.isAuditAdmin && <Tag color="purple">{t('Audit administrator')}</Tag>}
              </Space>
            ),
          },
          { title: t('Email'), ...clipped<UserView>(220, (u) => u.email) },
          {
            title: t('Roles'),
            render: (_, u) =>
              u.roles.map((r) => (
                <Tag key={`${r.platformId}:${r.role}`} color="blue">
                  {roleLabel(t, r.role)}
                  {platforms.length > 1 ? ` · ${nameOf(r.platformId)}` : ''}
                </Tag>
              )),
          },
          { title: t('Status'), render: (_, u) => status(u) },
          {
            title: t('Created'),
            dataIndex: 'createdAt',
            onCell: () => oneLine,
            render: (v: string) => formatTime(v, locale),
          },
          {
            title: t('Actions'),
            ...actions(260),
            render: (_, u) => (
              <Space size={0} wrap>
                <Button type="link" size="small" disabled={platformsLoading} onClick={() => setEditing(u)}>
                  {t('Edit roles')}
                </Button>
                {admin && (
                  <Button type="link" size="small" onClick={() => setResetting(u)}>
                    {t('Reset password')}
                  </Button>
                )}
                {security && u.lockedUntil && u.lockedUntil > new Date().toISOString() && (
                  <Button type="link" size="small" onClick={() => securityAction(u, 'unlock')}>
                    {t('Unlock')}
                  </Button>
                )}
                {security && u.id !== me.id && (
                  <Popconfirm
                    title={t('Reset two-factor authentication')}
                    okText={t('Confirm')}
                    cancelText={t('Cancel')}
                    onConfirm={() => securityAction(u, 'resetMfa')}
                  >
                    <Button type="link" size="small">
                      {t('Reset two-factor authentication')}
                    </Button>
                  </Popconfirm>
                )}
                {admin && u.id !== me.id && (
                  <Popconfirm
                    title={
                      u.disabled
                        ? t('Enable {{name}}?', { name: u.username })
                        : t('Disable {{name}}? Their sessions end now.', { name: u.username })
                    }
                    okText={t('Confirm')}
                    cancelText={t('Cancel')}
                    onConfirm={() => setDisabled(u, !u.disabled)}
                  >
                    <Button type="link" size="small" danger={!u.disabled}>
                      {u.disabled ? t('Enable') : t('Disable')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <CreateUserModal
        open={creating}
        platformIds={platformsWithRole(me, 'platform_admin')}
        onClose={() => setCreating(false)}
        onDone={() => {
          setCreating(false);
          users.reload();
        }}
      />
      <EditRolesModal
        user={editing}
        platformIds={manageable}
        replacesAll={security}
        onClose={() => setEditing(null)}
        onDone={() => {
          setEditing(null);
          users.reload();
        }}
      />
      <ResetPasswordModal
        user={resetting}
        onClose={() => setResetting(null)}
        onDone={() => setResetting(null)}
      />
    </Card>
  );
}
