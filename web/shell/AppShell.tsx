import { BankOutlined, GlobalOutlined } from '@ant-design/icons';
import { Layout, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { PlatformsProvider, usePlatforms } from '../app/platforms.js';
import { useSignedIn } from '../app/session.js';
import { NotificationBell } from '../features/notifications/NotificationBell.js';
import { pageAt } from '../nav.js';
import { Brand } from './Brand.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { PageHeader } from './PageHeader.js';
import { SideNav } from './SideNav.js';
import { UserMenu } from './UserMenu.js';

const { Sider, Header, Content, Footer } = Layout;

/** The signed-in frame: navigation from the registry, header with context and account controls. */
export function AppShell() {
  const { user } = useSignedIn();
  const { t } = useTranslation();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const current = pageAt(location.pathname);

  return (
    <PlatformsProvider>
      <Layout style={{ minHeight: '100vh' }}>
        <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={232} theme="dark">
          <Brand collapsed={collapsed} />
          <SideNav user={user} current={current} />
        </Sider>
        <Layout>
          <Header className="cl-header">
            <PlatformContext />
            <Space size="middle">
              <Link to="/public" data-testid="portal-link">
                <GlobalOutlined /> {t('Public portal')}
              </Link>
              <NotificationBell />
              <LanguageSwitch />
              <UserMenu />
            </Space>
          </Header>
          <Content className="cl-content">
            <PageHeader page={current} />
            <Outlet />
          </Content>
          <Footer className="cl-footer">
            {t('Generic Technology Service Platform')} · Commonlab ·{' '}
            {t('Open source under the Apache License 2.0')}
          </Footer>
        </Layout>
      </Layout>
    </PlatformsProvider>
  );
}

/** Which platform(s) the user works on; every record in Commonlab belongs to one. */
function PlatformContext() {
  const { user } = useSignedIn();
  const { nameOf, list } = usePlatforms();
  const { t } = useTranslation();
  const mine = [...new Set(user.roles.map((r) => r.platformId))];
  if (mine.length === 0 && !user.isSystemAdmin) return null;
  const label =
    mine.length === 0
      ? t('All platforms ({{count}})', { count: list.length })
      : mine.map((id) => nameOf(id)).join(' · ');
  return (
    <Tag
      icon={<BankOutlined />}
      color="geekblue"
      style={{ marginInlineEnd: 0, padding: '2px 8px' }}
      data-testid="platform-context"
    >
      {label}
    </Tag>
  );
}
