import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { enUS } from './en-US.js';
import { zhCN } from './zh-CN.js';

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !e.name.includes('.test.') ? [full] : [];
  });
}

/** Messages whose number is a constant that is never 1 (the password's minimum length). */
const FIXED = new Set([
  'At least {{n}} characters, not containing the user name',
  'At least {{n}} characters, not containing the user name; not one of your recent passwords.',
]);

/** Each message whose number is followed by an English plural noun, with the source of its call. */
function countedMessages(): Map<string, string> {
  const found = new Map<string, string>();
  const call = /\bt\(\s*'((?:[^'\\]|\\.)*\{\{\s*\w+\s*\}\}(?:[^'\\]|\\.)*)'\s*(,[^)]*\))?/g;
  for (const file of sourceFiles(webRoot))
    for (const m of readFileSync(file, 'utf8').matchAll(call)) {
      const key = m[1]!;
      if (/\{\{\s*(count|n|days|years)\s*\}\} [a-z]+s\b|\(s\)/.test(key) && !FIXED.has(key))
        found.set(key, m[2] ?? '');
    }
  return found;
}

describe('English plurals (issue 12 item 7)', () => {
  it('say "1 result", not "1 results": every counted message has a singular and is given its count', async () => {
    const messages = countedMessages();
    expect(messages.has('{{n}} results')).toBe(true);
    const i18n = createInstance();
    await i18n.init({ lng: 'en-US', fallbackLng: false, resources: { 'en-US': { translation: enUS } } });
    const wrong: string[] = [];
    for (const [key, args] of messages) {
      if (!enUS[`${key}_one`]) wrong.push(`no singular: ${key}`);
      else if (!/count:|\{\s*count\s*[,}]/.test(args)) wrong.push(`no count passed: ${key}`);
      // The number counted is 1; a second number (the docket's horizon of 90 days) keeps its value.
      const days = /count: [^,}]*day/i.test(args) || !key.includes('{{count}}') ? 1 : 90;
      const one = i18n.t(key, { count: 1, n: 1, days, years: 1 });
      if (/\b1 [a-z]+s\b|\(s\)/.test(one)) wrong.push(`reads '${one}'`);
    }
    expect(wrong).toEqual([]);
    expect(i18n.t('{{n}} results', { n: 2, count: 2 })).toBe('2 results');
    expect(i18n.t('{{n}} results', { n: 1, count: 1 })).toBe('1 result');
    // Two counts in one sentence: each is its own counted message, set into the sentence.
    const computed = (apps: number, experts: number) =>
      i18n.t('Computed {{at}} for {{apps}} and {{experts}}', {
        at: 'today',
        apps: i18n.t('{{count}} applications in review', { count: apps }),
        experts: i18n.t('{{count}} active experts', { count: experts }),
      });
    expect(computed(1, 1)).toBe('Computed today for 1 application in review and 1 active expert');
    expect(computed(2, 3)).toBe('Computed today for 2 applications in review and 3 active experts');
    expect(
      i18n.t('{{file}}: {{count}} rows, {{valid}} valid, {{invalid}} with errors', {
        file: 'a.csv',
        count: 1,
        valid: 1,
        invalid: 0,
      }),
    ).toBe('a.csv: 1 row, 1 valid, 0 with errors');
  });

  it('leave Chinese with its one form', async () => {
    const i18n = createInstance();
    await i18n.init({ lng: 'zh-CN', fallbackLng: false, resources: { 'zh-CN': { translation: zhCN } } });
    expect(i18n.t('{{n}} results', { n: 1, count: 1 })).toBe(zhCN['{{n}} results']!.replace('{{n}}', '1'));
  });
});
