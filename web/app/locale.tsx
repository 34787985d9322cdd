import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUSModule from 'antd/es/locale/en_US.js';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useMemo,
  useState,
  useSyncExternalStore,
} from 'react';
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
  token: {
    colorPrimary: '#1d4ed8',
    // Contrast of at least 4.5:1 on white and on the layout's #f5f5f5 (WCAG AA, checked by axe in the
    // browser tests): links take the primary blue rather than antd's #1677ff (4.1:1), secondary text and
    // placeholders a darker grey than antd's 0.45 and 0.25 black (3.4:1 and 1.8:1), and tags in a
    // darker green, gold, orange, volcano, cyan and lime (antd's colour-7 text on colour-1 reads 2.9–4.3:1;
    // a tag's colours derive from these seeds, so the -8 shade as seed makes its text dark enough).
    // Danger buttons (撤回, 删除) and error text: antd's #ff4d4f is 3.3:1 on white; red-7 is 5.6:1.
    colorError: '#cf1322',
    colorLink: '#1d4ed8',
    // Hovered links, tabs and primary buttons go darker, not lighter: antd derives a lighter blue from the
    // primary (about 4:1 on white), which a tab under the pointer failed axe's contrast check with.
    colorPrimaryHover: '#1e40af',
    colorLinkHover: '#1e40af',
    colorInfo: '#1d4ed8',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    green: '#237804',
    gold: '#ad6800',
    orange: '#ad4e00',
    volcano: '#ad2102',
    cyan: '#006d75',
    lime: '#5b8c00',
    borderRadius: 4,
    fontSize: 14,
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#0b1f3a' },
    Menu: { darkItemBg: '#0b1f3a', darkSubMenuItemBg: '#0b1f3a' },
  },
};

// A user who asked the system for less motion gets none: dialogs, drawers, lists and messages appear and go
// at once. The browser tests run that way too (Playwright's reducedMotion), so a click never lands on a
// widget still animating in or out.
const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';
const STILL_THEME = { ...THEME, token: { ...THEME.token, motion: false } };
const subscribeMotion = (onChange: () => void) => {
  const query = window.matchMedia(REDUCED_MOTION);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};
/** Whether the user asked the system for reduced motion (followed live, as the setting changes). */
export const usePrefersReducedMotion = () =>
  useSyncExternalStore(
    subscribeMotion,
    () => window.matchMedia(REDUCED_MOTION).matches,
    () => false,
  );

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
  const still = usePrefersReducedMotion();
  return (
    <LocaleContext.Provider value={value}>
      <ConfigProvider locale={ANTD_LOCALES[locale]} theme={still ? STILL_THEME : THEME} button={BUTTON}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </LocaleContext.Provider>
  );
}
