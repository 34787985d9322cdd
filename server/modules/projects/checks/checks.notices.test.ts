import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../../test/harness.js';
import { type SmtpSink, startSmtpSink } from '../../../test/smtp-sink.js';
import { outboxFor } from '../../notifications/notifications.outbox.js';
import { buildExpert } from '../../review/runs/runs.fixtures.js';
import { buildCheck } from './checks.fixtures.js';

// Check panels notify as application review does (docs/projects.md "Assignment runs for checks"): the
// invited expert in the app and by e-mail, once per seat; the platform's officers when an expert declines.

let t: TestApp;
let sink: SmtpSink;
let A: string;
let officer: Client;
const experts: { id: string; userId: string; email: string; locale: string; client: Client }[] = [];

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await setupTestApp({ env: { SMTP_URL: sink.url, PUBLIC_URL: 'https://lab.example.org' } });
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx)).id;
  const o = await buildUser(ctx, { username: 'officer', roles: ['program_officer'], platformId: A });
  await ctx.db.updateTable('users').set({ email: 'officer@example.org' }).where('id', '=', o.id).execute();
  officer = await signIn(t.app, 'officer');
  const categories = ['academic', 'industry', 'academic', 'industry'] as const;
  for (const [i, category] of categories.entries()) {
    const e = await buildExpert(ctx, { category, expertise: '传感器 材料', platformId: A });
    const locale = i % 2 ? 'en-US' : 'zh-CN';
    const email = `expert${i}@example.org`;
    await ctx.db.updateTable('users').set({ locale, email }).where('id', '=', e.userId!).execute();
    experts.push({ id: e.id, userId: e.userId!, email, locale, client: await signIn(t.app, e.username!) });
  }
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

const invitationsOf = (userId: string, checkId: string) =>
  t.database.db
    .selectFrom('notifications')
    .select(['kind', 'email_state'])
    .where('user_id', '=', userId)
    .where('kind', '=', 'project_check.invited')
    .where('entity_id', '=', checkId)
    .execute();
const expertOf = (id: string) => experts.find((e) => e.id === id)!;

describe('notifications of check panels', () => {
  it('invites each seated expert once, in the app and by e-mail in their language; a refill tells only the new seat', async () => {
    const c = await buildCheck(t.systemCtx(), A);
    const res = await officer.post('/api/project-check-runs', {
      checkIds: [c.checkId],
      mode: 'optimal',
      panelSize: 2,
    });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    const seats: { expertId: string; respondBy: string }[] = r.checks[0].seats;
    expect(seats).toHaveLength(2);
    const code: string = r.checks[0].projectCode;
    const respondBy = `${seats[0]!.respondBy.slice(0, 10)} ${seats[0]!.respondBy.slice(11, 16)} UTC`;
    for (const s of seats)
      expect(await invitationsOf(expertOf(s.expertId).userId, c.checkId)).toEqual([
        { kind: 'project_check.invited', email_state: 'pending' },
      ]);
    const seated = new Set(seats.map((s) => s.expertId));
    for (const e of experts.filter((x) => !seated.has(x.id)))
      expect(await invitationsOf(e.userId, c.checkId)).toEqual([]);

    // In the app: the reader's language, the project, the kind, the deadline, a link to 我的项目检查评审.
    const zhSeat = seats.map((s) => expertOf(s.expertId)).find((e) => e.locale === 'zh-CN')!;
    const inbox = (await zhSeat.client.get('/api/me/notifications')).json();
    const n = inbox.items.find((x: { kind: string }) => x.kind === 'project_check.invited');
    expect(n).toMatchObject({
      subject: `检查评审邀请：${code} 中期检查`,
      link: '/project-check-scorecards',
      entityId: c.checkId,
    });
    expect(n.body).toContain(`（${code}）的中期检查专家组`);
    expect(n.body).toContain(`请于 ${respondBy} 前在“我的项目检查评审”中接受或谢绝`);

    // By e-mail through the outbox, each in the recipient's language.
    await outboxFor(t.database.db)!.pass();
    for (const s of seats) {
      const e = expertOf(s.expertId);
      const mails = sink.mails.filter((m) => m.to.includes(e.email));
      expect(mails).toHaveLength(1);
      expect(mails[0]!.headers['content-language']).toBe(e.locale);
      if (e.locale === 'en-US') {
        expect(mails[0]!.subject).toBe(`Invitation to a check panel: ${code} interim check`);
        expect(mails[0]!.text).toContain(`under "My project check reviews" by ${respondBy}`);
      } else expect(mails[0]!.subject).toBe(`检查评审邀请：${code} 中期检查`);
      expect(mails[0]!.text).toContain('https://lab.example.org/project-check-scorecards');
    }

    // The declining expert's officers hear of it, with the reason; the other seat is not told again.
    const [stays, leaves] = seats.map((s) => expertOf(s.expertId));
    const answer = await leaves!.client.post(`/api/project-checks/${c.checkId}/invitation`, {
      answer: 'decline',
      reason: '时间冲突',
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const news = (await officer.get('/api/me/notifications')).json();
    const declined = news.items.filter(
      (x: { kind: string; entityId: string }) => x.kind === 'project_check.declined' && x.entityId === c.id,
    );
    expect(declined).toHaveLength(1);
    expect(declined[0]).toMatchObject({
      subject: `检查评审邀请被谢绝：${code} 中期检查`,
      link: `/projects/${c.id}/checks`,
    });
    expect(declined[0].body).toContain('理由：时间冲突');

    const refill = await officer.post(`/api/project-checks/${c.checkId}/refill`, {});
    expect(refill.statusCode, refill.body).toBe(201);
    const panel = (await officer.get(`/api/project-checks/${c.checkId}`)).json().panel;
    const fresh = panel.filter(
      (s: { state: string; expertId: string }) => s.state === 'invited' && !seated.has(s.expertId),
    );
    expect(fresh).toHaveLength(1);
    expect(await invitationsOf(expertOf(fresh[0].expertId).userId, c.checkId)).toHaveLength(1);
    expect(await invitationsOf(stays!.userId, c.checkId)).toHaveLength(1);
    expect(await invitationsOf(leaves!.userId, c.checkId)).toHaveLength(1);
    await outboxFor(t.database.db)!.pass();
    expect(sink.mails.filter((m) => m.to.includes(stays!.email))).toHaveLength(1);
    expect(sink.mails.filter((m) => m.to.includes('officer@example.org'))).toHaveLength(1);
  });
});
