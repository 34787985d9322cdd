import { DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Dropdown, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Role } from '../../common/roles.js';
import { useSession, useSignedIn } from '../app/session.js';
import { roleLabel } from '../i18n/labels.js';
import { ACCOUNT_PAGES } from '../nav.js';

export function UserMenu() {
  const { user } = useSignedIn();
  const { signOut } = useSession();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const roles = [...new Set(user.roles.map((r) => r.role))] as Role[];

  const identity = (
    <div style={{ maxWidth: 260, padding: '4px 0' }} data-testid="user-menu-identity">
      <Typography.Text strong>{user.displayName}</Typography.Text>
      <div>
        <Typography.Text type="secondary">{user.username}</Typography.Text>
      </div>
      <div style={{ marginTop: 6, display: 'flex', flexWrap: 'wrap', gap: 4 }}>
        {user.isSystemAdmin && <Tag color="red">{t('System administrator')}</Tag>}
        {roles.map((r) => (
          <Tag key={r} color="blue">
            {roleLabel(t, r)}
          </Tag>
        ))}
      </div>
    </div>
  );

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'identity', label: identity, disabled: true, style: { cursor: 'default' } },
          { type: 'divider' },
          ...ACCOUNT_PAGES.map((p) => ({ key: p.path, icon: <p.icon />, label: t(p.label) })),
          { type: 'divider' },
          { key: 'sign-out', icon: <LogoutOutlined />, label: t('Sign out'), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'sign-out') {
            void signOut().then(() => navigate('/sign-in', { replace: true }));
          } else {
            navigate(key);
          }
        },
      }}
    >
      <button
        type="button"
        data-testid="user-menu"
        style={{ background: 'none', border: 0, cursor: 'pointer', padding: '4px 8px', font: 'inherit' }}
      >
        <Space>
          <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1d4ed8' }} />
          <span>{user.displayName}</span>
          <DownOutlined style={{ fontSize: 10 }} />
        </Space>
      </button>
    </Dropdown>
  );
}
