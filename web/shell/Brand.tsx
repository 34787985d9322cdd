import { useTranslation } from 'react-i18next';

/** The product mark, drawn inline so the CSP needs no image host. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="6" fill="#1d4ed8" />
      <circle cx="11" cy="12" r="4" fill="#fff" />
      <circle cx="21" cy="12" r="4" fill="#93c5fd" />
      <circle cx="16" cy="21" r="4" fill="#fff" />
    </svg>
  );
}

export function Brand({ collapsed }: { collapsed: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="cl-brand">
      <Logo />
      {!collapsed && (
        <div>
          <div className="cl-brand-title">{t('Generic Technology Service Platform')}</div>
          <div className="cl-brand-sub">Commonlab</div>
        </div>
      )}
    </div>
  );
}
