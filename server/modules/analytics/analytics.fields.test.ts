import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildField } from '../../test/platform-factories.js';
import { buildDisclosure } from '../ip/ip.fixtures.js';
import { makeResult, publicationBody, technologyBody } from '../results/results.fixtures.js';
import type { AnalyticsView } from './analytics.schema.js';

// The field cut (issue 15): a field takes its sub-fields with it; figures whose records carry no field
// (funding, service requests) are absent rather than the platform's whole figure.
let t: TestApp;
let P: string;
let energy: string;
let solar: string;
let bio: string;
let admin: Client;

const get = (q: string) => admin.get(`/api/analytics?from=2020&to=2021&platformIds=${P}&${q}`);
const figures = async (q: string) => {
  const r = await get(q);
  expect(r.statusCode, r.body).toBe(200);
  return (r.json() as AnalyticsView).platforms[0]!.figures;
};

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  P = (await buildPlatform(ctx, { code: 'ANF' })).id;
  await buildUser(ctx, { username: 'admin-f', roles: ['platform_admin'], platformId: P });
  admin = await signIn(t.app, 'admin-f');
  await admin.put(`/api/platforms/${P}/funding`, {
    rows: [{ year: 2020, source: 'appropriation', amountMinor: 1_000 }],
  });
  energy = (await buildField(ctx, { code: 'energy-f' })).id;
  solar = (await buildField(ctx, { code: 'solar-f', parentId: energy })).id;
  bio = (await buildField(ctx, { code: 'bio-f' })).id;
  // Results: one on the parent field, two on its sub-field (2020, 2021), one on another field, one on none.
  await makeResult(ctx, technologyBody(P, { year: 2020, fieldIds: [energy] }));
  await makeResult(ctx, technologyBody(P, { year: 2020, fieldIds: [solar] }));
  await makeResult(ctx, publicationBody(P, { year: 2021, fieldIds: [solar, bio] }));
  await makeResult(ctx, technologyBody(P, { year: 2021, fieldIds: [bio] }));
  await makeResult(ctx, technologyBody(P, { year: 2021 }));
  // Disclosures: one on the sub-field, one on the other field.
  await buildDisclosure(ctx, P, { receivedDate: '2020-05-01', fieldId: solar });
  await buildDisclosure(ctx, P, { receivedDate: '2021-05-01', fieldId: bio });
});
afterAll(() => t.close());

describe('analytics field cut', () => {
  it('counts every field without a cut', async () => {
    const f = await figures('');
    expect(f.results_published?.byYear).toEqual([2, 3]);
    expect(f.disclosures?.byYear).toEqual([1, 1]);
    expect(f.funding?.total).toBe(1_000);
    expect(f.service_requests?.total).toBe(0);
  });

  it('includes the sub-fields of a parent field', async () => {
    const f = await figures(`fieldId=${energy}`);
    // energy (2020), solar (2020), solar+bio (2021); the bio-only and field-less results are left out.
    expect(f.results_published?.byYear).toEqual([2, 1]);
    expect(f.results_published?.parts.find((p) => p.key === 'technology')?.total).toBe(2);
    expect(f.results_published?.parts.find((p) => p.key === 'publication')?.total).toBe(1);
    expect(f.disclosures?.byYear).toEqual([1, 0]);
    expect(f.projects_by_state?.total).toBe(0);
    expect(f.calls_opened?.total).toBe(0);
  });

  it('cuts to a sub-field alone, and counts a result on two fields once in each', async () => {
    const solarOnly = await figures(`fieldId=${solar}`);
    expect(solarOnly.results_published?.byYear).toEqual([1, 1]);
    const bioOnly = await figures(`fieldId=${bio}`);
    expect(bioOnly.results_published?.byYear).toEqual([0, 2]);
    expect(bioOnly.disclosures?.byYear).toEqual([0, 1]);
  });

  it('leaves out the figures whose records carry no field', async () => {
    const f = await figures(`fieldId=${energy}`);
    expect(f.funding).toBeNull();
    expect(f.service_requests).toBeNull();
    expect(f.enterprises_served).toBeNull();
  });

  it('refuses a field that does not exist at /fieldId', async () => {
    const r = await get('fieldId=00000000-0000-4000-8000-000000000000');
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({
      code: 'analytics.unknown_field',
      errors: [{ pointer: '/fieldId', code: 'analytics.unknown_field' }],
    });
  });
});
