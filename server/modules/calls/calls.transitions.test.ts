import { describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.js';
import { anonymous, signIn } from '../../test/harness.js';
import { A, admin, at, draft, officer, setUpCallsWorld, t } from './calls.fixtures.js';

// A call's state changes by the server clock: publish checks, open and closed, deadline extension.
setUpCallsWorld();

describe('transitions by the server clock', () => {
  it('checks a call before publishing it', async () => {
    const id = (
      await officer.post(`/api/platforms/${A}/calls`, draft({ fieldIds: [], summaryZh: null }))
    ).json().id;
    const res = await officer.post(`/api/calls/${id}/publish`, {});
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(['/fieldIds', '/summaryZh']);
    expect((await officer.get(`/api/calls/${id}/manage`)).json().state).toBe('draft');
    const past = (
      await officer.post(
        `/api/platforms/${A}/calls`,
        draft({ opensAt: '2026-05-01T00:00:00Z', closesAt: '2026-05-31T00:00:00Z' }),
      )
    ).json().id;
    const r2 = await officer.post(`/api/calls/${past}/publish`, {});
    expect(r2.json().errors).toEqual([
      expect.objectContaining({ pointer: '/closesAt', code: 'calls.close_in_past' }),
    ]);
  });

  it('is upcoming, then open, then closed at closes_at; illegal transitions name the state', async () => {
    t.clock.set('2026-06-01T08:00:00Z');
    const id = (
      await officer.post(
        `/api/platforms/${A}/calls`,
        draft({ opensAt: '2026-06-02T00:00:00Z', closesAt: '2026-06-03T00:00:00Z' }),
      )
    ).json().id;
    const pub = await admin.post(`/api/calls/${id}/publish`, { reason: 'Approved by the board' });
    expect(pub.json()).toMatchObject({ state: 'published', effectiveState: 'upcoming' });
    const again = await officer.post(`/api/calls/${id}/publish`, {});
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toMatch(/problem\+json/);
    expect(again.json()).toMatchObject({ code: 'calls.illegal_transition', params: { state: 'published' } });
    const view = () => anonymous(t.app).get(`/api/calls/${id}`);
    await at('2026-06-02T00:00:00Z');
    expect((await view()).json().effectiveState).toBe('open');
    await at('2026-06-02T23:59:59.999Z');
    expect((await view()).json()).toMatchObject({
      effectiveState: 'open',
      closesAt: '2026-06-03T00:00:00.000Z',
      serverNow: '2026-06-02T23:59:59.999Z',
    });
    await at('2026-06-03T00:00:00Z');
    expect((await view()).json().effectiveState).toBe('closed');
    const ext = await officer.post(`/api/calls/${id}/extend-deadline`, {
      closesAt: '2026-06-10T00:00:00Z',
      reason: 'Too late',
    });
    expect(ext.statusCode).toBe(409);
    expect(ext.json().params).toMatchObject({ state: 'published', effectiveState: 'closed' });
    const closed = await officer.post(`/api/calls/${id}/close`, { reason: 'Deadline passed' });
    expect(closed.json()).toMatchObject({ state: 'closed', closedAt: '2026-06-03T00:00:00.000Z' });
    const reclose = await officer.post(`/api/calls/${id}/close`, {});
    expect(reclose.json()).toMatchObject({ code: 'calls.illegal_transition', params: { state: 'closed' } });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'reason', 'at', 'actor_label'])
      .where('entity_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => [a.action, a.reason, a.actor_label])).toEqual([
      ['call.created', null, 'po'],
      ['call.publish', 'Approved by the board', 'pa'],
      ['call.close', 'Deadline passed', 'po'],
    ]);
    expect(audit[2]!.at).toBe('2026-06-03T00:00:00.000Z');
    await at('2026-06-01T08:00:00Z');
  });

  it('lists open, upcoming and past calls publicly with counts', async () => {
    t.clock.set('2026-06-15T00:00:00Z');
    const list = (await anonymous(t.app).get(`/api/calls?platformId=${A}`)).json();
    const states = list.items.map((c: { effectiveState: string }) => c.effectiveState);
    expect(states.every((s: string) => ['open', 'upcoming', 'closed'].includes(s))).toBe(true);
    expect(list.counts.open).toBe(states.filter((s: string) => s === 'open').length);
    expect(list.counts.past).toBeGreaterThanOrEqual(1);
    const past = (await anonymous(t.app).get(`/api/calls?platformId=${A}&status=past`)).json();
    expect(past.items.length).toBe(list.counts.past);
    expect(past.items.every((c: { effectiveState: string }) => c.effectiveState === 'closed')).toBe(true);
    await at('2026-06-01T08:00:00Z');
  });
});

describe('deadline extension', () => {
  it('moves the deadline later only, records the reason and notifies the applicants', async () => {
    const id = (await officer.post(`/api/platforms/${A}/calls`, draft())).json().id;
    await officer.post(`/api/calls/${id}/publish`, {});
    const ctx = t.systemCtx();
    const applicant = await buildUser(ctx, { username: 'applicant1', roles: ['applicant'], platformId: A });
    const bystander = await buildUser(ctx, { username: 'bystander', roles: ['applicant'], platformId: A });
    const org = crypto.randomUUID();
    const now = new Date().toISOString();
    await ctx.db
      .insertInto('organisations')
      .values({
        id: org,
        name_zh: '某企业',
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
        call_id: id,
        platform_id: A,
        owner_user_id: applicant.id,
        lead_org_id: org,
        state: 'draft',
        version_no: 1,
        requested_total_minor: 0,
        currency: 'CNY',
        created_at: now,
        updated_at: now,
      } as never)
      .execute();
    const early = await officer.post(`/api/calls/${id}/extend-deadline`, {
      closesAt: '2026-07-01T00:00:00Z',
      reason: 'Earlier',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0]).toMatchObject({ pointer: '/closesAt', code: 'calls.extension_not_later' });
    const ok = await officer.post(`/api/calls/${id}/extend-deadline`, {
      closesAt: '2026-07-20T01:00:00Z',
      reason: '应申报单位要求延期',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      closesAt: '2026-07-20T01:00:00.000Z',
      deadlineExtensions: [
        {
          previousClosesAt: '2026-07-10T01:00:00.000Z',
          closesAt: '2026-07-20T01:00:00.000Z',
          reason: '应申报单位要求延期',
        },
      ],
    });
    const mine = (await (await signIn(t.app, 'applicant1')).get('/api/me/notifications')).json();
    expect(mine.unread).toBe(1);
    expect(mine.items[0]).toMatchObject({
      kind: 'call.deadline_extended',
      entityId: id,
      link: `/calls/${id}`,
    });
    expect(mine.items[0].subject).toContain('截止时间延长');
    expect(mine.items[0].body).toContain('2026-07-20 01:00 UTC');
    await officer.post(`/api/calls/${id}/close`, { reason: 'Budget exhausted' });
    const after = (await (await signIn(t.app, 'applicant1')).get('/api/me/notifications')).json();
    expect(after.items.map((i: { kind: string }) => i.kind)).toEqual([
      'call.closed',
      'call.deadline_extended',
    ]);
    const theirs = (await (await signIn(t.app, 'bystander')).get('/api/me/notifications')).json();
    expect(theirs.total).toBe(0);
    expect(bystander.id).toBeTruthy();
  });
});
