import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, setupTestApp, signIn, type TestApp } from '../test/harness.js';
import { seedDemo } from './demo.js';
import { DEMO_PASSWORD } from './demo-users.js';

let t: TestApp;
let nist: string;

beforeAll(async () => {
  t = await setupTestApp();
  nist = (await seedDemo(t.systemCtx())).platformId;
}, 120_000);
afterAll(() => t.close());

describe('demo calls and projects', () => {
  it('has an ATP call open now by the server clock and a past closed one, public in both languages', async () => {
    const list = (await anonymous(t.app).get('/api/calls')).json();
    const atp = list.items.filter((c: { platform: { code: string } }) => c.platform.code === 'ATP');
    expect(atp.map((c: { code: string; effectiveState: string }) => [c.code, c.effectiveState])).toEqual([
      ['ATP-2026-AM', 'open'],
      ['ATP-2025-AM', 'closed'],
    ]);
    const open = (await anonymous(t.app).get(`/api/calls/${atp[0].id}`)).json();
    expect(open.titleZh).toContain('共性技术联合研发计划');
    expect(open.titleEn).toContain('joint R&D call');
    expect(Date.parse(open.closesAt)).toBeGreaterThan(t.clock.now().getTime());
    expect(open.eligibility.map((r: { kind: string }) => r.kind)).toContain('min_cofunding_ratio');
    const officer = await signIn(t.app, 'officer', DEMO_PASSWORD);
    const past = (await officer.get(`/api/calls/${atp[1].id}/manage`)).json();
    expect(past).toMatchObject({ state: 'closed', currency: 'USD' });
  });

  it("registers intramural projects for NIST's labs, once", async () => {
    // The supervisor reads every project of the platform; a lab director only those of their unit.
    const director = await signIn(t.app, 'supervisor', DEMO_PASSWORD);
    const list = (await director.get(`/api/platforms/${nist}/projects?pageSize=100`)).json();
    expect(list.total).toBe(8);
    expect(list.items.every((p: { kind: string; unit: unknown }) => p.kind === 'intramural' && p.unit)).toBe(
      true,
    );
    await seedDemo(t.systemCtx());
    expect((await director.get(`/api/platforms/${nist}/projects`)).json().total).toBe(8);
    expect((await anonymous(t.app).get('/api/calls')).json().total).toBe(2);
  });
});
