import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../../common/roles.js';
import { enUS } from './en-US.js';
import { zhCN } from './zh-CN.js';

export const LOCALE_STORAGE_KEY = 'commonlab.locale';
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/**
 * Marks an English source string for translation where t() cannot run yet (registries, constant maps).
 * The catalog test scans for tk() calls as well as t() calls.
 */
export const tk = <S extends string>(s: S): S => s;

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

/** The language chosen on this device, or null when the user never chose one here. */
export function storedLocale(): Locale | null {
  try {
    const v = localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(v) ? v : null;
  } catch {
    return null;
  }
}

export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // private mode or storage disabled: the choice then lasts for this page only
  }
}

export async function initI18n(): Promise<void> {
  const lng = storedLocale() ?? DEFAULT_LOCALE;
  document.documentElement.lang = lng;
  await i18n.use(initReactI18next).init({
    lng,
    // English text is the key, so a missing translation shows English rather than a code.
    fallbackLng: false,
    keySeparator: false,
    nsSeparator: false,
    returnEmptyString: false,
    interpolation: { escapeValue: false },
    resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
    showSupportNotice: false,
  });
  nameTheDocument();
}

function nameTheDocument(): void {
  document.title = `${i18n.t('Generic Technology Service Platform')} Commonlab`;
}

export async function switchLanguage(locale: Locale): Promise<void> {
  document.documentElement.lang = locale;
  await i18n.changeLanguage(locale);
  nameTheDocument();
}

export { i18n };
