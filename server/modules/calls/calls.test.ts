import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { anonymous, type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildField } from '../../test/platform-factories.js';
import { fieldUsage } from '../fields/fields.references.js';

let t: TestApp;
let A: string;
let field: string;
let officer: Client;
let admin: Client;
let researcher: Client;
let officerB: Client;
let n = 0;

// The test clock starts at 2026-06-01T08:00:00Z.
const draft = (o: Record<string, unknown> = {}) => ({
  code: `C${n++}`,
  titleZh: '先进制造共性技术研发计划',
  titleEn: 'Advanced manufacturing generic technology call',
  summaryZh: '支持轻金属制造与3D打印共性技术。',
  opensAt: '2026-06-10T00:00:00Z',
  closesAt: '2026-07-10T09:00:00+08:00',
  budgetTotalMinor: 50_000_000_00,
  ceilingMinor: 5_000_000_00,
  fieldIds: [field],
  ...o,
});

async function callCount() {
  const r = await t.database.db
    .selectFrom('calls')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx, { model: 'ppp_program' })).id;
  const B = (await buildPlatform(ctx)).id;
  field = (await buildField(ctx)).id;
  await buildUser(ctx, { username: 'po', roles: ['program_officer'], platformId: A });
  await buildUser(ctx, { username: 'pa', roles: ['platform_admin'], platformId: A });
  await buildUser(ctx, { username: 'rs', roles: ['researcher'], platformId: A });
  await buildUser(ctx, { username: 'pob', roles: ['program_officer'], platformId: B });
  officer = await signIn(t.app, 'po');
  admin = await signIn(t.app, 'pa');
  researcher = await signIn(t.app, 'rs');
  officerB = await signIn(t.app, 'pob');
});
afterAll(() => t.close());

/** Sessions follow the test clock: sign in again after moving it. */
async function at(iso: string) {
  t.clock.set(iso);
  officer = await signIn(t.app, 'po');
  admin = await signIn(t.app, 'pa');
}

describe('drafts', () => {
  it('creates a draft with defaults: platform currency, dual-evaluation criteria, UTC times', async () => {
    const res = await officer.post(`/api/platforms/${A}/calls`, draft());
    expect(res.statusCode).toBe(201);
    const call = res.json();
    expect(call).toMatchObject({
      state: 'draft',
      effectiveState: 'draft',
      currency: 'CNY',
      closesAt: '2026-07-10T01:00:00.000Z',
      reviewersPerApplication: 3,
      fields: [{ id: field }],
      access: { canEdit: true, canPublish: true, canCopy: true },
    });
    expect(call.criteria.items.map((i: { key: string }) => i.key)).toEqual([
      'technical_value',
      'implementation',
      'impact',
      'commercialisation',
      'economic_benefit',
    ]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_label'])
      .where('entity_id', '=', call.id)
      .execute();
    expect(audit).toEqual([{ action: 'call.created', actor_label: 'po' }]);
    // The field is in use now: it cannot be deleted, only retired.
    expect(await fieldUsage(t.database.db, field)).toContainEqual({ usedBy: 'calls', count: 1 });
  });

  it('refuses incoherent drafts with field paths and writes nothing', async () => {
    const before = await callCount();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ceilingMinor: 60_000_000_00 }, '/ceilingMinor'],
      [{ closesAt: '2026-06-09T00:00:00Z' }, '/closesAt'],
      [{ budgetTotalMinor: -1 }, '/budgetTotalMinor'],
      [{ budgetTotalMinor: 1.5 }, '/budgetTotalMinor'],
      [
        {
          criteria: {
            scale: { min: 1, max: 10 },
            items: [
              { key: 'technical_value', weight: 0.5 },
              { key: 'implementation', weight: 0.2 },
              { key: 'impact', weight: 0.2 },
              { key: 'commercialisation', weight: 0.2 },
              { key: 'economic_benefit', weight: 0.2 },
            ],
          },
        },
        '/criteria/items',
      ],
      [{ eligibility: [{ kind: 'min_consortium_size', min: 0 }] }, '/eligibility/0/min'],
      [
        {
          requiredAttachments: [
            { key: 'plan', labelZh: '计划书', labelEn: 'Plan', required: true, types: ['exe'], maxBytes: 10 },
          ],
        },
        '/requiredAttachments/0/types/0',
      ],
      [{ fieldIds: [crypto.randomUUID()] }, '/fieldIds/0'],
    ];
    for (const [patch, pointer] of cases) {
      const res = await officer.post(`/api/platforms/${A}/calls`, draft(patch));
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    }
    const taken = await officer.post(`/api/platforms/${A}/calls`, draft({ code: 'C0' }));
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'calls.code_taken', errors: [{ pointer: '/code' }] });
    expect(await callCount()).toBe(before);
  });

  it('accepts weights given in percent', async () => {
    const res = await officer.post(
      `/api/platforms/${A}/calls`,
      draft({
        criteria: {
          scale: { min: 0, max: 100 },
          items: [
            { key: 'technical_value', weight: 30 },
            { key: 'implementation', weight: 20 },
            { key: 'impact', weight: 10 },
            { key: 'commercialisation', weight: 25 },
            { key: 'economic_benefit', weight: 15 },
          ],
        },
      }),
    );
    expect(res.statusCode).toBe(201);
  });

  it('keeps drafts from the public and from non-staff; staff preview them', async () => {
    const id = (await officer.post(`/api/platforms/${A}/calls`, draft())).json().id;
    expect((await anonymous(t.app).get(`/api/calls/${id}`)).statusCode).toBe(404);
    expect((await researcher.get(`/api/calls/${id}`)).statusCode).toBe(404);
    expect((await researcher.get(`/api/calls/${id}/manage`)).statusCode).toBe(404);
    expect((await officerB.get(`/api/calls/${id}`)).statusCode).toBe(404);
    const preview = await officer.get(`/api/calls/${id}`);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).not.toHaveProperty('screeningChecklist');
    expect((await admin.get(`/api/calls/${id}/manage`)).json().state).toBe('draft');
    const pub = (await anonymous(t.app).get('/api/calls')).json();
    expect(pub.items.map((c: { id: string }) => c.id)).not.toContain(id);
    expect((await researcher.get(`/api/platforms/${A}/calls`)).statusCode).toBe(403);
    expect((await officerB.post(`/api/platforms/${A}/calls`, draft())).statusCode).toBe(403);
    const staff = (await officer.get(`/api/platforms/${A}/calls`)).json();
    expect(staff.items.map((c: { id: string }) => c.id)).toContain(id);
  });

  it('edits drafts only', async () => {
    const id = (await officer.post(`/api/platforms/${A}/calls`, draft())).json().id;
    const edited = await officer.patch(`/api/calls/${id}`, {
      titleEn: 'Renamed',
      reviewersPerApplication: 5,
    });
    expect(edited.json()).toMatchObject({ titleEn: 'Renamed', reviewersPerApplication: 5 });
    const bad = await officer.patch(`/api/calls/${id}`, { ceilingMinor: 60_000_000_00 });
    expect(bad.statusCode).toBe(400);
    expect((await officer.get(`/api/calls/${id}/manage`)).json().ceilingMinor).toBe(5_000_000_00);
    expect((await officer.post(`/api/calls/${id}/publish`, {})).statusCode).toBe(200);
    const late = await officer.patch(`/api/calls/${id}`, { titleEn: 'Too late' });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'calls.not_editable', params: { state: 'published' } });
  });

  it('names a contact person: public, kept by a copy, refused when malformed, cleared with null', async () => {
    const contact = {
      contactName: '王敏',
      contactPhone: '+86 10-6851 2345',
      contactEmail: 'wangmin@example.org',
    };
    const bad = await officer.post(`/api/platforms/${A}/calls`, draft({ contactEmail: 'not-an-address' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].pointer).toBe('/contactEmail');
    const badPhone = await officer.post(`/api/platforms/${A}/calls`, draft({ contactPhone: 'call me' }));
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().errors[0].pointer).toBe('/contactPhone');
    const made = await officer.post(`/api/platforms/${A}/calls`, draft(contact));
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id;
    expect((await officer.post(`/api/calls/${id}/publish`, {})).statusCode).toBe(200);
    expect((await anonymous(t.app).get(`/api/calls/${id}`)).json()).toMatchObject(contact);
    const listed = (await anonymous(t.app).get(`/api/calls?status=all&platformId=${A}`)).json();
    expect(listed.items.find((c: { id: string }) => c.id === id)).toBeDefined();
    const dates = { opensAt: '2027-06-10T00:00:00.000Z', closesAt: '2027-07-10T00:00:00.000Z' };
    const copy = (await officer.post(`/api/calls/${id}/copy`, { code: `CT${n++}`, ...dates })).json();
    expect(copy).toMatchObject(contact);
    const cleared = await officer.patch(`/api/calls/${copy.id}`, { contactPhone: null });
    expect(cleared.json()).toMatchObject({ contactName: '王敏', contactPhone: null });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('entity_id', '=', copy.id)
      .where('action', '=', 'call.updated')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json!)).toMatchObject({ contact_name: '王敏', contact_phone: null });
  });

  it('复制申报指南: a new draft from an earlier call with its guide, rules and forms, new code and dates', async () => {
    const rules = {
      eligibility: [{ kind: 'min_consortium_size', min: 2 }],
      reviewersPerApplication: 4,
      resubmitWindowDays: 3,
      requiredAttachments: [
        {
          key: 'proposal',
          labelZh: '申报书',
          labelEn: 'Proposal',
          required: true,
          types: ['pdf'],
          maxBytes: 2048,
        },
      ],
      screeningChecklist: [{ key: 'signed', labelZh: '已盖章', labelEn: 'Signed' }],
    };
    const source = (await officer.post(`/api/platforms/${A}/calls`, draft(rules))).json();
    expect((await officer.post(`/api/calls/${source.id}/publish`, {})).statusCode).toBe(200);
    const dates = { opensAt: '2027-06-10T00:00:00.000Z', closesAt: '2027-07-10T00:00:00.000Z' };
    const res = await admin.post(`/api/calls/${source.id}/copy`, { code: 'copy-2027', ...dates });
    expect(res.statusCode, res.body).toBe(201);
    const copy = res.json();
    expect(copy.id).not.toBe(source.id);
    expect(copy).toMatchObject({ code: 'COPY-2027', state: 'draft', publishedAt: null, ...dates, ...rules });
    const kept = [
      'titleZh',
      'titleEn',
      'summaryZh',
      'currency',
      'budgetTotalMinor',
      'ceilingMinor',
      'criteria',
      'fields',
    ];
    for (const k of kept) expect(copy[k], k).toEqual(source[k]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('entity_id', '=', copy.id)
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('call.created');
    expect(JSON.parse(audit.after_json!).copiedFrom).toBe(source.id);
    // The code must be free; bad dates are refused with their field; others may not copy.
    const taken = await officer.post(`/api/calls/${source.id}/copy`, { code: 'COPY-2027', ...dates });
    expect(taken.statusCode).toBe(409);
    const before = await callCount();
    const backwards = await officer.post(`/api/calls/${source.id}/copy`, {
      code: 'COPY-BAD',
      opensAt: dates.closesAt,
      closesAt: dates.opensAt,
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].pointer).toBe('/closesAt');
    expect(
      (await officerB.post(`/api/calls/${source.id}/copy`, { code: 'COPY-B', ...dates })).statusCode,
    ).toBe(403);
    expect(
      (await researcher.post(`/api/calls/${source.id}/copy`, { code: 'COPY-R', ...dates })).statusCode,
    ).toBe(403);
    expect((await officerB.post(`/api/calls/${copy.id}/copy`, { code: 'COPY-D', ...dates })).statusCode).toBe(
      404,
    );
    expect(await callCount()).toBe(before);
  });
});

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
