import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FILE_COLUMNS } from './backup.js';
import { TABLE_OWNERS } from './ownership.js';

/**
 * A backup copies the stored files the rows name through FILE_COLUMNS; a module that stores uploads in
 * the attachments directory without a column listed there would have its files left out of every backup
 * (announcements' attachments and projects' evidence were, until the demo's announcements showed it).
 */
const modules = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../modules');

function storingModules(): string[] {
  const out = new Set<string>();
  const visit = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) visit(full);
      else if (e.name.endsWith('.ts') && !e.name.includes('.test.') && !e.name.includes('.fixtures.'))
        if (readFileSync(full, 'utf8').includes('storeFile(attachmentsDir('))
          out.add(path.relative(modules, full).split(path.sep)[0]!);
    }
  };
  visit(modules);
  return [...out].sort();
}

describe('backup of stored files', () => {
  it('lists a file column of every module that stores uploads', () => {
    const storing = storingModules();
    expect(storing.length).toBeGreaterThanOrEqual(4);
    const listed = new Set(
      Object.keys(FILE_COLUMNS).map((t) => TABLE_OWNERS[t as keyof typeof TABLE_OWNERS]),
    );
    expect(storing.filter((m) => !listed.has(m))).toEqual([]);
  });
});
