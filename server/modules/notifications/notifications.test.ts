import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { type SmtpSink, startSmtpSink } from '../../test/smtp-sink.js';
import { backoffMs, MAX_ATTEMPTS, outboxFor } from './notifications.outbox.js';
import { notify } from './notifications.service.js';

let sink: SmtpSink;
let t: TestApp;
let P: string;
const ids: Record<string, string> = {};
let zh: Client;
let en: Client;

async function poll<T>(read: () => Promise<T> | T, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function send(userIds: string[], kind = 'call.closed', params: Record<string, string> = {}) {
  const ctx = t.systemCtx();
  await ctx.db.transaction().execute((trx) =>
    notify(trx, ctx, {
      userIds,
      kind,
      platformId: P,
      entityType: 'call',
      entityId: '0190a000-0000-7000-8000-000000000001',
      params: {
        callCode: 'AM-2026',
        callTitleZh: '先进制造计划',
        callTitleEn: 'Advanced manufacturing',
        ...params,
      },
    }),
  );
}

const rowsOf = (userId: string) =>
  t.database.db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await setupTestApp({ env: { SMTP_URL: sink.url, PUBLIC_URL: 'https://lab.example.org/' } });
  const ctx = t.systemCtx();
  P = (await buildPlatform(ctx)).id;
  for (const [name, locale, email] of [
    ['zhuser', 'zh-CN', 'zh@example.org'],
    ['enuser', 'en-US', 'en@example.org'],
    ['nomail', 'zh-CN', null],
  ] as const) {
    const u = await buildUser(ctx, { username: name, roles: ['applicant'], platformId: P });
    await ctx.db.updateTable('users').set({ locale, email }).where('id', '=', u.id).execute();
    ids[name] = u.id;
  }
  zh = await signIn(t.app, 'zhuser');
  en = await signIn(t.app, 'enuser');
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

describe('e-mail outbox against a real SMTP server', () => {
  it("sends after commit, in each recipient's language, once", async () => {
    await send([ids.zhuser!, ids.enuser!, ids.nomail!, ids.zhuser!]);
    expect((await rowsOf(ids.nomail!))[0]).toMatchObject({ email_state: 'none' });
    const result = await outboxFor(t.database.db)!.pass();
    expect(result).toEqual({ sent: 2, failed: 0 });
    const toZh = sink.mails.find((m) => m.to.includes('zh@example.org'))!;
    const toEn = sink.mails.find((m) => m.to.includes('en@example.org'))!;
    expect(toZh.subject).toBe('计划已截止：先进制造计划');
    expect(toEn.subject).toBe('Call closed: Advanced manufacturing');
    expect(toEn.text).toContain('https://lab.example.org/calls/0190a000-0000-7000-8000-000000000001');
    expect(toZh.from).toBe('no-reply@commonlab.local');
    expect(sink.mails).toHaveLength(2);
    expect((await rowsOf(ids.zhuser!)).map((r) => r.email_state)).toEqual(['sent']);
    expect(await outboxFor(t.database.db)!.pass()).toEqual({ sent: 0, failed: 0 });
    expect(sink.mails).toHaveLength(2);
  });

  it('records a refused delivery, retries after the back-off, and gives up after the last attempt', async () => {
    sink.refuse('en@example.org');
    await send([ids.enuser!], 'call.deadline_extended', {
      previousClosesAt: '2026-07-01T00:00:00.000Z',
      closesAt: '2026-07-08T00:00:00.000Z',
      reason: 'Holiday',
    });
    const outbox = outboxFor(t.database.db)!;
    expect(await outbox.pass()).toEqual({ sent: 0, failed: 1 });
    let row = (await rowsOf(ids.enuser!)).at(-1)!;
    expect(row).toMatchObject({ email_state: 'pending', email_attempts: 1 });
    expect(row.email_error).toMatch(/550|unavailable/i);
    // Not due yet: nothing is tried before the back-off has passed.
    expect(await outbox.pass()).toEqual({ sent: 0, failed: 0 });
    sink.refuse(null);
    t.clock.advance(backoffMs(1));
    expect(await outbox.pass()).toEqual({ sent: 1, failed: 0 });
    row = (await rowsOf(ids.enuser!)).at(-1)!;
    expect(row).toMatchObject({ email_state: 'sent', email_attempts: 2, email_error: null });
    const mail = sink.mails.at(-1)!;
    expect(mail.subject).toBe('Deadline extended: Advanced manufacturing');
    expect(mail.text).toContain('2026-07-08 00:00 UTC');

    sink.refuse('zh@example.org');
    await send([ids.zhuser!]);
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      expect(await outbox.pass()).toEqual({ sent: 0, failed: 1 });
      t.clock.advance(backoffMs(i));
    }
    row = (await rowsOf(ids.zhuser!)).at(-1)!;
    expect(row).toMatchObject({ email_state: 'failed', email_attempts: MAX_ATTEMPTS });
    expect(await outbox.pass()).toEqual({ sent: 0, failed: 0 });
    sink.refuse(null);
  });

  it('sends after a request that recorded a notification, without anyone running a pass', async () => {
    zh = await signIn(t.app, 'zhuser');
    const before = sink.mails.length;
    const ctx = t.systemCtx();
    // A request that notifies: the platform's admin extends a deadline on a call with an applicant.
    const { createCall, publishCall } = await import('../calls/calls.service.js');
    const { buildField } = await import('../../test/platform-factories.js');
    const field = (await buildField(ctx)).id;
    const call = await createCall(ctx, P, {
      code: 'OUTBOX',
      titleZh: '外发测试计划',
      titleEn: 'Outbox call',
      summaryZh: '测试',
      opensAt: '2026-01-01T00:00:00.000Z',
      closesAt: '2099-01-01T00:00:00.000Z',
      budgetTotalMinor: 100,
      ceilingMinor: 10,
      fieldIds: [field],
    });
    await publishCall(ctx, call.id);
    const now = new Date().toISOString();
    const org = crypto.randomUUID();
    await ctx.db
      .insertInto('organisations')
      .values({
        id: org,
        name_zh: '外发企业',
        name_key: org,
        type: 'enterprise',
        created_at: now,
        updated_at: now,
      })
      .execute();
    await ctx.db
      .insertInto('applications')
      .values({
        id: crypto.randomUUID(),
        call_id: call.id,
        platform_id: P,
        owner_user_id: ids.zhuser!,
        lead_org_id: org,
        state: 'draft',
        version_no: 1,
        requested_total_minor: 0,
        currency: 'CNY',
        created_at: now,
        updated_at: now,
      } as never)
      .execute();
    await buildUser(ctx, { username: 'padmin', roles: ['platform_admin'], platformId: P });
    const admin = await signIn(t.app, 'padmin');
    const res = await admin.post(`/api/calls/${call.id}/extend-deadline`, {
      closesAt: '2099-02-01T00:00:00Z',
      reason: '春节',
    });
    expect(res.statusCode).toBe(200);
    const mails = await poll(
      () => sink.mails.slice(before),
      (m) => m.length >= 1,
    );
    expect(mails.map((m) => [m.to, m.subject])).toEqual([[['zh@example.org'], '截止时间延长：外发测试计划']]);
  });
});

describe('notification centre routes', () => {
  it('lists my notifications newest first with paging and the unread count, in my language', async () => {
    en = await signIn(t.app, 'enuser');
    const all = (await en.get('/api/me/notifications')).json();
    expect(all.total).toBe(2);
    expect(all.unread).toBe(2);
    expect(all.items.map((i: { kind: string }) => i.kind)).toEqual(['call.deadline_extended', 'call.closed']);
    expect(all.items[1]).toMatchObject({
      subject: 'Call closed: Advanced manufacturing',
      link: '/calls/0190a000-0000-7000-8000-000000000001',
      emailState: 'sent',
      readAt: null,
    });
    const page2 = (await en.get('/api/me/notifications?page=2&pageSize=1')).json();
    expect(page2).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page2.items.map((i: { id: string }) => i.id)).toEqual([all.items[1].id]);
  });

  it('marks one read, refuses to touch anyone else’s, and marks all read', async () => {
    zh = await signIn(t.app, 'zhuser');
    const mine = (await en.get('/api/me/notifications')).json();
    const first = mine.items[0].id;
    expect((await zh.post(`/api/me/notifications/${first}/read`)).statusCode).toBe(404);
    const read = await en.post(`/api/me/notifications/${first}/read`);
    expect(read.json()).toEqual({ unread: 1 });
    expect((await en.post(`/api/me/notifications/${first}/read`)).json()).toEqual({ unread: 1 });
    const unreadOnly = (await en.get('/api/me/notifications?unread=true')).json();
    expect(unreadOnly.items.map((i: { id: string }) => i.id)).toEqual([mine.items[1].id]);
    expect((await en.post('/api/me/notifications/read-all')).json()).toEqual({ unread: 0, marked: 1 });
    const zhList = (await zh.get('/api/me/notifications')).json();
    expect(zhList.unread).toBeGreaterThan(0);
    expect(zhList.items[0].subject).toMatch(/[\u4e00-\u9fff]/);
  });
});
