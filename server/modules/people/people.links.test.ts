import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildPerson, buildUnit } from '../../test/platform-factories.js';
import { buildClosedCall, buildExpert, buildInReview } from '../review/runs/runs.fixtures.js';
import { buildRun, buildSeat } from '../review/scoring/scoring.fixtures.js';

/**
 * Linking a person record to a user account (issue 10, items 1 and 2): a platform admin only proposes,
 * the account's owner accepts; an expert's seats never move to another account behind their back.
 */
let t: TestApp;
let A: string;
let B: string;
let root: Client;
let adminA: Client;
let adminB: Client;
let expertClient: Client;
let stranger: Client;
let adminAId: string;
let strangerId: string;
let expert: { personId: string; userId: string | null };
let directorOfA: string;
let directorUserId: string;

const userOf = async (personId: string) =>
  (
    await t.database.db
      .selectFrom('people')
      .select('user_id')
      .where('id', '=', personId)
      .executeTakeFirstOrThrow()
  ).user_id;
const seatsOf = async (c: Client) => (await c.get('/api/my-reviews')).json().items.length as number;
const notificationsOf = async (userId: string, kind: string) =>
  t.database.db
    .selectFrom('notifications')
    .select(['kind', 'params_json'])
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .execute();
const auditOf = async (personId: string) =>
  (
    await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', personId)
      .orderBy('seq')
      .execute()
  ).map((r) => r.action);

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx)).id;
  B = (await buildPlatform(ctx)).id;
  await buildUser(ctx, { username: 'root', systemAdmin: true });
  adminAId = (await buildUser(ctx, { username: 'admin-a', roles: ['platform_admin'], platformId: A })).id;
  await buildUser(ctx, { username: 'admin-b', roles: ['platform_admin'], platformId: B });
  strangerId = (await buildUser(ctx, { username: 'stranger', roles: ['researcher'], platformId: A })).id;
  // An expert reviewing on B's call, as 吴芳 reviews on ATP in the demo.
  const call = await buildClosedCall(ctx, { platformId: B });
  const app = await buildInReview(ctx, call, { title: '储能', summary: 'storage' });
  const built = await buildExpert(ctx, { category: 'academic', expertise: 'storage', platformId: B });
  expert = built;
  const run = await buildRun(ctx, call.id);
  await buildSeat(ctx, {
    callId: call.id,
    applicationId: app.id,
    expertId: built.id,
    runId: run,
    label: 'R1',
  });
  directorUserId = (await buildUser(ctx, { roles: ['lab_director'], platformId: A })).id;
  directorOfA = (await buildPerson(ctx, { nameZh: '主任甲', userId: directorUserId })).id;
  await buildUnit(ctx, { platformId: A, directorPersonId: directorOfA });
  root = await signIn(t.app, 'root');
  adminA = await signIn(t.app, 'admin-a');
  adminB = await signIn(t.app, 'admin-b');
  expertClient = await signIn(t.app, built.username!);
  stranger = await signIn(t.app, 'stranger');
});
afterAll(() => t.close());

describe('taking over an expert (item 1)', () => {
  it('refuses a platform admin who links an expert’s person to their own account; the seats stay', async () => {
    expect(await seatsOf(adminA)).toBe(0);
    expect(await seatsOf(expertClient)).toBe(1);
    const res = await adminA.patch(`/api/people/${expert.personId}`, { userId: adminAId });
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json()).toMatchObject({
      code: 'people.link_needs_consent',
      errors: [{ pointer: '/userId', code: 'people.link_needs_consent' }],
    });
    expect(await userOf(expert.personId)).toBe(expert.userId);
    expect(await seatsOf(adminA)).toBe(0);
    expect(await seatsOf(expertClient)).toBe(1);
  });

  it('refuses unlinking by a platform admin too, and creating a person already linked to an account', async () => {
    const unlink = await adminA.patch(`/api/people/${directorOfA}`, { userId: null });
    expect(unlink.statusCode).toBe(403);
    expect(unlink.json().code).toBe('people.link_needs_consent');
    expect(await userOf(directorOfA)).toBe(directorUserId);
    // Contacts of their own lab director stay theirs to keep.
    expect((await adminA.patch(`/api/people/${directorOfA}`, { phone: '+1 301 975 2001' })).statusCode).toBe(
      200,
    );
    const created = await adminA.post('/api/people', { nameZh: '冒名', userId: strangerId });
    expect(created.statusCode).toBe(403);
    expect(created.json().code).toBe('people.link_needs_consent');
  });

  it('refuses even a system admin moving an expert with seats to another account, unless history is moved deliberately', async () => {
    const plain = await root.patch(`/api/people/${expert.personId}`, { userId: strangerId });
    expect(plain.statusCode).toBe(409);
    expect(plain.json()).toMatchObject({
      code: 'people.link_has_history',
      history: { seats: 1, scorecards: 0 },
      errors: [{ pointer: '/userId' }],
    });
    const unlink = await root.patch(`/api/people/${expert.personId}`, { userId: null });
    expect(unlink.statusCode).toBe(409);
    expect(await userOf(expert.personId)).toBe(expert.userId);
    // A platform admin cannot use the deliberate path.
    const sneaky = await adminB.patch(`/api/people/${expert.personId}`, {
      userId: adminAId,
      moveHistory: true,
    });
    expect(sneaky.statusCode).toBe(403);
    expect(await seatsOf(expertClient)).toBe(1);
  });

  it('lets a system admin link an unlinked person directly, audited and told to the account', async () => {
    const person = await buildPerson(t.systemCtx(), { nameZh: '直连' });
    const res = await root.patch(`/api/people/${person.id}`, { userId: strangerId });
    expect(res.statusCode, res.body).toBe(200);
    expect(await userOf(person.id)).toBe(strangerId);
    expect(await auditOf(person.id)).toEqual(['person.created', 'person.updated', 'person.linked']);
    expect(await notificationsOf(strangerId, 'person.linked')).toHaveLength(1);
    const unlink = await root.patch(`/api/people/${person.id}`, { userId: null });
    expect(unlink.statusCode).toBe(200);
    expect(await auditOf(person.id)).toContain('person.unlinked');
    expect(await notificationsOf(strangerId, 'person.unlinked')).toHaveLength(1);
  });
});

describe('links made from the command line', () => {
  it('are audited but told to nobody: the demo seed links every demo account that way', async () => {
    const user = await buildUser(t.systemCtx(), {});
    const person = await buildPerson(t.systemCtx(), { userId: user.id });
    expect(await auditOf(person.id)).toEqual(['person.created', 'person.linked']);
    expect(await notificationsOf(user.id, 'person.linked')).toEqual([]);
  });
});

describe('proposing a link that the account’s owner accepts', () => {
  it('records a proposal the owner sees, accepts or declines; nobody else can answer it', async () => {
    const ctx = t.systemCtx();
    const person = (await buildPerson(ctx, { nameZh: '待确认' })).id;
    await buildUnit(ctx, { platformId: A, directorPersonId: person });
    const proposed = await adminA.post(`/api/people/${person}/link-requests`, { userId: strangerId });
    expect(proposed.statusCode, proposed.body).toBe(201);
    expect(proposed.json()).toMatchObject({ personId: person, userId: strangerId, state: 'pending' });
    expect(await userOf(person)).toBeNull();
    expect(await notificationsOf(strangerId, 'person.link_proposed')).toHaveLength(1);

    const mine = (await stranger.get('/api/me/person-links')).json().items;
    expect(mine).toEqual([
      expect.objectContaining({
        id: proposed.json().id,
        person: expect.objectContaining({ nameZh: '待确认' }),
      }),
    ]);
    expect((await adminA.get('/api/me/person-links')).json().items).toEqual([]);
    expect((await adminA.post(`/api/me/person-links/${proposed.json().id}/accept`)).statusCode).toBe(404);

    const accepted = await stranger.post(`/api/me/person-links/${proposed.json().id}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ state: 'accepted' });
    expect(await userOf(person)).toBe(strangerId);
    expect(await auditOf(person)).toEqual(expect.arrayContaining(['person.link_proposed', 'person.linked']));
    expect((await stranger.get('/api/me/person-links')).json().items).toEqual([]);
    // Answered once: a second answer is refused.
    expect((await stranger.post(`/api/me/person-links/${proposed.json().id}/decline`)).statusCode).toBe(409);
  });

  it('leaves the person unlinked when declined', async () => {
    const ctx = t.systemCtx();
    const person = (await buildPerson(ctx, { nameZh: '拒绝' })).id;
    await buildUnit(ctx, { platformId: A, directorPersonId: person });
    const other = await buildUser(ctx, { username: 'declines', roles: ['researcher'], platformId: A });
    const proposed = await adminA.post(`/api/people/${person}/link-requests`, { userId: other.id });
    const declines = await signIn(t.app, 'declines');
    const res = await declines.post(`/api/me/person-links/${proposed.json().id}/decline`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'declined' });
    expect(await userOf(person)).toBeNull();
    expect(await auditOf(person)).toContain('person.link_declined');
  });

  it('refuses to propose for a person who already has an account, or an account already linked', async () => {
    const already = await adminB.post(`/api/people/${expert.personId}/link-requests`, { userId: adminAId });
    expect(already.statusCode).toBe(403);
    const ctx = t.systemCtx();
    const person = (await buildPerson(ctx, { nameZh: '已有账号' })).id;
    await buildUnit(ctx, { platformId: A, directorPersonId: person });
    const taken = await adminA.post(`/api/people/${person}/link-requests`, { userId: expert.userId });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('people.user_already_linked');
    const notMine = await adminB.post(`/api/people/${person}/link-requests`, { userId: strangerId });
    expect(notMine.statusCode).toBe(403);
  });
});

describe('a committee seat grants no control of the record (item 2)', () => {
  it('keeps another platform’s director out of reach after adding him to the committee', async () => {
    const ctx = t.systemCtx();
    const director = (await buildPerson(ctx, { nameZh: '主任乙', email: 'director@a.example' })).id;
    await buildUnit(ctx, { platformId: A, directorPersonId: director });
    expect((await adminB.patch(`/api/people/${director}`, { email: 'x@b.example' })).statusCode).toBe(403);
    const added = await adminB.post(`/api/platforms/${B}/committee`, {
      personId: director,
      category: 'industry',
      termStart: '2025-01-01',
    });
    expect(added.statusCode, added.body).toBe(201);
    const edit = await adminB.patch(`/api/people/${director}`, { email: 'x@b.example', userId: null });
    expect(edit.statusCode).toBe(403);
    expect((await adminB.patch(`/api/people/${director}`, { email: 'x@b.example' })).statusCode).toBe(403);
    expect((await adminB.delete(`/api/people/${director}`)).statusCode).toBe(403);
    // His record stays with the platform whose unit he works in.
    expect((await adminA.patch(`/api/people/${director}`, { title: 'Director' })).statusCode).toBe(200);
    expect((await root.patch(`/api/people/${director}`, { title: 'Director' })).statusCode).toBe(200);
    const row = await t.database.db
      .selectFrom('people')
      .select('email')
      .where('id', '=', director)
      .executeTakeFirstOrThrow();
    expect(row.email).toBe('director@a.example');
  });
});
