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

/** Messages whose value before a plural word is not a number (a word, an amount). */
const NOT_A_COUNT = new Set([
  'Government participation of {{model}} platforms',
  // {{platform}} is a name and 'reviews' a verb.
  '{{platform}} now reviews your registration and your organisation. You will get an e-mail with its decision; once approved, sign in with your e-mail address and password and apply under My applications.',
]);

/** Words ending in s that are not plural nouns, and words that cannot stand between a number and its noun. */
const NOT_NOUNS = new Set([
  'is',
  'its',
  'was',
  'has',
  'this',
  'does',
  'as',
  'exceeds',
  'ms',
  'less',
  'across',
]);
const NOT_BETWEEN = new Set([
  'of',
  'with',
  'in',
  'for',
  'to',
  'from',
  'by',
  'and',
  'or',
  'the',
  'are',
  'is',
  'were',
]);

interface Counted {
  /** The placeholder counted ('count'), or '(s)'. */
  by: string;
  /** What stands after it: ' selected applications'. */
  words: string;
}

/**
 * The number a message counts with a plural noun after it ('{{count}} selected applications', '{{changed}}
 * of {{count}} pairs', 'up to {{count}} experts').
 */
function countedBy(text: string): Counted | undefined {
  if (/\(s\)/.test(text)) return { by: '(s)', words: '(s)' };
  for (const m of text.matchAll(/\{\{\s*(\w+)\s*\}\}((?: [A-Za-z-]+){0,2}?) ([a-z]+s|people)\b/g)) {
    const between = m[2]!.trim().split(' ').filter(Boolean);
    const noun = m[3]!;
    if (NOT_NOUNS.has(noun) || between.some((w) => NOT_BETWEEN.has(w) || NOT_NOUNS.has(w))) continue;
    return { by: m[1]!, words: `${m[2]} ${noun}` };
  }
  return undefined;
}

/** Each literal passed to t('…'), t("…") or tk('…') in the web sources, with what follows it in its call. */
function sourceMessages(): Map<string, string> {
  const found = new Map<string, string>();
  const call = /\b(?:t|tk)\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")(?=([\s\S]{0,300}))/g;
  for (const file of sourceFiles(webRoot))
    for (const m of readFileSync(file, 'utf8').matchAll(call)) {
      // The call's arguments: up to its closing parenthesis, or the next message, whichever comes first.
      const rest = m[3]!.split(/\b(?:t|tk)\(\s*['"]/)[0]!;
      found.set((m[1] ?? m[2])!.replace(/\\(.)/g, '$1'), /^\s*,/.test(rest) ? rest : '');
    }
  return found;
}

/**
 * Each message, in the source or in the catalog (the server's messages are keys there too), whose English
 * counts with a plural noun, with the arguments of its call ('' for a message the source only marks).
 */
function countedMessages(): Map<string, string> {
  const source = sourceMessages();
  const found = new Map<string, string>();
  for (const key of new Set([...source.keys(), ...Object.keys(zhCN)])) {
    if (/_(one|other)$/.test(key) || FIXED.has(key) || NOT_A_COUNT.has(key)) continue;
    if (countedBy(enUS[key] ?? key)) found.set(key, source.get(key) ?? '');
  }
  return found;
}

describe('English plurals (issue 12 item 7)', () => {
  it('say "1 result", not "1 results": every counted message has a singular and is given its count', async () => {
    const messages = countedMessages();
    // The scan must find what it is for, or this test would pass on nothing.
    expect(messages.has('{{n}} results')).toBe(true);
    expect(messages.has('{{count}} people')).toBe(true);
    expect(messages.has('{{changed}} of {{count}} pairs differ; objective {{before}} → {{after}}')).toBe(
      true,
    );
    const i18n = createInstance();
    await i18n.init({ lng: 'en-US', fallbackLng: false, resources: { 'en-US': { translation: enUS } } });
    const wrong: string[] = [];
    for (const [key, args] of messages) {
      const counted = countedBy(enUS[key] ?? key)!;
      if (!enUS[`${key}_one`]) wrong.push(`no singular: ${key}`);
      else if (!['(s)', 'count', 'n', 'days', 'years'].includes(counted.by))
        wrong.push(`counts {{${counted.by}}}, which i18next does not choose a form by: ${key}`);
      else if (!/count:|\{\s*count\s*[,}]/.test(args)) wrong.push(`no count passed: ${key}`);
      // The number counted is 1; a second number (the docket's horizon of 90 days) keeps its value.
      const days = /count: [^,}]*day/i.test(args) || !key.includes('{{count}}') ? 1 : 90;
      const values = Object.fromEntries([...key.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => [m[1]!, 1]));
      const one = i18n.t(key, { ...values, count: 1, n: 1, days, years: 1 });
      if (one.includes(counted.by === '(s)' ? '(s)' : `1${counted.words}`)) wrong.push(`reads '${one}'`);
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

  it('find a number counted with a plural noun, and nothing else', () => {
    expect(countedBy('{{count}} selected applications')).toEqual({
      by: 'count',
      words: ' selected applications',
    });
    expect(countedBy('{{submitted}} of {{expected}} scorecards are in')?.by).toBe('expected');
    expect(countedBy('{{count}} people')?.by).toBe('count');
    expect(countedBy('The budget lines of {{count}} member(s)')?.by).toBe('(s)');
    expect(countedBy('Delete {{name}} and its staff list?')).toBeUndefined();
    expect(countedBy('{{file}}: {{count}} row, {{valid}} valid, {{invalid}} with errors')).toBeUndefined();
    expect(countedBy('The requested amount {{requested}} exceeds the ceiling {{ceiling}}')).toBeUndefined();
  });

  it('leave Chinese with its one form', async () => {
    const i18n = createInstance();
    await i18n.init({ lng: 'zh-CN', fallbackLng: false, resources: { 'zh-CN': { translation: zhCN } } });
    expect(i18n.t('{{n}} results', { n: 1, count: 1 })).toBe(zhCN['{{n}} results']!.replace('{{n}}', '1'));
  });
});
