import { afterAll, beforeAll } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildField } from '../../test/platform-factories.js';

/**
 * The calls tests' world: platform A (a PPP programme) with its officer, admin and a researcher, an
 * officer of platform B, one technology field, and a call draft to post. The bindings are live: `at`
 * signs the officer and the admin in again after moving the clock. `setUpCallsWorld()` builds it before
 * the file's tests and closes it after.
 */
export let t: TestApp;
export let A: string;
export let field: string;
export let officer: Client;
export let admin: Client;
export let researcher: Client;
export let officerB: Client;
let n = 0;

// The test clock starts at 2026-06-01T08:00:00Z.
export const draft = (o: Record<string, unknown> = {}) => ({
  code: `C${n++}`,
  titleZh: '先进制造共性技术研发计划',
  titleEn: 'Advanced manufacturing generic technology call',
  summaryZh: '支持轻金属制造与3D打印共性技术。',
  opensAt: '2026-06-10T00:00:00Z',
  closesAt: '2026-07-10T09:00:00+08:00',
  budgetTotalMinor: 50_000_000_00,
  ceilingMinor: 5_000_000_00,
  fieldIds: [field],
  ...o,
});

/** A call code not used before in this file. */
export const uniqueCode = (prefix: string) => `${prefix}${n++}`;

export async function callCount() {
  const r = await t.database.db
    .selectFrom('calls')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export function setUpCallsWorld() {
  beforeAll(async () => {
    t = await setupTestApp();
    const ctx = t.systemCtx();
    A = (await buildPlatform(ctx, { model: 'ppp_program' })).id;
    const B = (await buildPlatform(ctx)).id;
    field = (await buildField(ctx)).id;
    await buildUser(ctx, { username: 'po', roles: ['program_officer'], platformId: A });
    await buildUser(ctx, { username: 'pa', roles: ['platform_admin'], platformId: A });
    await buildUser(ctx, { username: 'rs', roles: ['researcher'], platformId: A });
    await buildUser(ctx, { username: 'pob', roles: ['program_officer'], platformId: B });
    officer = await signIn(t.app, 'po');
    admin = await signIn(t.app, 'pa');
    researcher = await signIn(t.app, 'rs');
    officerB = await signIn(t.app, 'pob');
  });
  afterAll(() => t.close());
}

/** Sessions follow the test clock: sign in again after moving it. */
export async function at(iso: string) {
  t.clock.set(iso);
  officer = await signIn(t.app, 'po');
  admin = await signIn(t.app, 'pa');
}
