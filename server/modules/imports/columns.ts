import type { ErrorCode } from '../../../common/error-codes.js';

export type Lang = 'zh-CN' | 'en-US';
export type Parsed<T = unknown> = { value: T } | { error: ErrorCode };

/**
 * One column of an import template and export. The English key is the header in en-US files,
 * `zh` the header in zh-CN files; both (and the aliases) are accepted on import.
 */
export interface Column {
  key: string;
  zh: string;
  aliases?: readonly string[];
  required?: boolean;
  /** Cell text (trimmed, never empty) to value; the default keeps the text up to 200 characters. */
  parse?: (text: string) => Parsed;
  /** Value to cell text on export, in the file's language. */
  format?: (value: string, lang: Lang) => string;
  /** Allowed values, for the template's instructions. */
  values?: (lang: Lang) => string[];
  /** Kept as text in XLSX so Excel does not turn long digit strings into numbers. */
  text?: boolean;
  width?: number;
  hint?: { zh: string; en: string };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9(][0-9 ()-]{4,28}[0-9](?:\s*(?:ext\.?|x|转)\s*[0-9]{1,6})?$/i;
const DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;

export const text =
  (max = 200) =>
  (t: string): Parsed<string> =>
    t.length > max ? { error: 'imports.too_long' } : { value: t };

export const email = (t: string): Parsed<string> =>
  EMAIL.test(t) && t.length <= 200 ? { value: t } : { error: 'imports.invalid_email' };

export const phone = (t: string): Parsed<string> =>
  PHONE.test(t) ? { value: t } : { error: 'imports.invalid_phone' };

export function url(t: string): Parsed<string> {
  const withScheme = /^https?:\/\//i.test(t) ? t : `https://${t}`;
  try {
    const u = new URL(withScheme);
    return u.hostname.includes('.') && withScheme.length <= 300
      ? { value: withScheme }
      : { error: 'imports.invalid_url' };
  } catch {
    return { error: 'imports.invalid_url' };
  }
}

/** YYYY-MM-DD, also typed as 2026/1/5 or 2026年1月5日; the calendar date must exist. */
export function date(t: string): Parsed<string> {
  const m = DATE.exec(t);
  if (!m) return { error: 'imports.invalid_date' };
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso)
    ? { value: iso }
    : { error: 'imports.invalid_date' };
}

/** Items separated by commas, semicolons, enumeration commas or spaces (Chinese or ASCII). */
export const list = (t: string): Parsed<string[]> => ({ value: t.split(/[\s,;，；、]+/).filter(Boolean) });

/** An enumeration given by its code, its Chinese label or an alias, in any case. */
export function enumOf<V extends string>(labels: Record<V, readonly [zh: string, ...aliases: string[]]>) {
  const lookup = new Map<string, V>();
  for (const [code, names] of Object.entries(labels) as [V, readonly string[]][]) {
    for (const n of [code, ...names]) lookup.set(fold(n), code);
  }
  return {
    parse: (t: string): Parsed<V> => {
      const v = lookup.get(fold(t));
      return v ? { value: v } : { error: 'imports.invalid_value' };
    },
    format: (v: string, lang: Lang) => (lang === 'zh-CN' ? (labels[v as V]?.[0] ?? v) : v),
    values: (lang: Lang) => (Object.keys(labels) as V[]).map((v) => (lang === 'zh-CN' ? labels[v][0] : v)),
  };
}

const regionNames = {
  zh: new Intl.DisplayNames(['zh-CN'], { type: 'region' }),
  en: new Intl.DisplayNames(['en'], { type: 'region' }),
};
let countries: Map<string, string> | undefined;

/** ISO 3166-1 alpha-2, or a country's name in Chinese or English ("中国", "Germany"). */
export function country(t: string): Parsed<string> {
  if (!countries) {
    countries = new Map();
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        const zh = regionNames.zh.of(code);
        if (!zh || zh === code) continue;
        for (const name of [code, zh, regionNames.en.of(code)!]) countries.set(fold(name), code);
      }
    }
  }
  const code = countries.get(fold(t));
  return code ? { value: code } : { error: 'imports.invalid_value' };
}

/** Case, width and spacing do not matter when matching headers and enumeration values. */
export function fold(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_*]+/g, '')
    .replace(/\(.*\)$/, '');
}
