import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildPerson } from '../../test/platform-factories.js';
import { type SmtpSink, startSmtpSink } from '../../test/smtp-sink.js';
import { buildProjectInExecution } from './projects.fixtures.js';
import { runReminders } from './projects.reminders.js';

// What the reminders of reports due did, as the UI shows it (docs/projects.md "Reminders sent"): each
// report's reminders on the project's 报告 tab (when, to whom, in-app and e-mail), and the platform's last
// run with every line, those nobody could be told (no_recipient) included. Projects start on
// 15 January 2024, so the annual report of 2027 is due on 14 January 2027.
let t: TestApp;
let sink: SmtpSink;
let A: string;
let B: string;
let admin: Client;
let adminB: Client;
let outsider: Client;
let lead: Client;
let leadId: string;
let contact: string;

const startedIn2024 = (platformId: string, contact?: string) =>
  buildProjectInExecution(
    { ...t.systemCtx(), clock: { now: () => new Date('2024-01-15T09:00:00Z') } },
    platformId,
    contact ? { leadContactPersonId: contact } : {},
  );
const run = (platformId: string, on: string, dryRun = false) =>
  runReminders(t.systemCtx(), { platformId, on, dryRun });
const lastRun = (c: Client, platformId: string) =>
  c.get(`/api/platforms/${platformId}/report-reminders/last-run`);

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await setupTestApp({ env: { SMTP_URL: sink.url, PUBLIC_URL: 'https://lab.example.org' } });
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx)).id;
  B = (await buildPlatform(ctx)).id;
  admin = await signIn(t.app, (await buildUser(ctx, { roles: ['platform_admin'], platformId: A })).username);
  adminB = await signIn(t.app, (await buildUser(ctx, { roles: ['platform_admin'], platformId: B })).username);
  outsider = await signIn(t.app, (await buildUser(ctx, { roles: ['researcher'], platformId: A })).username);
  const u = await buildUser(ctx, { roles: ['applicant'], platformId: A, displayName: '李四' });
  await ctx.db.updateTable('users').set({ email: 'lisi@example.org' }).where('id', '=', u.id).execute();
  leadId = u.id;
  lead = await signIn(t.app, u.username);
  contact = (await buildPerson(ctx, { userId: u.id })).id;
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

describe('reminders shown', () => {
  it("shows each report's reminders on the project and the platform's last run, no_recipient included", async () => {
    const told = await startedIn2024(A, contact);
    const nobody = await startedIn2024(A);
    // No run yet: the last run is empty, not an error.
    expect((await lastRun(admin, A)).json()).toMatchObject({ ranAt: null, on: null, lines: [] });

    await run(A, '2026-12-31');
    const reports = await lead.get(`/api/projects/${told.id}/reports`);
    expect(reports.statusCode, reports.body).toBe(200);
    const items = reports.json().items as { dueOn: string; reminders: unknown[] }[];
    const due = items.find((r) => r.dueOn === '2027-01-14')!;
    expect(due.reminders).toEqual([
      {
        offset: -14,
        sentAt: expect.any(String),
        recipients: 1,
        deliveries: [{ userId: leadId, name: '李四', email: true }],
      },
    ]);
    expect(items.filter((r) => r.dueOn !== '2027-01-14').every((r) => r.reminders.length === 0)).toBe(true);

    const first = await lastRun(admin, A);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().on).toBe('2026-12-31');
    expect(first.json().lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ projectId: told.id, code: told.code, offset: -14, outcome: 'sent' }),
        expect.objectContaining({ projectId: nobody.id, recipients: 0, outcome: 'no_recipient' }),
      ]),
    );
    expect(first.json().lines).toHaveLength(2);
    expect(first.json().lines[0].titleZh).toBeTruthy();

    // A dry run leaves the last real run; the next real run replaces it.
    await run(A, '2027-01-11', true);
    expect((await lastRun(admin, A)).json().on).toBe('2026-12-31');
    await run(A, '2027-01-11');
    const second = (await lastRun(admin, A)).json();
    expect(second.on).toBe('2027-01-11');
    expect(
      second.lines.map((l: { offset: number; outcome: string }) => [l.offset, l.outcome]).sort(),
    ).toEqual([
      [-3, 'no_recipient'],
      [-3, 'sent'],
    ]);
    const again = (await lead.get(`/api/projects/${told.id}/reports`))
      .json()
      .items.find((r: { dueOn: string }) => r.dueOn === '2027-01-14');
    expect(again.reminders.map((m: { offset: number }) => m.offset)).toEqual([-14, -3]);
  });

  it("is read by those who follow the platform's projects, not by a researcher or another platform's admin", async () => {
    expect((await outsider.get(`/api/platforms/${A}/report-reminders/last-run`)).statusCode).toBe(403);
    expect((await adminB.get(`/api/platforms/${A}/report-reminders/last-run`)).statusCode).toBe(403);
    expect((await lastRun(adminB, B)).json().lines).toEqual([]);
  });
});
