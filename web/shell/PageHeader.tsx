import { Breadcrumb, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { NAV, NAV_GROUPS, type Page } from '../nav.js';

const HOME = NAV.find((p) => p.key === 'home');

/** The browser tab's title for a page: `<page> - Commonlab`. */
export const tabTitle = (pageLabel: string): string => `${pageLabel} - Commonlab`;

/**
 * Breadcrumbs (workbench › section › page) and the page's level-1 heading, above every signed-in page;
 * it also names the page in the browser tab, again whenever the language changes.
 */
export function PageHeader({ page }: { page: Page | undefined }) {
  const { t, i18n } = useTranslation();
  const title = page ? t(page.label) : '';
  useEffect(() => {
    if (!page) return;
    const apply = () => {
      document.title = tabTitle(i18n.t(page.label));
    };
    apply();
    // A language switch resets the tab's title (i18n/index.ts); name the page again after it.
    const later = () => setTimeout(apply, 0);
    i18n.on('languageChanged', later);
    return () => i18n.off('languageChanged', later);
  }, [page, i18n]);
  if (!page) return null;
  const group = NAV_GROUPS.find((g) => g.key === page.group);
  const crumbs = [
    ...(HOME && page.key !== HOME.key ? [{ title: <Link to={HOME.path}>{t(HOME.label)}</Link> }] : []),
    ...(group ? [{ title: t(group.label) }] : []),
    { title: page.key === HOME?.key ? title : <Link to={page.path}>{title}</Link> },
  ];
  return (
    <div className="cl-page-header" data-testid="page-header">
      <Breadcrumb items={crumbs} data-testid="breadcrumbs" />
      <Typography.Title level={1} className="cl-page-title" data-testid="page-title">
        {title}
      </Typography.Title>
    </div>
  );
}
