import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.js';
import { anonymous, type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { uploadAttachment } from '../applications/applications.attachments.js';
import { createApplication, saveDraft } from '../applications/applications.drafts.js';
import {
  buildApplicant,
  buildCall,
  buildOrg,
  completeDraft,
  pdfBytes,
} from '../applications/applications.fixtures.js';
import { submitApplication } from '../applications/applications.submission.js';
import {
  buildRun,
  buildSeat,
  expertFor,
  fullScorecard,
  inReviewApplication,
} from '../review/scoring/scoring.fixtures.js';
import { loadActor } from '../users/users.accounts.js';
import type { TodoView, WorkbenchView } from './workbench.schema.js';

/**
 * The workbench (issue 12 item 1): each role's to-dos, counted from the very list their link opens and
 * only of what the caller may see; a to-do of one platform or person never counts another's records.
 */
let t: TestApp;
let callA: Awaited<ReturnType<typeof buildCall>>;
let callB: Awaited<ReturnType<typeof buildCall>>;
let officer: Client;
let expertClient: Client;
let seatToScore: string;
let respondBy: string;
let applicantUser: string;

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  callA = await buildCall(ctx);
  callB = await buildCall(ctx);
  // Platform A: two applications passed to review and one draft; platform B: one in review.
  const a1 = await inReviewApplication(ctx, callA);
  const a2 = await inReviewApplication(ctx, callA);
  await inReviewApplication(ctx, callB);
  const org = (await buildOrg(ctx)).id;
  const applicant = await buildApplicant(ctx, callA.platformId, org, { username: 'drafter' });
  applicantUser = applicant.username;
  const owner = { ...ctx, actor: await loadActor(ctx.db, applicant.userId, 'session', ['read', 'write']) };
  await createApplication(owner, callA.id, {});
  await createApplication(owner, callA.id, {});
  await buildUser(ctx, { username: 'officerA', roles: ['program_officer'], platformId: callA.platformId });
  officer = await signIn(t.app, 'officerA');

  const run = await buildRun(ctx, callA.id);
  const e = await expertFor(ctx, { platformId: callA.platformId });
  const other = await expertFor(ctx, { platformId: callA.platformId });
  respondBy = new Date(t.clock.now().getTime() + 3 * 86_400_000).toISOString();
  seatToScore = await buildSeat(ctx, {
    callId: callA.id,
    applicationId: a1.id,
    expertId: e.expertId,
    runId: run,
    label: 'A',
  });
  await buildSeat(ctx, {
    callId: callA.id,
    applicationId: a2.id,
    expertId: e.expertId,
    runId: run,
    label: 'B',
    state: 'invited',
    respondBy,
  });
  // Another expert's seats never show in this one's counts.
  for (const [label, application] of [
    ['C', a1],
    ['D', a2],
  ] as const)
    await buildSeat(ctx, {
      callId: callA.id,
      applicationId: application.id,
      expertId: other.expertId,
      runId: run,
      label,
      state: 'invited',
      respondBy,
    });
  expertClient = await signIn(t.app, e.username);
});
afterAll(() => t.close());

async function workbenchOf(client: Client): Promise<WorkbenchView> {
  const res = await client.get('/api/workbench');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as WorkbenchView;
}
const kinds = (w: WorkbenchView) => w.todos.map((x) => x.kind).sort();
const find = (w: WorkbenchView, kind: TodoView['kind']) => w.todos.find((x) => x.kind === kind);

describe('workbench', () => {
  it('answers 401 to the anonymous', async () => {
    const res = await anonymous(t.app).get('/api/workbench');
    expect(res.statusCode).toBe(401);
  });

  it("counts the program officer's screening queue of their platform only, as the list filtered by the link", async () => {
    const w = await workbenchOf(officer);
    // And the reports its platform's projects owe (none here; workbench.roles.test.ts counts them).
    expect(kinds(w)).toEqual([
      'projects.reports_due',
      'projects.reports_overdue',
      'registrations.pending',
      'screening.screening',
      'screening.submitted',
    ]);
    // The registry's keepers decide on registrations to their platform (注册审核, docs/adr/0045).
    expect(find(w, 'registrations.pending')).toMatchObject({
      platformId: callA.platformId,
      count: 0,
      link: `/admin/registrations?platform=${callA.platformId}`,
    });
    const submitted = find(w, 'screening.submitted')!;
    expect(submitted).toMatchObject({ platformId: callA.platformId, count: 0, deadline: null });
    expect(submitted.link).toBe(`/screening?platform=${callA.platformId}&state=submitted`);
    const chart = w.charts.find((c) => c.kind === 'applications.by_state')!;
    // Two in review on A; B's application is another platform's and is not counted.
    expect(chart.points.find((p) => p.code === 'in_review')!.value).toBe(2);
    const list = await officer.get('/api/applications');
    expect(Object.fromEntries(chart.points.map((p) => [p.code, p.value]))).toEqual(list.json().counts);
  });

  it('follows a new submission into the officer’s count and the filtered list', async () => {
    const ctx = t.systemCtx();
    await submittedApplication(ctx);
    const w = await workbenchOf(officer);
    const todo = find(w, 'screening.submitted')!;
    expect(todo.count).toBe(1);
    const res = await officer.get(`/api/applications?platformId=${callA.platformId}&state=submitted`);
    expect(res.json().total).toBe(todo.count);
  });

  it("counts the applicant's own drafts, not anyone else's", async () => {
    const me = await signIn(t.app, applicantUser);
    const w = await workbenchOf(me);
    expect(kinds(w)).toEqual(['applications.draft', 'applications.invitations', 'applications.returned']);
    expect(find(w, 'applications.draft')).toMatchObject({ count: 2, link: '/applications?state=draft' });
    expect(find(w, 'applications.returned')!.count).toBe(0);
    expect(find(w, 'applications.invitations')).toMatchObject({
      count: 0,
      link: '/applications?show=invitations',
    });
    const list = await me.get('/api/applications?state=draft');
    expect(list.json().total).toBe(2);
  });

  it("counts the expert's own invitations with the nearest respond-by, and seats to score until submitted", async () => {
    let w = await workbenchOf(expertClient);
    expect(kinds(w)).toEqual(['reviews.invited', 'reviews.to_score']);
    expect(find(w, 'reviews.invited')).toMatchObject({
      count: 1,
      deadline: respondBy,
      link: '/my-reviews?state=invited',
    });
    expect(find(w, 'reviews.to_score')).toMatchObject({ count: 1, link: '/my-reviews?state=to_score' });
    const seats = (await expertClient.get('/api/my-reviews')).json() as {
      items: { id: string; scorecardSubmitted: boolean }[];
    };
    expect(seats.items.find((s) => s.id === seatToScore)!.scorecardSubmitted).toBe(false);

    const base = `/api/review-assignments/${seatToScore}`;
    expect((await expertClient.post(`${base}/declaration`, { noConflict: true })).statusCode).toBe(200);
    const sent = await expertClient.post(`${base}/submit`, fullScorecard(7));
    expect(sent.statusCode, sent.body).toBe(200);
    w = await workbenchOf(expertClient);
    expect(find(w, 'reviews.to_score')!.count).toBe(0);
    const after = (await expertClient.get('/api/my-reviews')).json() as typeof seats;
    expect(after.items.find((s) => s.id === seatToScore)!.scorecardSubmitted).toBe(true);
    expect(w.charts.find((c) => c.kind === 'reviews.by_state')!.points).toEqual([
      { code: 'invited', value: 1 },
      { code: 'accepted', value: 1 },
      { code: 'declined', value: 0 },
      { code: 'expired', value: 0 },
    ]);
  });

  it("lists the tech-transfer officer's docket of the coming 90 days and unanswered inquiries, per platform", async () => {
    await buildUser(t.systemCtx(), {
      username: 'tto',
      roles: ['tech_transfer_officer'],
      platformId: callB.platformId,
    });
    const w = await workbenchOf(await signIn(t.app, 'tto'));
    expect(kinds(w)).toEqual(['docket.due', 'inquiries.received']);
    const today = t.clock.now().toISOString().slice(0, 10);
    const to = new Date(Date.parse(`${today}T00:00:00Z`) + 90 * 86_400_000).toISOString().slice(0, 10);
    expect(find(w, 'docket.due')).toMatchObject({
      platformId: callB.platformId,
      count: 0,
      link: `/techtransfer/docket?platform=${callB.platformId}&from=${today}&to=${to}`,
    });
    expect(find(w, 'inquiries.received')!.link).toBe(
      `/inquiries?platform=${callB.platformId}&state=received`,
    );
    expect(w.charts.map((c) => c.kind)).toEqual(['inquiries.by_state']);
  });

  it('gives a role without work on the workbench no to-dos and no charts', async () => {
    await buildUser(t.systemCtx(), { username: 'lab', roles: ['researcher'], platformId: callA.platformId });
    expect(await workbenchOf(await signIn(t.app, 'lab'))).toEqual({ todos: [], charts: [] });
  });

  it('counts the accounts the system administrator manages', async () => {
    await buildUser(t.systemCtx(), { username: 'root', systemAdmin: true });
    const root = await signIn(t.app, 'root');
    const w = await workbenchOf(root);
    expect(kinds(w)).toEqual(['admin.accounts', 'registrations.pending']);
    expect(find(w, 'registrations.pending')).toMatchObject({
      platformId: null,
      link: '/admin/registrations',
    });
    const users = await root.get('/api/users?limit=1');
    expect(find(w, 'admin.accounts')).toMatchObject({ count: users.json().total, link: '/admin/users' });
  });
});

/** An application of a fresh applicant on A, submitted and left waiting for screening. */
async function submittedApplication(ctx: ReturnType<TestApp['systemCtx']>) {
  const org = (await buildOrg(ctx)).id;
  const a = await buildApplicant(ctx, callA.platformId, org);
  const owner = { ...ctx, actor: await loadActor(ctx.db, a.userId, 'session', ['read', 'write']) };
  const id = await createApplication(owner, callA.id, {});
  await saveDraft(
    owner,
    id,
    completeDraft(callA.fieldId, [{ orgId: org, contactId: a.personId, requested: 1000 }]),
  );
  await uploadAttachment(owner, id, 'proposal', { fileName: 'proposal.pdf', bytes: pdfBytes(id) });
  await submitApplication(owner, id);
}
