import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { setRoles, updateUser } from './users.service.js';

/**
 * The users list reads only the view's columns of a page and the page's roles in one statement
 * (findAccountPage, issue 16 round 13): each user once, in user-name order, with all of their roles
 * (platform, then role) or none, the total of the filter, and only the columns of the view.
 */
let t: TestApp;
let A: string;
let B: string;
let root: Client;
let admin: Client;

type Listed = { username: string; roles: { platformId: string; role: string }[]; disabled: boolean };
const page = async (c: Client, query: string) => {
  const res = await c.get(`/api/users?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json() as { items: Listed[]; total: number };
};
const byPlatformThenRole = (
  a: { platformId: string; role: string },
  b: { platformId: string; role: string },
) => (a.platformId === b.platformId ? a.role.localeCompare(b.role) : a.platformId < b.platformId ? -1 : 1);

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx, { code: 'LA' })).id;
  B = (await buildPlatform(ctx, { code: 'LB' })).id;
  await buildUser(ctx, { username: 'lroot', systemAdmin: true });
  root = await signIn(t.app, 'lroot');
  const pa = await buildUser(ctx, { username: 'ladmin' });
  await setRoles(ctx, pa.id, [{ platformId: A, role: 'platform_admin' }]);
  admin = await signIn(t.app, 'ladmin');
  const many = await buildUser(ctx, { username: 'list-b-many' });
  await setRoles(ctx, many.id, [
    { platformId: B, role: 'expert' },
    { platformId: A, role: 'expert' },
    { platformId: A, role: 'applicant' },
    { platformId: B, role: 'applicant' },
  ]);
  await buildUser(ctx, { username: 'list-a-none' });
  const off = await buildUser(ctx, { username: 'list-c-off' });
  await setRoles(ctx, off.id, [{ platformId: A, role: 'applicant' }]);
  await updateUser(ctx, off.id, { disabled: true });
});
afterAll(() => t.close());

describe('GET /api/users: the page and its roles', () => {
  it('lists each user once, by user name, with every role ordered by platform then role, or none', async () => {
    const { items, total } = await page(root, 'q=list-');
    expect(total).toBe(3);
    expect(items.map((u) => u.username)).toEqual(['list-a-none', 'list-b-many', 'list-c-off']);
    expect(items[0]!.roles).toEqual([]);
    const expected = [
      { platformId: A, role: 'applicant' },
      { platformId: A, role: 'expert' },
      { platformId: B, role: 'applicant' },
      { platformId: B, role: 'expert' },
    ].sort(byPlatformThenRole);
    expect(items[1]!.roles).toEqual(expected);
    expect(items[2]).toMatchObject({ disabled: true, roles: [{ platformId: A, role: 'applicant' }] });
  });

  it('pages by user name: limit and offset count users, not role rows', async () => {
    const first = await page(root, 'q=list-&limit=1');
    const second = await page(root, 'q=list-&limit=1&offset=1');
    const third = await page(root, 'q=list-&limit=2&offset=2');
    expect([first, second, third].map((p) => p.total)).toEqual([3, 3, 3]);
    expect(first.items.map((u) => u.username)).toEqual(['list-a-none']);
    expect(second.items.map((u) => u.username)).toEqual(['list-b-many']);
    expect(second.items[0]!.roles).toHaveLength(4);
    expect(third.items.map((u) => u.username)).toEqual(['list-c-off']);
  });

  it('shows only the columns of the view, never the password hash or the counters', async () => {
    const { items } = await page(root, 'q=list-b');
    expect(Object.keys(items[0]!).sort()).toEqual(
      [
        'createdAt',
        'disabled',
        'displayName',
        'email',
        'id',
        'isAuditAdmin',
        'isSecurityAdmin',
        'isSystemAdmin',
        'lockedUntil',
        'roles',
        'username',
      ].sort(),
    );
  });

  it('a platform admin sees the role holders of their platform, and only the roles there', async () => {
    const { items, total } = await page(admin, 'q=list-');
    expect(total).toBe(2);
    expect(items.map((u) => u.username)).toEqual(['list-b-many', 'list-c-off']);
    expect(items[0]!.roles).toEqual([
      { platformId: A, role: 'applicant' },
      { platformId: A, role: 'expert' },
    ]);
  });
});
