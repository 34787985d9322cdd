import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, setupTestApp, signIn, type TestApp } from '../test/harness.js';
import { seedDemo } from './demo.js';
import { seedNistServices } from './demo-services.js';
import { DEMO_PASSWORD } from './demo-users.js';

let t: TestApp;
let nist: string;

beforeAll(async () => {
  t = await setupTestApp();
  nist = (await seedDemo(t.systemCtx())).platformId;
}, 180_000);
afterAll(() => t.close());

describe('demo services', () => {
  it("publishes NIST's services and gives the enterprise account requests in every stage", async () => {
    const catalog = (await anonymous(t.app).get(`/api/public/platforms/${nist}/services?q=neutron`)).json();
    expect(catalog.items.map((s: { nameZh: string }) => s.nameZh)).toEqual(['中子束流机时']);
    const ent = await signIn(t.app, 'enterprise', DEMO_PASSWORD);
    const mine = (await ent.get(`/api/service-requests?platformId=${nist}`)).json();
    expect(mine.items.map((r: { state: string }) => r.state).sort()).toEqual([
      'cancelled',
      'closed',
      'delivered',
      'in_progress',
      'quoted',
      'submitted',
    ]);
    expect(mine.items.find((r: { state: string }) => r.state === 'in_progress').overdue).toBe(true);
    expect(mine.items.find((r: { state: string }) => r.state === 'closed').survey).toMatchObject({
      due: true,
      answered: true,
    });
    const director = await signIn(t.app, 'director', DEMO_PASSWORD);
    const queue = (await director.get(`/api/service-requests?platformId=${nist}&view=unit`)).json();
    expect(queue.items.map((r: { state: string }) => r.state)).toEqual(['in_progress']);
    // Seeding again adds nothing.
    await seedNistServices(t.systemCtx(), nist);
    expect((await ent.get(`/api/service-requests?platformId=${nist}`)).json().total).toBe(6);
  });
});
