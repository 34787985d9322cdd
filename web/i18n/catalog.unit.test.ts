import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ACTION_LABELS, ENTITY_LABELS } from '../../common/audit-labels.js';
import { ERROR_MESSAGES } from '../../common/error-codes.js';
import { ROLE_LABELS } from '../../common/roles.js';
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

/**
 * Every literal passed to t('…') or t("…"), or marked with tk('…'), in the web sources. A message with an
 * apostrophe is written in double quotes; the scan missed those until issue 12.
 */
function usedKeys(): Map<string, string> {
  const keys = new Map<string, string>();
  const call = /\b(?:t|tk)\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g;
  for (const file of sourceFiles(webRoot)) {
    for (const m of readFileSync(file, 'utf8').matchAll(call)) {
      keys.set((m[1] ?? m[2])!.replace(/\\(.)/g, '$1'), path.relative(webRoot, file));
    }
  }
  return keys;
}

/** Each per-domain catalog file of a language (zh-CN.calls.ts, en-US.people.ts …) with its entries. */
const files = {
  'zh-CN': import.meta.glob<Record<string, Record<string, string>>>(['./zh-CN.*.ts'], { eager: true }),
  'en-US': import.meta.glob<Record<string, Record<string, string>>>(['./en-US.*.ts', './words.ts'], {
    eager: true,
  }),
};

/**
 * The merged catalog spreads its files one after another, so a key defined in two files with two texts
 * silently took the later one (last round 'Chair' read 主任委员 on the checks panel, where 组长 was meant).
 * A key has one text wherever it is defined; a second meaning gets its own key (words.ts).
 */
function twoTexts(lang: keyof typeof files, merged: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [file, mod] of Object.entries(files[lang]))
    for (const entries of Object.values(mod))
      if (typeof entries === 'object' && entries !== null && !Array.isArray(entries))
        for (const [key, text] of Object.entries(entries))
          if (typeof text === 'string' && merged[key] !== text)
            found.push(`${file}: '${key}' is '${text}' here, '${merged[key]}' in the catalog`);
  return found;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('zh-CN catalog', () => {
  it('translates every error code message', () => {
    const missing = Object.values(ERROR_MESSAGES).filter((english) => !zhCN[english]);
    expect(missing).toEqual([]);
  });

  it('translates every role label', () => {
    const missing = Object.values(ROLE_LABELS).filter((english) => !zhCN[english]);
    expect(missing).toEqual([]);
  });

  it('translates every key the web code passes to t() or tk()', () => {
    const keys = usedKeys();
    // The scan itself must work, or this test would pass on nothing.
    expect(keys.size).toBeGreaterThan(50);
    expect(keys.has('Sign in')).toBe(true);
    expect(keys.has("Empty: the person's own organisation")).toBe(true);
    const missing = [...keys].filter(([k]) => !zhCN[k]).map(([k, file]) => `${file}: ${k}`);
    expect(missing).toEqual([]);
  });

  it('keeps the interpolation placeholders of each key in its translation', () => {
    const broken = Object.entries(zhCN)
      .filter(([key, zh]) => placeholders(enUS[key] ?? key).join() !== placeholders(zh).join())
      .map(([en]) => en);
    expect(broken).toEqual([]);
  });

  it('gives every key namespaced by meaning (personLinks.title) its English text', () => {
    const namespaced = [...usedKeys().keys()].filter((k) => /^[a-z][A-Za-z]*(\.[A-Za-z]+)+$/.test(k));
    expect(namespaced.length).toBeGreaterThan(0);
    expect(namespaced.filter((k) => !enUS[k])).toEqual([]);
  });

  it('gives a key defined in two files the same text in both', () => {
    // The glob must find the files, or this test would pass on nothing.
    expect(Object.keys(files['zh-CN']).length).toBeGreaterThan(20);
    expect(twoTexts('zh-CN', zhCN)).toEqual([]);
    expect(twoTexts('en-US', enUS)).toEqual([]);
    expect(zhCN.Chair).toBe('组长');
    expect(zhCN['committee.chair']).toBe('主任委员');
    expect(zhCN.Total).toBe('合计');
  });

  it('has no entries nothing uses', () => {
    const used = new Set([
      ...usedKeys().keys(),
      ...Object.values(ERROR_MESSAGES),
      ...Object.values(ROLE_LABELS),
      // Audit words live in common/ (the server's audit export writes them too).
      ...Object.values(ACTION_LABELS),
      ...Object.values(ENTITY_LABELS),
    ]);
    expect(Object.keys(zhCN).filter((k) => !used.has(k))).toEqual([]);
  });
});
