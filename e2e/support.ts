import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildApp } from '../server/app.js';
import { createDatabase, type Database } from '../server/db/database.js';
import { type Ctx, cliActor } from '../server/http/context.js';
import { seedDemo } from '../server/seed/demo.js';
import { DEMO_PASSWORD } from '../server/seed/demo-users.js';
import { freshDatabase, testClock, testConfig } from '../server/test/harness.js';

export { DEMO_PASSWORD };

export interface Stack {
  baseUrl: string;
  app: FastifyInstance;
  database: Database;
  /** Starts at the real time (cookies carry real expiry dates) and can be moved forward. */
  clock: ReturnType<typeof testClock>;
  /** Full-rights service context for arranging data. */
  ctx: Ctx;
  platformId: string;
  browser: Browser;
  /** A fresh browser profile (no cookies, no storage) whose language is English, unlike the app's default. */
  newPage(): Promise<{ page: Page; context: BrowserContext; problems: string[] }>;
  close(): Promise<void>;
}

let launched: Promise<Browser> | undefined;

/**
 * One headless Chromium per test worker, launched by the first file that needs it and kept for the next
 * ones (the e2e project does not isolate modules, so this module outlives a file). Tests never share
 * state through it: each page gets a fresh browser context (no cookies, no storage), and a file closes
 * its contexts. Playwright closes the browser when the worker exits.
 */
function sharedBrowser(): Promise<Browser> {
  const alive = launched?.then((b) => (b.isConnected() ? b : undefined));
  launched = (alive ?? Promise.resolve(undefined)).then(
    (b) =>
      b ??
      chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      }),
  );
  return launched;
}

interface SeededDemo {
  dataDir: string;
  platformId: string;
}
let demoTemplate: Promise<SeededDemo> | undefined;

/**
 * The demo seeded once per worker into a database of its own, then closed (which checkpoints SQLite's
 * write-ahead log into the file): each file's stack starts from a byte copy of its data directory instead
 * of seeding again, which cost 3–5 s per browser test file. Files that pass their own settings seed with
 * them, since the demo's users are made under the settings in force.
 */
function seededDemo(): Promise<SeededDemo> {
  demoTemplate ??= (async () => {
    const fresh = await freshDatabase();
    const config = testConfig(fresh.dataDir);
    const clock = testClock(new Date().toISOString());
    const ctx: Ctx = {
      db: fresh.database.db,
      seam: fresh.database.seam,
      actor: cliActor('e2e'),
      requestId: null,
      log: pino({ level: 'silent' }),
      clock,
      config,
    };
    const { platformId } = await seedDemo(ctx);
    await fresh.database.close();
    return { dataDir: fresh.dataDir, platformId };
  })();
  return demoTemplate;
}

/** A database holding the demo: a copy of the worker's seeded one, or seeded here under the given settings. */
async function demoDatabase(env: Record<string, string> | undefined) {
  if (env) {
    const fresh = await freshDatabase();
    return { ...fresh, seed: true as const, platformId: '' };
  }
  const template = await seededDemo();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'commonlab-e2e-'));
  cpSync(template.dataDir, dataDir, { recursive: true });
  const database = createDatabase({ kind: 'sqlite', file: path.join(dataDir, 'test.sqlite') });
  return {
    database,
    dataDir,
    seed: false as const,
    platformId: template.platformId,
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** The real app (production web build, demo data, fresh database) on a free port, and a headless Chromium. */
export async function startStack(opts: { env?: Record<string, string> } = {}): Promise<Stack> {
  const fresh = await demoDatabase(opts.env);
  // The harness requires no second factor (MFA_REQUIRED_ROLES=none); the MFA test passes the default.
  const config = testConfig(fresh.dataDir, opts.env);
  const clock = testClock(new Date().toISOString());
  const app = await buildApp({
    config,
    database: fresh.database,
    clock,
    webRoot: path.resolve('dist/web'),
    logger: false,
  });
  const ctx: Ctx = {
    db: fresh.database.db,
    seam: fresh.database.seam,
    actor: cliActor('e2e'),
    requestId: null,
    log: app.log,
    clock,
    config,
  };
  const platformId = fresh.seed ? (await seedDemo(ctx)).platformId : fresh.platformId;
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await sharedBrowser();
  const contexts: BrowserContext[] = [];

  return {
    baseUrl,
    app,
    database: fresh.database,
    clock,
    ctx,
    platformId,
    browser,
    async newPage() {
      const context = await browser.newContext({
        baseURL: baseUrl,
        locale: 'en-US',
        viewport: { width: 1440, height: 900 },
        // The app then switches antd's and the charts' animations off (as for any user who asks for it):
        // no click lands on a widget still opening or closing, so no gesture needs repeating.
        reducedMotion: 'reduce',
      });
      contexts.push(context);
      const page = await context.newPage();
      // Script errors and CSP refusals are failures even when the page still looks right.
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text()))
          problems.push(m.text());
      });
      return { page, context, problems };
    },
    async close() {
      // The browser stays for the worker's next file (sharedBrowser); only this file's profiles go.
      for (const c of contexts) await c.close().catch(() => undefined);
      await app.close();
      await fresh.database.close();
      await fresh.drop();
    },
  };
}

/**
 * expect.poll with room for a real browser: vitest's default of one second is shorter than a request's
 * round trip and the re-render after it on a loaded machine.
 */
export const poll = <T>(fn: () => T | Promise<T>, timeout = 10_000) =>
  expect.poll(fn, { timeout, interval: 100 });

/** Signs in through the sign-in form, whatever the current language, and waits for the shell. */
export async function signInAs(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('button[type=submit]').click();
  await page.getByTestId('side-nav').waitFor();
}

/** The side navigation's section titles, in order. */
export async function navGroups(page: Page): Promise<string[]> {
  const nav = page.getByTestId('side-nav');
  await nav.waitFor();
  return (await nav.locator('.ant-menu-submenu-title').allTextContents()).map((s) => s.trim());
}

/** The side navigation's page entries, top-level first and then section by section. */
export async function navLabels(page: Page): Promise<string[]> {
  const nav = page.getByTestId('side-nav');
  await nav.waitFor();
  // The pages only (li.ant-menu-item), not the section titles; every section starts open.
  return (await nav.locator('li.ant-menu-item').allTextContents()).map((s) => s.trim());
}

export async function chooseLanguage(page: Page, name: 'English' | '简体中文'): Promise<void> {
  await page.getByTestId('language-switch').click();
  await page.getByRole('menuitem', { name }).click();
  await poll(() => page.getByTestId('language-switch').textContent()).toContain(name);
}
