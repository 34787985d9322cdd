import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { anonymous, type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { multipart } from '../imports/imports.fixtures.js';

// 通知公告 (issue 12): platform admins write, publish and withdraw; the public reads published ones,
// newest first, paged; an attached file is checked by its content and is as visible as its announcement.
let t: TestApp;
let A: string;
let B: string;
let admin: Client;
let adminB: Client;
let officer: Client;
const PDF = Buffer.from('%PDF-1.4\n% notice\n%%EOF\n');
const text = (n: number) => ({
  titleZh: `关于第${n}批项目申报的通知`,
  titleEn: `Notice ${n} on applications`,
  bodyZh: `正文${n}`,
  bodyEn: `Body ${n}`,
});
const attach = (c: Client, id: string, bytes: Buffer, name: string) =>
  c.request({ method: 'PUT', url: `/api/announcements/${id}/attachment`, ...multipart(bytes, name) });
const auditOf = (id: string) =>
  t.database.db
    .selectFrom('audit_log')
    .select(['action', 'after_json'])
    .where('entity_id', '=', id)
    .orderBy('seq')
    .execute();

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx, { code: 'A' })).id;
  B = (await buildPlatform(ctx, { code: 'B' })).id;
  await buildUser(ctx, { username: 'pa', roles: ['platform_admin'], platformId: A });
  await buildUser(ctx, { username: 'pb', roles: ['platform_admin'], platformId: B });
  await buildUser(ctx, { username: 'po', roles: ['program_officer'], platformId: A });
  admin = await signIn(t.app, 'pa');
  adminB = await signIn(t.app, 'pb');
  officer = await signIn(t.app, 'po');
});
afterAll(() => t.close());

describe('announcements', () => {
  it('draft → published → withdrawn, audited; drafts and withdrawn ones stay out of public sight', async () => {
    const made = await admin.post(`/api/platforms/${A}/announcements`, text(1));
    expect(made.statusCode, made.body).toBe(201);
    const a = made.json();
    expect(a).toMatchObject({
      state: 'draft',
      publishedAt: null,
      access: { canEdit: true, canPublish: true },
    });
    expect((await anonymous(t.app).get(`/api/announcements/${a.id}`)).statusCode).toBe(404);
    expect((await adminB.get(`/api/announcements/${a.id}`)).statusCode).toBe(404);
    expect((await officer.post(`/api/platforms/${A}/announcements`, text(2))).statusCode).toBe(403);
    expect((await adminB.patch(`/api/announcements/${a.id}`, { titleEn: 'x' })).statusCode).toBe(404);

    const edited = await admin.patch(`/api/announcements/${a.id}`, { titleEn: 'Notice on the 2027 call' });
    expect(edited.json()).toMatchObject({ titleEn: 'Notice on the 2027 call', titleZh: text(1).titleZh });
    t.clock.advance(60_000);
    const published = await admin.post(`/api/announcements/${a.id}/state`, { to: 'published' });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({
      state: 'published',
      access: { canEdit: false, canWithdraw: true },
    });
    expect(published.json().publishedAt).toBe(t.clock.now().toISOString());
    const seen = await anonymous(t.app).get(`/api/announcements/${a.id}`);
    expect(seen.json()).toMatchObject({ titleEn: 'Notice on the 2027 call', access: { canEdit: false } });
    // Published: no more edits, no second publication; another platform's admin is refused.
    const late = await admin.patch(`/api/announcements/${a.id}`, { titleEn: 'Too late' });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('announcements.not_editable');
    const again = await admin.post(`/api/announcements/${a.id}/state`, { to: 'published' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'announcements.illegal_state', currentState: 'published' });
    expect((await adminB.post(`/api/announcements/${a.id}/state`, { to: 'withdrawn' })).statusCode).toBe(403);

    const withdrawn = await admin.post(`/api/announcements/${a.id}/state`, { to: 'withdrawn' });
    expect(withdrawn.json()).toMatchObject({ state: 'withdrawn' });
    expect((await anonymous(t.app).get(`/api/announcements/${a.id}`)).statusCode).toBe(404);
    const list = (await anonymous(t.app).get(`/api/announcements?platformId=${A}`)).json();
    expect(list.items.map((x: { id: string }) => x.id)).not.toContain(a.id);
    expect((await admin.get(`/api/platforms/${A}/announcements?state=withdrawn`)).json().total).toBe(1);

    expect((await auditOf(a.id)).map((e) => e.action)).toEqual([
      'announcement.created',
      'announcement.updated',
      'announcement.published',
      'announcement.withdrawn',
    ]);
  });

  it('lists published ones newest first, paged, of one platform or all; the keepers list every state', async () => {
    const ids: string[] = [];
    for (const n of [10, 11, 12]) {
      const a = (await admin.post(`/api/platforms/${A}/announcements`, text(n))).json();
      t.clock.advance(60_000);
      await admin.post(`/api/announcements/${a.id}/state`, { to: 'published' });
      ids.push(a.id);
    }
    const b = (await adminB.post(`/api/platforms/${B}/announcements`, text(20))).json();
    t.clock.advance(60_000);
    await adminB.post(`/api/announcements/${b.id}/state`, { to: 'published' });
    await admin.post(`/api/platforms/${A}/announcements`, text(13));

    const first = (await anonymous(t.app).get(`/api/announcements?platformId=${A}&pageSize=2`)).json();
    expect(first.total).toBe(3);
    expect(first.items.map((x: { id: string }) => x.id)).toEqual([ids[2], ids[1]]);
    const second = (
      await anonymous(t.app).get(`/api/announcements?platformId=${A}&pageSize=2&page=2`)
    ).json();
    expect(second.items.map((x: { id: string }) => x.id)).toEqual([ids[0]]);
    const all = (await anonymous(t.app).get('/api/announcements')).json();
    expect(all.items[0].id).toBe(b.id);
    expect(all.total).toBe(4);

    const kept = (await admin.get(`/api/platforms/${A}/announcements`)).json();
    expect(kept.total).toBe(5);
    expect((await officer.get(`/api/platforms/${A}/announcements`)).statusCode).toBe(403);
    expect((await anonymous(t.app).get(`/api/announcements?pageSize=51`)).statusCode).toBe(400);
  });

  it('attaches a file checked by its content; as visible as the announcement', async () => {
    const a = (await admin.post(`/api/platforms/${A}/announcements`, text(30))).json();
    const liar = await attach(admin, a.id, Buffer.from('MZ not a pdf'), '通知.pdf');
    expect(liar.statusCode).toBe(415);
    expect(liar.json().errors?.[0]?.pointer, liar.body).toBe('/file');
    expect((await attach(admin, a.id, PDF, '通知.docx')).statusCode).toBe(415);
    const attached = await attach(admin, a.id, PDF, '申报通知.pdf');
    expect(attached.statusCode, attached.body).toBe(200);
    expect(attached.json().attachment).toEqual({
      fileName: '申报通知.pdf',
      mediaType: 'application/pdf',
      sizeBytes: PDF.length,
    });
    expect((await anonymous(t.app).get(`/api/announcements/${a.id}/attachment`)).statusCode).toBe(404);
    const own = await admin.get(`/api/announcements/${a.id}/attachment`);
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.equals(PDF)).toBe(true);
    await admin.post(`/api/announcements/${a.id}/state`, { to: 'published' });
    const pub = await anonymous(t.app).get(`/api/announcements/${a.id}/attachment`);
    expect(pub.statusCode).toBe(200);
    expect(pub.headers['content-disposition']).toContain('filename*=UTF-8');
    // Published: the file is frozen with it.
    expect((await attach(admin, a.id, PDF, 'other.pdf')).statusCode).toBe(409);
    expect((await admin.delete(`/api/announcements/${a.id}/attachment`)).statusCode).toBe(409);
    const actions = (await auditOf(a.id)).map((e) => e.action);
    expect(actions).toEqual([
      'announcement.created',
      'announcement.attachment_set',
      'announcement.published',
    ]);
  });

  it('refuses bad input with the field and writes nothing', async () => {
    const before = (await admin.get(`/api/platforms/${A}/announcements`)).json().total;
    const bad = await admin.post(`/api/platforms/${A}/announcements`, { ...text(40), titleZh: '  ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].pointer).toBe('/titleZh');
    expect((await admin.get(`/api/platforms/${A}/announcements`)).json().total).toBe(before);
    const unknown = await admin.post('/api/announcements/00000000-0000-4000-8000-000000000000/state', {
      to: 'published',
    });
    expect(unknown.statusCode).toBe(404);
  });
});
