import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, signIn, type TestApp } from '../test/harness.js';
import { seedDemo } from './demo.js';
import { DEMO_PASSWORD } from './demo-users.js';

let t: TestApp;
beforeAll(async () => {
  t = await setupTestApp();
  await seedDemo(t.systemCtx());
}, 120_000);
afterAll(() => t.close());

describe('demo applications', () => {
  it('gives the demo applicant a submitted application with a confirmed partner, and a draft', async () => {
    const applicant = await signIn(t.app, 'applicant', DEMO_PASSWORD);
    const list = (await applicant.get('/api/applications?sort=state&order=asc')).json();
    expect(list.total).toBe(2);
    expect(list.counts).toMatchObject({ draft: 1, submitted: 1 });
    const submitted = list.items.find((a: { state: string }) => a.state === 'submitted');
    expect(submitted.receiptNo).toMatch(/^ATP-\d{4}-AM-0001$/);
    const view = (await applicant.get(`/api/applications/${submitted.id}`)).json();
    expect(view.consortium.map((m: { confirmation: string }) => m.confirmation)).toEqual([
      'not_needed',
      'confirmed',
    ]);
    expect(view.attachments.map((a: { type: string }) => a.type).sort()).toEqual(['pdf', 'xlsx']);
    // The demo officer of ATP sees the submitted one, not the draft (a draft is the applicant's own until
    // it is submitted: docs/applications.md); seeding again adds nothing.
    const officer = await signIn(t.app, 'officer', DEMO_PASSWORD);
    const officers = (await officer.get(`/api/applications?callId=${submitted.callId}`)).json();
    expect(officers.items.map((a: { id: string }) => a.id)).toEqual([submitted.id]);
    await seedDemo(t.systemCtx());
    expect((await applicant.get('/api/applications')).json().total).toBe(2);
  });
});
