import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { findPostgresBin } from './server/test/postgres-server.js';

// Every DB-touching test file runs twice: on SQLite and on PostgreSQL (ARCHITECTURE.md, convention 7).
const dbTests = ['server/**/*.test.ts'];
const unitTests = [
  'server/**/*.unit.test.ts',
  'common/**/*.unit.test.ts',
  'web/**/*.unit.test.ts',
  'scripts/**/*.unit.test.ts',
];
const withPostgres =
  Boolean(process.env.DATABASE_URL) || findPostgresBin() !== null || process.env.CI === 'true';
if (!withPostgres) {
  console.warn(
    '\n!!! PostgreSQL binaries not found: the PostgreSQL half of the suite is SKIPPED (CI runs it) !!!\n',
  );
}

// The database projects do not isolate modules (isolate: false): a worker loads the server's modules once
// and runs file after file with them, where isolation spawned a process per file that spent most of its time
// importing (docs/adr/0006, measured). Each file still gets its own fresh database (harness.ts), and the
// server keeps no state in modules but caches and WeakMaps keyed by the app or the database.
export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: ONE on CI's two-core runner, so the database
    // files ran one after another while the second core waited on nothing but PostgreSQL. Two workers keep
    // both cores busy (each file still has its own database; docs/adr/0006). The browser project stays at
    // one worker (fileParallelism: false below).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    reporters: ['default', './server/test/summary-reporter.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: unitTests } },
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: dbTests,
          exclude: unitTests,
          env: { TEST_DB: 'sqlite' },
          isolate: false,
          globalSetup: ['server/test/sqlite.global-setup.ts'],
        },
      },
      ...(withPostgres
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: dbTests,
                exclude: unitTests,
                env: { TEST_DB: 'postgres' },
                isolate: false,
                globalSetup: ['server/test/postgres.global-setup.ts'],
              },
            },
          ]
        : []),
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          globalSetup: ['e2e/build-web.global-setup.ts', 'server/test/sqlite.global-setup.ts'],
          testTimeout: 60_000,
          // Each file's beforeAll seeds a fresh database (the first also launches Chromium) and signs in:
          // on the shared two-core machine that alone can pass the one minute the database projects allow.
          hookTimeout: 180_000,
          fileParallelism: false,
          // One worker runs the files in turn and keeps its modules and its Chromium (e2e/support.ts) from
          // one file to the next, instead of a new process that loads the server and launches a browser.
          isolate: false,
          // Browser tests run after the database projects, on a machine no longer busy with them.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
