import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, setupTestApp, signIn, type TestApp } from '../../../test/harness.js';
import { buildExpert, buildRunsScenario } from './runs.fixtures.js';

// 批量重新邀请 (issue 12): the officer invites again, in one action, the experts of seats whose
// invitations ran out; each seat is its own transaction, and a seat that cannot be invited is named
// with its reason while the others go ahead.
let t: TestApp;
let A: string;
let officer: Client;
let call: { id: string; platformId: string };
let experts: Awaited<ReturnType<typeof buildRunsScenario>>['experts'];
type SeatRow = { id: string; expertId: string; applicationId: string; state: string; respondBy: string };
const seats = async () => (await officer.get(`/api/calls/${call.id}/seats`)).json().items as SeatRow[];
const reinvite = (c: Client, seatIds: string[]) =>
  c.post(`/api/calls/${call.id}/seats/reinvite`, { seatIds });
const count = async (table: 'notifications' | 'audit_log', where: [string, string]) =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .where(where[0] as never, '=', where[1] as never)
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await setupTestApp();
  ({ platformA: A, call, experts } = await buildRunsScenario(t));
  officer = await signIn(t.app, 'rv-po');
  expect((await officer.put(`/api/calls/${call.id}/review-settings`, { responseDays: 5 })).statusCode).toBe(
    200,
  );
  const runId = (await officer.post(`/api/calls/${call.id}/assignment-runs`, { mode: 'optimal' })).json().id;
  expect((await officer.post(`/api/calls/${call.id}/assignment-runs/${runId}/publish`)).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('batch re-invitation of experts', () => {
  it('invites the expired seats again with a new window; answered, open and unknown seats are named', async () => {
    const all = await seats();
    const accepted = all[0]!;
    const who = experts.find((e) => e.id === accepted.expertId)!;
    expect(
      (await (await signIn(t.app, who.username!)).post(`/api/review-assignments/${accepted.id}/accept`))
        .statusCode,
    ).toBe(200);
    // Still open: not yet.
    const early = await reinvite(officer, [all[1]!.id]);
    expect(early.json().results[0]).toMatchObject({
      ok: false,
      status: 409,
      code: 'assignment.seat_still_open',
    });

    t.clock.advance(6 * 86_400_000);
    officer = await signIn(t.app, 'rv-po');
    const silent = (await seats()).filter((s) => s.state === 'expired');
    expect(silent.length).toBe(all.length - 1);
    const chosen = silent.slice(0, 3).map((s) => s.id);
    const invitedBefore = await count('notifications', ['kind', 'review.invited']);
    const unknown = '00000000-0000-4000-8000-000000000000';
    const res = await reinvite(officer, [accepted.id, ...chosen, unknown]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ succeeded: 3, failed: 2 });
    expect(res.json().results[0]).toMatchObject({
      id: accepted.id,
      ok: false,
      code: 'assignment.seat_answered',
    });
    expect(res.json().results[4]).toMatchObject({ id: unknown, ok: false, status: 404 });

    const after = await seats();
    const window = new Date(t.clock.now().getTime() + 5 * 86_400_000).toISOString();
    for (const id of chosen)
      expect(after.find((s) => s.id === id)).toMatchObject({ state: 'invited', respondBy: window });
    expect(after.find((s) => s.id === accepted.id)?.state).toBe('accepted');
    expect(await count('notifications', ['kind', 'review.invited'])).toBe(invitedBefore + 3);
    expect(await count('audit_log', ['action', 'review.seat_reinvited'])).toBe(3);

    // The re-invited expert answers within the new window.
    const again = experts.find((e) => e.id === after.find((s) => s.id === chosen[0])!.expertId)!;
    const answer = await (await signIn(t.app, again.username!)).post(
      `/api/review-assignments/${chosen[0]}/accept`,
    );
    expect(answer.statusCode, answer.body).toBe(200);
  });

  it('refuses a seat whose application a refill has filled, and callers who may not run the review', async () => {
    t.clock.advance(6 * 86_400_000);
    officer = await signIn(t.app, 'rv-po');
    for (const [category, expertise] of [
      ['academic', 'wind turbine blade fatigue and composite materials'],
      ['industry', 'offshore wind farm operations and maintenance'],
      ['academic', 'battery electrochemistry and lithium-ion cell ageing'],
      ['industry', 'semiconductor packaging and wafer-level testing'],
    ] as const)
      experts.push(await buildExpert(t.systemCtx(), { category, expertise, platformId: A }));
    expect((await officer.post(`/api/calls/${call.id}/refill`)).statusCode).toBe(200);
    const expired = (await seats()).find((s) => s.state === 'expired')!;
    const full = await reinvite(officer, [expired.id]);
    expect(full.json().results[0]).toMatchObject({ ok: false, code: 'assignment.application_full' });
    expect((await reinvite(await signIn(t.app, 'rv-pob'), [expired.id])).statusCode).toBe(403);
    expect((await officer.post(`/api/calls/${call.id}/seats/reinvite`, { seatIds: [] })).statusCode).toBe(
      400,
    );
  });
});
