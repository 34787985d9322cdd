import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated, closed SQLite file each test file copies instead of migrating its own (harness.ts). */
    sqliteTemplate: string;
  }
}

/**
 * Once per run: migrates one SQLite database and closes it, so the file holds the whole schema (closing
 * the last connection checkpoints the WAL into the main file). A byte copy of it is then a fresh migrated
 * database in milliseconds, where migrating costs a second or more per test file on a loaded machine.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'commonlab-template-'));
  const file = path.join(dir, 'template.sqlite');
  const database = createDatabase({ kind: 'sqlite', file });
  await migrateToLatest(database.db as never);
  await database.close();
  project.provide('sqliteTemplate', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
