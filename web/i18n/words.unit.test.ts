import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { enUS } from './en-US.js';
import { AMBIGUOUS_WORDS } from './words.js';
import { zhCN } from './zh-CN.js';

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !e.name.includes('.test.') ? [full] : [];
  });
}

/** One key, one meaning (issue 12 item 5): an English word of two meanings is never a key itself. */
describe('ambiguous English words', () => {
  it('are never passed bare to t() or tk(): each use names its meaning', () => {
    const bare: string[] = [];
    for (const file of sourceFiles(webRoot))
      for (const word of Object.keys(AMBIGUOUS_WORDS)) {
        const call = new RegExp(`\\b(?:t|tk)\\(\\s*'${word}'`, 'g');
        if (call.test(readFileSync(file, 'utf8'))) bare.push(`${path.relative(webRoot, file)}: '${word}'`);
      }
    expect(bare).toEqual([]);
    for (const word of Object.keys(AMBIGUOUS_WORDS)) expect(zhCN[word], word).toBeUndefined();
  });

  it('give each meaning its own Chinese and the same English word', () => {
    for (const [word, keys] of Object.entries(AMBIGUOUS_WORDS)) {
      const zh = keys.map((k) => zhCN[k]);
      expect(zh.every(Boolean), word).toBe(true);
      expect(new Set(zh).size, word).toBe(keys.length);
      for (const k of keys) expect(enUS[k], k).toBe(word);
    }
    expect(zhCN['person.title']).toBe('职称');
    expect(zhCN['work.title']).toBe('标题');
    expect(zhCN['answer.declined']).toBe('已谢绝');
    expect(zhCN['invitation.decline']).toBe('谢绝');
  });
});
