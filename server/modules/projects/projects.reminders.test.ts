import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotTables } from '../../test/bad-input.js';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildPerson } from '../../test/platform-factories.js';
import { type SmtpSink, startSmtpSink } from '../../test/smtp-sink.js';
import { outboxFor } from '../notifications/notifications.outbox.js';
import { buildProjectInExecution } from './projects.fixtures.js';
import { runReminders } from './projects.reminders.js';

// Reminders of reports due (issue 13). Projects are built as of 15 January 2024, so their annual reports
// fall due on 14 January of 2025, 2026, 2027 …; each run is told its day, the wall clock plays no part.
let t: TestApp;
let sink: SmtpSink;
let A: string;
let B: string;
let admin: Client;
let officer: Client;
let supervisor: Client;
let lead: Client;
let outsider: Client;
const person: Record<string, string> = {};
const user: Record<string, string> = {};

const startedIn2024 = (platformId: string, contact?: string) =>
  buildProjectInExecution(
    { ...t.systemCtx(), clock: { now: () => new Date('2024-01-15T09:00:00Z') } },
    platformId,
    contact ? { leadContactPersonId: person[contact] } : {},
  );
const run = (platformId: string, on: string, dryRun = false) =>
  runReminders(t.systemCtx(), { platformId, on, dryRun });
const of = (projectId: string, r: Awaited<ReturnType<typeof run>>) =>
  r.sent.filter((s) => s.projectId === projectId).map((s) => [s.dueOn, s.offset]);
const remindersOf = (projectId: string) =>
  t.database.db
    .selectFrom('project_report_reminders')
    .select(['due_on', 'offset_days'])
    .where('project_id', '=', projectId)
    .orderBy('offset_days')
    .execute();
const notificationsOf = (userId: string) =>
  t.database.db
    .selectFrom('notifications')
    .select(['kind', 'entity_id'])
    .where('user_id', '=', userId)
    .where('kind', 'like', 'project.report_%')
    .execute();

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await setupTestApp({ env: { SMTP_URL: sink.url, PUBLIC_URL: 'https://lab.example.org' } });
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx)).id;
  B = (await buildPlatform(ctx)).id;
  await buildUser(ctx, { username: 'admin', roles: ['platform_admin'], platformId: A });
  await buildUser(ctx, { username: 'officer', roles: ['program_officer'], platformId: A });
  await buildUser(ctx, { username: 'supervisor', roles: ['supervisor'], platformId: A });
  await buildUser(ctx, { username: 'outsider', roles: ['researcher'], platformId: A });
  for (const [name, locale, email] of [
    ['lead', 'zh-CN', 'lead@example.org'],
    ['enlead', 'en-US', 'enlead@example.org'],
  ] as const) {
    const u = await buildUser(ctx, { username: name, roles: ['applicant'], platformId: A });
    await ctx.db.updateTable('users').set({ locale, email }).where('id', '=', u.id).execute();
    user[name] = u.id;
    person[name] = (await buildPerson(ctx, { userId: u.id })).id;
  }
  admin = await signIn(t.app, 'admin');
  officer = await signIn(t.app, 'officer');
  supervisor = await signIn(t.app, 'supervisor');
  lead = await signIn(t.app, 'lead');
  outsider = await signIn(t.app, 'outsider');
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

describe('reminder settings', () => {
  it('the defaults until the admin saves; validated, audited, read by those who follow every project', async () => {
    const url = `/api/platforms/${A}/report-reminders`;
    expect((await officer.get(url)).json()).toEqual({
      platformId: A,
      enabled: true,
      daysBefore: [14, 3],
      daysAfter: [1, 7],
      isDefault: true,
      updatedAt: null,
      access: { edit: false },
    });
    expect((await supervisor.get(url)).statusCode).toBe(200);
    expect((await admin.get(url)).json().access.edit).toBe(true);
    expect((await outsider.get(url)).statusCode).toBe(403);
    expect((await lead.get(url)).statusCode).toBe(403);
    expect(
      (await admin.get(`/api/platforms/0190a000-0000-7000-8000-00000000dead/report-reminders`)).statusCode,
    ).toBe(404);

    const before = await snapshotTables(t.database);
    const body = { enabled: true, daysBefore: [14, 3], daysAfter: [1, 7] };
    expect((await officer.put(url, body)).statusCode).toBe(403);
    const bad = async (b: unknown, pointer: string) => {
      const res = await admin.put(url, b);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    };
    await bad({ ...body, daysBefore: [14, 3, 14] }, '/daysBefore/2');
    await bad({ ...body, daysAfter: [0] }, '/daysAfter/0');
    await bad({ ...body, daysAfter: [366] }, '/daysAfter/0');
    await bad({ ...body, daysBefore: [-1] }, '/daysBefore/0');
    await bad({ ...body, daysBefore: [2.5] }, '/daysBefore/0');
    await bad({ ...body, daysBefore: [1, 2, 3, 4, 5, 6, 7] }, '/daysBefore');
    await bad({ daysBefore: [3], daysAfter: [1] }, '/enabled');
    expect(await snapshotTables(t.database)).toEqual(before);

    const saved = await admin.put(url, { enabled: true, daysBefore: [3, 30, 0], daysAfter: [7, 1] });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ daysBefore: [30, 3, 0], daysAfter: [1, 7], isDefault: false });
    expect((await officer.get(url)).json()).toMatchObject({ daysBefore: [30, 3, 0], isDefault: false });
    const entry = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'project.reminder_settings_updated')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ entity_type: 'platform', entity_id: A, platform_id: A });
    expect(JSON.parse(entry.before_json!)).toEqual({ enabled: true, daysBefore: [14, 3], daysAfter: [1, 7] });
    // Back to the defaults' days for the runs below.
    expect((await admin.put(url, body)).statusCode).toBe(200);
  });
});

describe('who gets which reminder on which day', () => {
  it('14 and 3 days before, 1 and 7 days after, each once; none after submission; none without a recipient', async () => {
    const submits = await startedIn2024(A, 'lead');
    const late = await startedIn2024(A, 'enlead');
    const nobody = await startedIn2024(A);
    // Reports of 2025 and 2026 are long overdue: more than a week past their last reminder, so none is sent.
    expect(of(submits.id, await run(A, '2026-12-30'))).toEqual([]);

    const first = await run(A, '2026-12-31');
    expect(of(submits.id, first)).toEqual([['2027-01-14', -14]]);
    expect(of(late.id, first)).toEqual([['2027-01-14', -14]]);
    expect(first.skipped.filter((s) => s.projectId === nobody.id)).toEqual([
      expect.objectContaining({ dueOn: '2027-01-14', offset: -14, recipients: 0, reason: 'no_recipient' }),
    ]);
    // A rerun the same day, or a day in between, sends nothing.
    expect(of(submits.id, await run(A, '2026-12-31'))).toEqual([]);
    expect(of(submits.id, await run(A, '2027-01-05'))).toEqual([]);
    // A dry run lists what a run would send and writes nothing.
    const tables = await snapshotTables(t.database);
    expect(of(submits.id, await run(A, '2027-01-11', true))).toEqual([['2027-01-14', -3]]);
    expect(await snapshotTables(t.database)).toEqual(tables);
    expect(of(submits.id, await run(A, '2027-01-11'))).toEqual([['2027-01-14', -3]]);
    // The due day itself is not a reminder day here; the day after, the report is overdue.
    expect(of(submits.id, await run(A, '2027-01-14'))).toEqual([]);
    expect(of(submits.id, await run(A, '2027-01-15'))).toEqual([['2027-01-14', 1]]);

    const res = await lead.post(`/api/projects/${submits.id}/reports`, {
      kind: 'annual',
      dueOn: '2027-01-14',
      body: '年度进展',
    });
    expect(res.statusCode, res.body).toBe(201);
    // A run that missed the 7th day catches up within a week; the submitted report gets nothing more.
    const week = await run(A, '2027-01-23');
    expect(of(submits.id, week)).toEqual([]);
    expect(of(late.id, week)).toEqual([['2027-01-14', 7]]);
    expect(of(late.id, await run(A, '2027-02-01'))).toEqual([]);

    expect(await remindersOf(submits.id)).toEqual([
      { due_on: '2027-01-14', offset_days: -14 },
      { due_on: '2027-01-14', offset_days: -3 },
      { due_on: '2027-01-14', offset_days: 1 },
    ]);
    expect(await remindersOf(nobody.id)).toEqual([]);
    const mine = await notificationsOf(user.lead!);
    // The test clock stands still, so the rows' order is not theirs to say.
    expect(
      mine
        .filter((n) => n.entity_id === submits.id)
        .map((n) => n.kind)
        .sort(),
    ).toEqual(['project.report_due_soon', 'project.report_due_soon', 'project.report_overdue']);
    const audited = await t.database.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'project.report_reminder_sent')
      .where('entity_id', '=', late.id)
      .execute();
    expect(audited.map((a) => JSON.parse(a.after_json!))).toEqual([
      { kind: 'annual', dueOn: '2027-01-14', offset: -14, recipients: 1 },
      { kind: 'annual', dueOn: '2027-01-14', offset: -3, recipients: 1 },
      { kind: 'annual', dueOn: '2027-01-14', offset: 1, recipients: 1 },
      { kind: 'annual', dueOn: '2027-01-14', offset: 7, recipients: 1 },
    ]);
    // In-app, in the reader's language, opening the project's 报告 tab.
    const inbox = (await lead.get('/api/me/notifications')).json();
    const overdue = inbox.items.find(
      (n: { kind: string; entityId: string }) =>
        n.kind === 'project.report_overdue' && n.entityId === submits.id,
    );
    expect(overdue).toMatchObject({
      subject: `报告已逾期：${submits.code} 年度报告`,
      link: `/projects/${submits.id}/reports`,
    });
    expect(overdue.body).toContain('已逾期 1 天');
  });

  it("the e-mail reaches the SMTP server in each recipient's language", async () => {
    await outboxFor(t.database.db)!.pass();
    const zh = sink.mails.filter((m) => m.to.includes('lead@example.org'));
    const en = sink.mails.filter((m) => m.to.includes('enlead@example.org'));
    expect(zh.map((m) => m.subject)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^报告即将到期：EX-\S+ 年度报告$/)]),
    );
    expect(zh.some((m) => m.text.includes('应于 2027-01-14 提交（剩余 3 天）'))).toBe(true);
    // The 7th day's reminder went out two days late (the run of the 23rd): it says how late the report is then.
    const enOverdue = en.find((m) => m.text.includes('was due on 2027-01-14 (days overdue: 9)'))!;
    expect(enOverdue.subject).toMatch(/^Report overdue: EX-\S+ annual report$/);
    expect(enOverdue.text).toMatch(/https:\/\/lab\.example\.org\/projects\/[0-9a-f-]{36}\/reports/);
    expect(enOverdue.headers['content-language']).toBe('en-US');
    expect(zh).toHaveLength(3);
    expect(en).toHaveLength(4);
  });

  it('a disabled platform sends nothing', async () => {
    const p = await startedIn2024(A, 'lead');
    expect(
      (
        await admin.put(`/api/platforms/${A}/report-reminders`, {
          enabled: false,
          daysBefore: [14],
          daysAfter: [],
        })
      ).statusCode,
    ).toBe(200);
    expect(of(p.id, await run(A, '2026-12-31'))).toEqual([]);
    expect(await remindersOf(p.id)).toEqual([]);
  });
});

describe('never twice', () => {
  it('two runs at once send each reminder once', async () => {
    const p = await startedIn2024(B, 'enlead');
    const runs = await Promise.all([run(B, '2027-01-11'), run(B, '2027-01-11'), run(B, '2027-01-11')]);
    expect(runs.flatMap((r) => of(p.id, r))).toEqual([['2027-01-14', -3]]);
    expect(await remindersOf(p.id)).toEqual([{ due_on: '2027-01-14', offset_days: -3 }]);
    expect((await notificationsOf(user.enlead!)).filter((n) => n.entity_id === p.id)).toHaveLength(1);
    const audited = await t.database.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'project.report_reminder_sent')
      .where('entity_id', '=', p.id)
      .execute();
    expect(audited).toHaveLength(1);
  });
});
