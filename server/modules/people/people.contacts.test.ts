import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../http/context.js';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { anonymous, type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildOrganisation, buildPerson } from '../../test/platform-factories.js';

// An applicant names each consortium member's contact from this list: names only, never contact details.
let t: TestApp;
let applicant: Client;
let org: string;
let other: string;

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  const A = (await buildPlatform(ctx, { code: 'A' })).id;
  const linked = await buildUser(ctx, { username: 'contact-user' });
  await buildUser(ctx, { username: 'applicant-a', roles: ['applicant'], platformId: A });
  applicant = await signIn(t.app, 'applicant-a');
  org = (await buildOrganisation(ctx, { nameZh: '联合体成员大学' })).id;
  other = (await buildOrganisation(ctx, { nameZh: '别的机构' })).id;
  await buildPerson(ctx, {
    nameZh: '乙联系人',
    organisationId: org,
    email: 'b@example.org',
    phone: '+86 10 8888 6666',
  });
  await buildPerson(ctx, {
    nameZh: '甲联系人',
    nameEn: 'Contact A',
    title: '教授',
    organisationId: org,
    userId: linked.id,
  });
  await buildPerson(ctx, { nameZh: '别处的人', organisationId: other });
});
afterAll(() => t?.close());

describe('GET /api/orgs/:id/contacts', () => {
  it("lists the organisation's people by name to any signed-in user, without contact details", async () => {
    const res = await applicant.get(`/api/orgs/${org}/contacts`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((p: { nameZh: string }) => p.nameZh).sort()).toEqual(
      ['乙联系人', '甲联系人'].sort(),
    );
    const a = body.items.find((p: { nameZh: string }) => p.nameZh === '甲联系人');
    expect(a).toEqual({
      id: expect.any(String),
      nameZh: '甲联系人',
      nameEn: 'Contact A',
      title: '教授',
      hasAccount: true,
    });
    const b = body.items.find((p: { nameZh: string }) => p.nameZh === '乙联系人');
    // Names and whether they have an account; no e-mail or phone field at all.
    expect(Object.keys(b).sort()).toEqual(['hasAccount', 'id', 'nameEn', 'nameZh', 'title']);
    expect(b.hasAccount).toBe(false);
    // (A fixed phone number of digits only once matched a random id of the body.)
    expect(JSON.stringify(body)).not.toMatch(/example\.org|8888 6666/);
  });

  it('answers 404 for an unknown organisation and 401 without sign-in', async () => {
    expect((await applicant.get(`/api/orgs/${newId()}/contacts`)).statusCode).toBe(404);
    expect((await anonymous(t.app).get(`/api/orgs/${org}/contacts`)).statusCode).toBe(401);
  });
});
