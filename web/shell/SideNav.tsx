import { Menu } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { SessionUser } from '../api/types.js';
import { listedFor, NAV, NAV_GROUPS, type Page } from '../nav.js';

/**
 * The side navigation: top-level entries first, then one section per group that has an entry for this
 * user. Every item is a real link (<a href>), so opening it in a new tab works; sections start open so
 * that each page is one click away.
 */
export function SideNav({ user, current }: { user: SessionUser; current: Page | undefined }) {
  const { t } = useTranslation();
  const listed = NAV.filter((p) => listedFor(p, user));
  const item = (p: Page) => ({
    key: p.path,
    icon: <p.icon />,
    label: <Link to={p.path}>{t(p.label)}</Link>,
  });
  const groups = NAV_GROUPS.map((g) => ({ ...g, pages: listed.filter((p) => p.group === g.key) })).filter(
    (g) => g.pages.length > 0,
  );
  const [openKeys, setOpenKeys] = useState<string[]>(() => groups.map((g) => `group:${g.key}`));
  return (
    <Menu
      theme="dark"
      mode="inline"
      data-testid="side-nav"
      aria-label={t('Main navigation')}
      selectedKeys={current ? [current.path] : []}
      openKeys={openKeys}
      onOpenChange={setOpenKeys}
      items={[
        ...listed.filter((p) => !p.group).map(item),
        ...groups.map((g) => ({
          key: `group:${g.key}`,
          label: t(g.label),
          'data-testid': `nav-group-${g.key}`,
          children: g.pages.map(item),
        })),
      ]}
    />
  );
}
