import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { type WriteWatch, watchWrites } from '../../test/write-log.js';
import { multipart } from '../imports/imports.fixtures.js';
import {
  buildApplicant,
  buildCall,
  buildContact,
  buildOrg,
  completeDraft,
  docxBytes,
  pdfBytes,
  pngBytes,
  xlsxBytes,
  zipOf,
} from './applications.fixtures.js';

let t: TestApp;
let call: Awaited<ReturnType<typeof buildCall>>;
let lead: Awaited<ReturnType<typeof buildApplicant>>;
let applicant: Client;
let stranger: Client;
let officer: Client;
let id: string;
let govOrg: string;
let govContact: string;
let smeOrg: string;
let smeContact: string;
let writes: WriteWatch;

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  call = await buildCall(ctx, {
    ceilingMinor: 1_000_000,
    eligibility: [
      { kind: 'member_org_types', types: ['enterprise', 'university'] },
      { kind: 'within_ceiling' },
    ],
  });
  lead = await buildApplicant(ctx, call.platformId, (await buildOrg(ctx, 'university')).id);
  govOrg = (await buildOrg(ctx, 'government')).id;
  govContact = (await buildContact(ctx, govOrg)).id;
  smeOrg = (await buildOrg(ctx, 'enterprise')).id;
  smeContact = (await buildContact(ctx, smeOrg)).id;
  const other = await buildApplicant(ctx, call.platformId, (await buildOrg(ctx)).id);
  const po = await buildUser(ctx, { roles: ['program_officer'], platformId: call.platformId });
  applicant = await signIn(t.app, lead.username);
  stranger = await signIn(t.app, other.username);
  officer = await signIn(t.app, po.username);
  id = (await applicant.post(`/api/calls/${call.id}/applications`, {})).json().id;
  const ok = await applicant.put(
    `/api/applications/${id}`,
    completeDraft(call.fieldId, [{ orgId: lead.orgId, contactId: lead.personId, requested: 400_000 }]),
  );
  expect(ok.statusCode, ok.body).toBe(200);
  writes = await watchWrites(t.database);
});
afterAll(() => t.close());

/** The request fails with a problem naming the field, and not one row of any table changes (write-log.ts). */
async function refused(
  send: () => Promise<LightMyRequestResponse>,
  status: number,
  code: string,
  pointer?: { pointer: string; code?: string },
) {
  const before = await writes.counts();
  const res = await send();
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(body.code).toBe(code);
  if (pointer) expect(body.errors).toContainEqual(expect.objectContaining(pointer));
  expect(await writes.counts()).toEqual(before);
  return body;
}

const draft = (members: Parameters<typeof completeDraft>[1]) => completeDraft(call.fieldId, members);
const upload = (c: Client, key: string, bytes: Buffer, name: string) =>
  c.request({
    method: 'POST',
    url: `/api/applications/${id}/attachments?key=${key}`,
    ...multipart(bytes, name),
  });

describe('bad input to applications: 4xx with the field, nothing written', () => {
  it('refuses negative and fractional money', async () => {
    const d = draft([{ orgId: lead.orgId, contactId: lead.personId, requested: 100 }]);
    d.consortium[0]!.requestedMinor = -1;
    await refused(
      () => applicant.put(`/api/applications/${id}`, { consortium: d.consortium }),
      400,
      'request.validation_failed',
      {
        pointer: '/consortium/0/requestedMinor',
      },
    );
    const lines = [{ organisationId: lead.orgId, category: 'equipment', amountMinor: 10.5 }];
    await refused(
      () => applicant.put(`/api/applications/${id}`, { budget: lines }),
      400,
      'request.validation_failed',
      {
        pointer: '/budget/0/amountMinor',
      },
    );
  });

  it('refuses an organisation listed twice and a lead that is not the applicant’s own', async () => {
    const twice = draft([
      { orgId: lead.orgId, contactId: lead.personId, requested: 100 },
      { orgId: smeOrg, contactId: smeContact, requested: 100 },
      { orgId: smeOrg, contactId: smeContact, requested: 100 },
    ]);
    await refused(() => applicant.put(`/api/applications/${id}`, twice), 400, 'request.validation_failed', {
      pointer: '/consortium/2/organisationId',
      code: 'applications.duplicate_member',
    });
    const foreignLead = draft([{ orgId: smeOrg, contactId: smeContact, requested: 100 }]);
    await refused(
      () => applicant.put(`/api/applications/${id}`, foreignLead),
      400,
      'request.validation_failed',
      {
        pointer: '/consortium/0/organisationId',
        code: 'applications.lead_must_be_own',
      },
    );
    const strangersBudget = { budget: [{ organisationId: smeOrg, category: 'labour', amountMinor: 1 }] };
    await refused(
      () => applicant.put(`/api/applications/${id}`, strangersBudget),
      400,
      'request.validation_failed',
      {
        pointer: '/budget/0/organisationId',
        code: 'applications.budget_unknown_member',
      },
    );
  });

  it('refuses attachments that lie about their type, are of a type not asked for, or are too large', async () => {
    await refused(
      () => upload(applicant, 'proposal', pdfBytes(), 'proposal.docx'),
      415,
      'applications.attachment_type_mismatch',
      {
        pointer: '/file',
      },
    );
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]);
    await refused(
      () => upload(applicant, 'proposal', exe, 'proposal.pdf'),
      415,
      'applications.attachment_type_mismatch',
    );
    // A ZIP that is neither DOCX nor XLSX, named .docx.
    const zip = zipOf({ 'readme.txt': 'hello' });
    await refused(
      () => upload(applicant, 'proposal', zip, 'x.docx'),
      415,
      'applications.attachment_type_mismatch',
    );
    await refused(
      () => upload(applicant, 'proposal', xlsxBytes(), 'x.docx'),
      415,
      'applications.attachment_type_mismatch',
    );
    await refused(
      () => upload(applicant, 'proposal', pngBytes(), 'x.png'),
      415,
      'applications.attachment_type_not_allowed',
    );
    const big = Buffer.concat([pdfBytes(), Buffer.alloc(64 * 1024)]);
    await refused(
      () => upload(applicant, 'proposal', big, 'big.pdf'),
      413,
      'applications.attachment_too_large',
      {
        pointer: '/file',
      },
    );
    await refused(
      () => upload(applicant, 'nope', pdfBytes(), 'p.pdf'),
      400,
      'applications.attachment_unknown_key',
      {
        pointer: '/key',
      },
    );
    // Nothing was stored under DATA_DIR for the refused files.
    const dir = path.join(t.config.dataDir, 'attachments');
    expect(readdirSync(t.config.dataDir).includes('attachments') ? readdirSync(dir) : []).toEqual([]);
    expect((await upload(applicant, 'proposal', docxBytes(), '正文.docx')).statusCode).toBe(201);
  });

  it('refuses a budget that does not add up, with the member’s field', async () => {
    const d = draft([{ orgId: lead.orgId, contactId: lead.personId, requested: 400_000 }]);
    d.budget[0]!.amountMinor += 1;
    expect((await applicant.put(`/api/applications/${id}`, { budget: d.budget })).statusCode).toBe(200);
    await refused(
      () => applicant.post(`/api/applications/${id}/submit`),
      422,
      'applications.not_submittable',
      {
        pointer: '/consortium/0/requestedMinor',
        code: 'applications.budget_mismatch',
      },
    );
  });

  it('refuses a consortium with an organisation type the call excludes, naming the rule and the member', async () => {
    const d = draft([
      { orgId: lead.orgId, contactId: lead.personId, requested: 300_000 },
      { orgId: govOrg, contactId: govContact, requested: 100_000 },
    ]);
    expect((await applicant.put(`/api/applications/${id}`, d)).statusCode).toBe(200);
    // The member has not confirmed yet: that is reported as well, so confirm it directly.
    await t.database.db
      .insertInto('application_invitations')
      .values({
        id: crypto.randomUUID(),
        application_id: id,
        organisation_id: govOrg,
        person_id: govContact,
        user_id: null,
        channel: 'email',
        token_hash: null,
        role: '参与',
        requested_minor: 100_000,
        cofunding_minor: 100_000,
        state: 'confirmed',
        note: null,
        invited_by: null,
        invited_at: t.clock.now().toISOString(),
        responded_at: t.clock.now().toISOString(),
        expires_at: '2099-01-01T00:00:00.000Z',
      })
      .execute();
    const elig = (await applicant.get(`/api/applications/${id}/eligibility`)).json();
    expect(elig.outcomes[0]).toMatchObject({
      kind: 'member_org_types',
      passed: false,
      path: '/consortium/1/organisationId',
      params: { type: 'government' },
    });
    const body = await refused(
      () => applicant.post(`/api/applications/${id}/submit`),
      422,
      'applications.ineligible',
      {
        pointer: '/consortium/1/organisationId',
        code: 'eligibility.member_org_types',
      },
    );
    expect(body.rules.map((r: { kind: string }) => r.kind)).toEqual(['member_org_types']);
  });

  it('refuses a request above the ceiling', async () => {
    const d = draft([{ orgId: lead.orgId, contactId: lead.personId, requested: 1_000_001 }]);
    expect((await applicant.put(`/api/applications/${id}`, d)).statusCode).toBe(200);
    await refused(
      () => applicant.post(`/api/applications/${id}/submit`),
      422,
      'applications.not_submittable',
      {
        pointer: '/consortium',
        code: 'applications.over_ceiling',
      },
    );
  });

  it('refuses to submit someone else’s draft: 404 to who cannot see it, the officer included (a draft is the applicant’s)', async () => {
    const d = draft([{ orgId: lead.orgId, contactId: lead.personId, requested: 1000 }]);
    expect((await applicant.put(`/api/applications/${id}`, d)).statusCode).toBe(200);
    await refused(() => stranger.post(`/api/applications/${id}/submit`), 404, 'applications.not_found');
    await refused(
      () => stranger.put(`/api/applications/${id}`, { content: { titleZh: 'x' } }),
      404,
      'applications.not_found',
    );
    await refused(() => officer.post(`/api/applications/${id}/submit`), 404, 'applications.not_found');
  });

  it('refuses edits of a frozen version', async () => {
    expect((await applicant.post(`/api/applications/${id}/submit`)).statusCode).toBe(200);
    // Submitted, the officer sees it and is refused the owner's act.
    await refused(() => officer.post(`/api/applications/${id}/submit`), 403, 'auth.forbidden');
    await refused(
      () => applicant.put(`/api/applications/${id}`, { content: { titleZh: 'x' } }),
      409,
      'applications.frozen',
    );
    await refused(
      () => upload(applicant, 'proposal', pdfBytes('late'), 'late.pdf'),
      409,
      'applications.frozen',
    );
    await refused(
      () => applicant.request({ method: 'DELETE', url: `/api/applications/${id}/attachments?key=proposal` }),
      409,
      'applications.frozen',
    );
    await refused(
      () => officer.post(`/api/applications/${id}/screening`, { answers: [{ key: 'nope', ok: true }] }),
      400,
      'request.validation_failed',
      { pointer: '/answers/0/key' },
    );
  });
});
