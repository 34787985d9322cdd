import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUSModule from 'antd/es/locale/en_US.js';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { Locale } from '../../common/roles.js';
import { i18n, isLocale, rememberLocale, switchLanguage } from '../i18n/index.js';

type AntdLocale = typeof zhCNModule.default;
// antd's ESM files sit in a package without "type": "module": TypeScript (NodeNext) types the default import
// as the module record while Vite hands over the locale object itself. Accept both.
const unwrap = (m: { default: AntdLocale } | AntdLocale): AntdLocale => ('default' in m ? m.default : m);
const ANTD_LOCALES = { 'zh-CN': unwrap(zhCNModule), 'en-US': unwrap(enUSModule) } as const;

interface LocaleContextValue {
  locale: Locale;
  /** Switches the UI language and remembers it on this device. */
  setLocale(locale: Locale): Promise<void>;
}

const LocaleContext = createContext<LocaleContextValue | null>(null);

export function useLocale(): LocaleContextValue {
  const v = useContext(LocaleContext);
  if (!v) throw new Error('useLocale outside LocaleProvider');
  return v;
}

// Government/enterprise admin look: a restrained blue, square-ish corners, dense tables.
const THEME = {
  algorithm: theme.defaultAlgorithm,
  token: { colorPrimary: '#1d4ed8', borderRadius: 4, fontSize: 14 },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#0b1f3a' },
    Menu: { darkItemBg: '#0b1f3a', darkSubMenuItemBg: '#0b1f3a' },
  },
};

// "确 定": antd spaces out two-character Chinese labels; labels here read as written, like the rest of the UI.
const BUTTON = { autoInsertSpace: false };

/** Owns the active language: i18next, the antd locale and the html lang attribute change together. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setState] = useState<Locale>(() => (isLocale(i18n.language) ? i18n.language : 'zh-CN'));
  const setLocale = useCallback(async (next: Locale) => {
    rememberLocale(next);
    await switchLanguage(next);
    setState(next);
  }, []);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return (
    <LocaleContext.Provider value={value}>
      <ConfigProvider locale={ANTD_LOCALES[locale]} theme={THEME} button={BUTTON}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </LocaleContext.Provider>
  );
}

/** Date and time in the viewer's language and time zone (timestamps are stored in UTC). */
export function formatTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
