import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../db/audit-chain.js';
import { buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildPerson } from '../../test/platform-factories.js';
import { multipart, readXlsx } from '../imports/imports.fixtures.js';
import {
  buildApplicant,
  buildCall,
  buildContact,
  buildOrg,
  completeDraft,
  pdfBytes,
} from './applications.fixtures.js';
import { inviteMember } from './applications.invitations.js';

let t: TestApp;
let call: Awaited<ReturnType<typeof buildCall>>;
let lead: Awaited<ReturnType<typeof buildApplicant>>;
let memberOrg: string;
let memberUser: { id: string; username: string };
let memberContact: string;
let applicant: Client;
let member: Client;
let officer: Client;
let stranger: Client;
let officerUsername: string;
let strangerUsername: string;

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  call = await buildCall(ctx, {
    eligibility: [
      { kind: 'min_consortium_size', min: 2 },
      { kind: 'must_include_enterprise' },
      { kind: 'within_ceiling' },
    ],
  });
  lead = await buildApplicant(ctx, call.platformId, (await buildOrg(ctx, 'university')).id);
  memberOrg = (await buildOrg(ctx, 'enterprise', 'sme')).id;
  memberUser = await buildUser(ctx, { roles: ['enterprise_user'], platformId: call.platformId });
  memberContact = (await buildContact(ctx, memberOrg, memberUser.id)).id;
  const officerUser = await buildUser(ctx, { roles: ['program_officer'], platformId: call.platformId });
  const other = await buildApplicant(ctx, call.platformId, (await buildOrg(ctx)).id);
  applicant = await signIn(t.app, lead.username);
  member = await signIn(t.app, memberUser.username);
  officerUsername = officerUser.username;
  strangerUsername = other.username;
  officer = await signIn(t.app, officerUser.username);
  stranger = await signIn(t.app, other.username);
});
afterAll(() => t.close());

const upload = (c: Client, id: string, key: string, bytes: Buffer, name: string) =>
  c.request({
    method: 'POST',
    url: `/api/applications/${id}/attachments?key=${key}`,
    ...multipart(bytes, name),
  });

describe('an application from draft to screening', () => {
  let id: string;

  it('starts a draft led by the applicant’s own organisation, partial content allowed', async () => {
    const res = await applicant.post(`/api/calls/${call.id}/applications`, {
      content: { titleZh: '草稿标题' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const app = res.json();
    id = app.id;
    expect(app).toMatchObject({ state: 'draft', versionNo: 1, titleZh: '草稿标题', callCode: call.code });
    expect(app.consortium).toHaveLength(1);
    expect(app.consortium[0]).toMatchObject({
      organisation: { id: lead.orgId },
      contact: { id: lead.personId },
      confirmation: 'not_needed',
    });
    expect(app.access).toMatchObject({ canEdit: true, canScreen: false });
    // The audit entry records the columns by name (snake_case), as it always has.
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('entity_id', '=', id)
      .where('action', '=', 'application.created')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json!)).toEqual({
      callId: call.id,
      leadOrgId: lead.orgId,
      title_zh: '草稿标题',
      title_en: null,
      field_id: null,
      requested_total_minor: 0,
    });
  });

  it('shows each eligibility rule’s outcome and what is missing before submitting', async () => {
    const res = await applicant.get(`/api/applications/${id}/eligibility`);
    expect(res.statusCode).toBe(200);
    const e = res.json();
    expect(e.eligible).toBe(false);
    expect(e.outcomes.map((o: { kind: string; passed: boolean }) => [o.kind, o.passed])).toEqual([
      ['min_consortium_size', false],
      ['must_include_enterprise', false],
      ['within_ceiling', true],
    ]);
    expect(e.problems).toContainEqual({ pointer: '/content/fieldId', code: 'applications.required' });
    expect(e.problems).toContainEqual({
      pointer: '/attachments/proposal',
      code: 'applications.attachment_missing',
    });
  });

  it('refuses to submit an incomplete application with the failing fields, writing nothing', async () => {
    const res = await applicant.post(`/api/applications/${id}/submit`);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('applications.not_submittable');
    const row = await t.database.db
      .selectFrom('applications')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('draft');
    expect(await t.database.db.selectFrom('call_receipt_counters').selectAll().execute()).toEqual([]);
  });

  it('saves the full draft, takes the attachment and gets the member’s confirmation in the app', async () => {
    const draft = completeDraft(call.fieldId, [
      { orgId: lead.orgId, contactId: lead.personId, requested: 3_000_000 },
      { orgId: memberOrg, contactId: memberContact, requested: 2_000_000 },
    ]);
    const saved = await applicant.put(`/api/applications/${id}`, draft);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ requestedTotalMinor: 5_000_000, titleEn: draft.content.titleEn });
    expect(saved.json().consortium[1].confirmation).toBe('not_invited');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('entity_id', '=', id)
      .where('action', '=', 'application.draft_saved')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json!)).toMatchObject({
      versionNo: 1,
      title_en: draft.content.titleEn,
      requested_total_minor: 5_000_000,
    });

    const file = await upload(applicant, id, 'proposal', pdfBytes('v1'), '申报书.pdf');
    expect(file.statusCode, file.body).toBe(201);
    expect(file.json()).toMatchObject({
      type: 'pdf',
      sha256: createHash('sha256').update(pdfBytes('v1')).digest('hex'),
    });

    const inv = await applicant.post(`/api/applications/${id}/invitations`, { organisationId: memberOrg });
    expect(inv.statusCode, inv.body).toBe(201);
    expect(inv.json()).toMatchObject({ channel: 'in_app', state: 'pending' });
    const mine = await member.get('/api/invitations');
    expect(mine.json().items.map((i: { id: string }) => i.id)).toEqual([inv.json().id]);
    const notes = await t.database.db
      .selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', memberUser.id)
      .execute();
    expect(notes.map((n) => n.kind)).toContain('application.member_invited');
    // Before confirming, the member's contact does not see the application itself.
    expect((await member.get(`/api/applications/${id}`)).statusCode).toBe(404);
    const ok = await member.post(`/api/invitations/${inv.json().id}/respond`, { accept: true });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await member.get(`/api/applications/${id}`)).statusCode).toBe(200);
    // The draft has no receipt number yet: the applicant's notice names it by its title, not by an id.
    const told = (await applicant.get('/api/me/notifications')).json().items[0];
    expect(told.kind).toBe('application.member_confirmed');
    expect([draft.content.titleZh, draft.content.titleEn].some((x) => told.subject.endsWith(x))).toBe(true);
    expect(told.body).not.toContain(id.slice(-8));
    const again = await member.post(`/api/invitations/${inv.json().id}/respond`, { accept: false });
    expect(again.statusCode).toBe(409);

    const e = (await applicant.get(`/api/applications/${id}/eligibility`)).json();
    expect(e).toMatchObject({ eligible: true, problems: [] });
  });

  it('submits before the deadline: frozen version, checksum and receipt', async () => {
    const res = await applicant.post(`/api/applications/${id}/submit`);
    expect(res.statusCode, res.body).toBe(200);
    const receipt = res.json();
    expect(receipt).toMatchObject({ receiptNo: `${call.code}-0001`, versionNo: 1, callCode: call.code });
    expect(receipt.submittedAt).toBe(t.clock.now().toISOString());
    const v = (await applicant.get(`/api/applications/${id}/snapshot?versionNo=1`)).json();
    const stored = await t.database.db
      .selectFrom('application_versions')
      .select('snapshot_json')
      .where('application_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(createHash('sha256').update(stored.snapshot_json!).digest('hex')).toBe(receipt.checksum);
    expect(v.checksum).toBe(receipt.checksum);
    expect(v.snapshot.consortium).toHaveLength(2);
    expect(v.snapshot.attachments[0]).toMatchObject({ key: 'proposal', type: 'pdf' });
    const txt = await applicant.get(`/api/applications/${id}/receipt.txt`);
    expect(txt.headers['content-type']).toMatch(/^text\/plain/);
    expect(txt.body).toContain(receipt.checksum);
    expect(txt.body).toContain(`${call.code}-0001`);
  });

  it('refuses edits of the frozen version with 409 and writes nothing', async () => {
    const before = await t.database.db.selectFrom('application_members').selectAll().execute();
    const res = await applicant.put(`/api/applications/${id}`, { content: { titleZh: '改' } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'applications.frozen', state: 'submitted' });
    expect((await upload(applicant, id, 'proposal', pdfBytes('x'), 'x.pdf')).statusCode).toBe(409);
    expect((await applicant.post(`/api/applications/${id}/submit`)).json()).toMatchObject({
      code: 'applications.illegal_transition',
      state: 'submitted',
    });
    expect(await t.database.db.selectFrom('application_members').selectAll().execute()).toEqual(before);
  });

  it('is screened by the platform’s officer: returned with reasons, then resubmitted and passed', async () => {
    expect((await applicant.post(`/api/applications/${id}/screening`, { answers: [] })).statusCode).toBe(403);
    const noReason = await officer.post(`/api/applications/${id}/screening`, {
      answers: [],
      outcome: 'return',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].pointer).toBe('/reasons');
    const ret = await officer.post(`/api/applications/${id}/screening`, {
      answers: [{ key: 'signed', ok: false, note: '缺少盖章' }],
      outcome: 'return',
      reasons: '请补充盖章页',
    });
    expect(ret.statusCode, ret.body).toBe(200);
    const returned = ret.json();
    expect(returned).toMatchObject({ state: 'returned', versionNo: 2 });
    expect(returned.resubmitDeadline).toBe(new Date(t.clock.now().getTime() + 5 * 86_400_000).toISOString());
    expect(returned.transitions.map((x: { toState: string }) => x.toState)).toEqual([
      'draft',
      'submitted',
      'screening',
      'returned',
    ]);
    const kinds = await t.database.db
      .selectFrom('notifications')
      .select(['kind', 'user_id'])
      .where('kind', '=', 'application.returned')
      .execute();
    expect(kinds.map((k) => k.user_id).sort()).toEqual([lead.userId, memberUser.id].sort());

    // The call closes; the correction window still allows the resubmission.
    t.clock.advance(8 * 86_400_000 - 5 * 86_400_000);
    // Sessions idle out over days; sign in again.
    applicant = await signIn(t.app, lead.username);
    member = await signIn(t.app, memberUser.username);
    officer = await signIn(t.app, officerUsername);
    stranger = await signIn(t.app, strangerUsername);
    const edit = await applicant.put(`/api/applications/${id}`, {
      content: { ...completeDraft(call.fieldId, []).content, titleZh: '修改后' },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const re = await applicant.post(`/api/applications/${id}/submit`);
    expect(re.statusCode, re.body).toBe(200);
    expect(re.json()).toMatchObject({ versionNo: 2, receiptNo: `${call.code}-0002`, titleZh: '修改后' });
    const v1 = await applicant.get(`/api/applications/${id}?versionNo=1`);
    expect(v1.json().content.titleZh).toBe('面向工业现场的智能传感器');

    const pass = await officer.post(`/api/applications/${id}/screening`, {
      answers: [{ key: 'signed', ok: true }],
      outcome: 'pass',
    });
    expect(pass.json().state).toBe('in_review');
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('lists only what the caller may see, with counts by state, and exports the same', async () => {
    const own = (await applicant.get('/api/applications')).json();
    expect(own.items.map((a: { id: string }) => a.id)).toEqual([id]);
    expect((await member.get('/api/applications')).json().total).toBe(1);
    const theirs = (await stranger.get(`/api/applications?callId=${call.id}`)).json();
    expect(theirs).toMatchObject({ total: 0, items: [] });
    expect(theirs.counts.in_review).toBe(0);
    expect((await stranger.get(`/api/applications/${id}`)).statusCode).toBe(404);
    const all = (await officer.get(`/api/applications?callId=${call.id}&state=in_review`)).json();
    expect(all.total).toBe(1);
    expect(all.counts).toMatchObject({ in_review: 1, draft: 0 });
    const xlsx = await officer.get(`/api/applications/export.xlsx?callId=${call.id}`);
    const sheet = Object.values(await readXlsx(xlsx.rawPayload))[0]!;
    expect(sheet).toHaveLength(2);
    expect(sheet[1]).toContain(id);
    const none = await stranger.get('/api/applications/export.xlsx');
    expect(Object.values(await readXlsx(none.rawPayload))[0]).toHaveLength(1);
  });

  it("keeps an applicant's draft from the officers, in lists, counts, export and by id, until it is submitted", async () => {
    const ctx = t.systemCtx();
    const other = await buildApplicant(ctx, call.platformId, (await buildOrg(ctx)).id);
    const owner = await signIn(t.app, other.username);
    const draftId = (
      await owner.post(`/api/calls/${call.id}/applications`, { content: { titleZh: '未提交' } })
    ).json().id;
    const fileId = (await upload(owner, draftId, 'proposal', pdfBytes('draft'), '草稿.pdf')).json().id;
    const admin = await signIn(t.app, (await buildUser(ctx, { systemAdmin: true })).username);
    const platformAdmin = await signIn(
      t.app,
      (await buildUser(ctx, { roles: ['platform_admin'], platformId: call.platformId })).username,
    );
    const byId = [`/api/applications/${draftId}`, `/api/applications/${draftId}/eligibility`];
    const file = `/api/applications/${draftId}/files/${fileId}`;
    for (const c of [officer, platformAdmin, admin]) {
      // By id as in the list: not there (404, the same answer as for an id that does not exist).
      for (const url of [...byId, file]) {
        const res = await c.get(url);
        expect(res.statusCode, url).toBe(404);
        expect(res.json().code).toBe('applications.not_found');
      }
      const edit = await c.put(`/api/applications/${draftId}`, { content: { titleZh: '改' } });
      expect(edit.statusCode).toBe(404);
      const list = (await c.get(`/api/applications?callId=${call.id}`)).json();
      expect(list.items.map((a: { id: string }) => a.id)).not.toContain(draftId);
      expect(list.counts.draft).toBe(0);
      const drafts = (await c.get(`/api/applications?callId=${call.id}&state=draft`)).json();
      expect(drafts).toMatchObject({ total: 0, items: [] });
      const xlsx = await c.get(`/api/applications/export.xlsx?callId=${call.id}`);
      expect(JSON.stringify(await readXlsx(xlsx.rawPayload))).not.toContain(draftId);
    }
    const mine = (await owner.get('/api/applications?state=draft')).json();
    expect(mine.items.map((a: { id: string }) => a.id)).toEqual([draftId]);
    expect(mine.counts.draft).toBe(1);
    for (const url of [...byId, file]) expect((await owner.get(url)).statusCode, url).toBe(200);
  });

  it('lets the owner withdraw with a reason until decided', async () => {
    const res = await applicant.post(`/api/applications/${id}/withdraw`, { reason: '合作方变更' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'withdrawn', withdrawReason: '合作方变更' });
    const again = await applicant.post(`/api/applications/${id}/withdraw`, { reason: 'x' });
    expect(again.json()).toMatchObject({ code: 'applications.illegal_transition', state: 'withdrawn' });
  });
});

describe('invitations by e-mailed link', () => {
  it('confirms once through the public link; a changed term outdates the confirmation', async () => {
    const ctx = t.systemCtx();
    const c2 = await buildCall(ctx);
    const a = await buildApplicant(ctx, c2.platformId, (await buildOrg(ctx)).id);
    const org = (await buildOrg(ctx, 'institute')).id;
    const person = await buildPerson(ctx, { organisationId: org, email: 'contact@example.org' });
    const client = await signIn(t.app, a.username);
    const id = (await client.post(`/api/calls/${c2.id}/applications`, {})).json().id;
    const draft = completeDraft(c2.fieldId, [
      { orgId: a.orgId, contactId: a.personId, requested: 100 },
      { orgId: org, contactId: person.id, requested: 50 },
    ]);
    expect((await client.put(`/api/applications/${id}`, draft)).statusCode).toBe(200);
    const owner = (await import('../users/users.accounts.js')).loadActor;
    const actor = await owner(t.database.db, a.userId, 'session', ['read', 'write']);
    const { token, view } = await inviteMember({ ...ctx, actor }, id, org);
    expect(view.channel).toBe('email');
    const stored = await t.database.db
      .selectFrom('application_invitations')
      .select('token_hash')
      .where('id', '=', view.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(createHash('sha256').update(token!).digest('hex'));
    const pub = await t.app.inject({ method: 'GET', url: `/api/public/invitations/${token}` });
    expect(pub.json()).toMatchObject({
      state: 'pending',
      requestedMinor: 50,
      organisationNameZh: expect.any(String),
    });
    const yes = await t.app.inject({
      method: 'POST',
      url: `/api/public/invitations/${token}`,
      payload: { accept: true },
    });
    expect(yes.json().state).toBe('confirmed');
    const twice = await t.app.inject({
      method: 'POST',
      url: `/api/public/invitations/${token}`,
      payload: { accept: false },
    });
    expect(twice.statusCode).toBe(409);
    const wrong = await t.app.inject({
      method: 'GET',
      url: `/api/public/invitations/${crypto.randomUUID()}`,
    });
    expect(wrong.statusCode).toBe(404);

    expect((await client.get(`/api/applications/${id}`)).json().consortium[1].confirmation).toBe('confirmed');
    draft.consortium[1]!.cofundingMinor = 49;
    expect((await client.put(`/api/applications/${id}`, { consortium: draft.consortium })).statusCode).toBe(
      200,
    );
    const view2 = (await client.get(`/api/applications/${id}`)).json();
    expect(view2.consortium[1].confirmation).toBe('outdated');
    const e = (await client.get(`/api/applications/${id}/eligibility`)).json();
    expect(e.problems).toContainEqual({
      pointer: '/consortium/1',
      code: 'applications.confirmation_missing',
    });
  });
});
