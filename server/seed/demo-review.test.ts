import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, signIn, type TestApp } from '../test/harness.js';
import { seedDemo } from './demo.js';
import { DEMO_REVIEW_APPLICATIONS } from './demo-review.data.js';
import { DEMO_PASSWORD } from './demo-users.js';

let t: TestApp;
beforeAll(async () => {
  t = await setupTestApp();
  await seedDemo(t.systemCtx());
}, 120_000);
afterAll(() => t.close());

describe('demo review call', () => {
  it("puts last year's ATP call, closed, with fourteen screened consortia asking for more than its budget", async () => {
    const officer = await signIn(t.app, 'officer', DEMO_PASSWORD);
    const year = t.clock.now().getUTCFullYear();
    const call = await t
      .systemCtx()
      .db.selectFrom('calls')
      .select(['id', 'state', 'budget_total_minor'])
      .where('code', '=', `ATP-${year - 1}-AM`)
      .executeTakeFirstOrThrow();
    expect(call.state).toBe('closed');
    const list = (await officer.get(`/api/applications?callId=${call.id}&limit=200`)).json();
    expect(list.total).toBe(DEMO_REVIEW_APPLICATIONS.length);
    expect(list.counts).toMatchObject({
      in_review: DEMO_REVIEW_APPLICATIONS.length,
      submitted: 0,
      screening: 0,
    });
    const requested = list.items.reduce(
      (s: number, a: { requestedTotalMinor: number }) => s + a.requestedTotalMinor,
      0,
    );
    expect(requested).toBe(22_500_000_00);
    expect(requested).toBeGreaterThan(Number(call.budget_total_minor));
    // Each was submitted while the call was open, by its own lead's account, with a confirmed partner.
    const owners = await t
      .systemCtx()
      .db.selectFrom('applications')
      .select(['owner_user_id', 'submitted_at'])
      .where('call_id', '=', call.id)
      .execute();
    expect(new Set(owners.map((o) => o.owner_user_id)).size).toBe(DEMO_REVIEW_APPLICATIONS.length);
    const view = (await officer.get(`/api/applications/${list.items[0].id}`)).json();
    expect(view.consortium.map((m: { confirmation: string }) => m.confirmation)).toEqual([
      'not_needed',
      'confirmed',
    ]);
    // Seeding again adds nothing.
    await seedDemo(t.systemCtx());
    expect((await officer.get(`/api/applications?callId=${call.id}`)).json().total).toBe(
      DEMO_REVIEW_APPLICATIONS.length,
    );
  });
});
