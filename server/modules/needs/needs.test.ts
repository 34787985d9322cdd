import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { anonymous, type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildField, buildOrganisation, buildPerson, buildUnit } from '../../test/platform-factories.js';
import { makeResult, technologyBody } from '../results/results.fixtures.js';
import { createExpert } from '../review/experts/experts.service.js';
import { buildPublishedService } from '../services/services.fixtures.js';

let t: TestApp;
let A: string;
let energy: string;
let techId: string;
let expertEnId: string;
let expertZhId: string;
let sme: Client;
let colleague: Client;
let otherSme: Client;
let officer: Client;
let director: Client;
let visitor: Client;

const count = async (table: 'needs' | 'need_contacts' | 'audit_log') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const zhNeed = {
  title: '钙钛矿太阳能电池组件的封装与稳定性',
  problem: '我公司生产光伏组件，需要提高钙钛矿太阳能电池在湿热环境下的稳定性，寻求封装技术和测试服务。',
  language: 'zh',
  budgetMinor: 50_000_000,
  currency: 'CNY',
  deadline: '2031-06-30',
  visibility: 'public',
};

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx, { code: 'A' })).id;
  energy = (await buildField(ctx, { code: 'energy', nameEn: 'Energy' })).id;
  const dir = await buildUser(ctx, { username: 'dir', roles: ['lab_director'], platformId: A });
  const unitId = (
    await buildUnit(ctx, { platformId: A, directorPersonId: (await buildPerson(ctx, { userId: dir.id })).id })
  ).id;
  const org = await buildOrganisation(ctx, { nameZh: '苏州某光伏科技有限公司' });
  for (const name of ['sme', 'sme2']) {
    const u = await buildUser(ctx, { username: name, roles: ['enterprise_user'], platformId: A });
    await buildPerson(ctx, { userId: u.id, organisationId: org.id });
  }
  const other = await buildUser(ctx, { username: 'other', roles: ['enterprise_user'], platformId: A });
  await buildPerson(ctx, {
    userId: other.id,
    organisationId: (await buildOrganisation(ctx, { nameZh: '另一家公司' })).id,
  });
  await buildUser(ctx, { username: 'tto', roles: ['tech_transfer_officer'], platformId: A });

  techId = (
    await makeResult(
      ctx,
      technologyBody(A, {
        unitId,
        titleZh: '钙钛矿组件封装',
        titleEn: 'Encapsulation of perovskite solar modules',
        summaryZh: '阻水封装。',
        summaryEn: 'A barrier encapsulation that keeps perovskite solar cells stable under damp heat.',
        problemZh: undefined,
        problemEn: 'Perovskite solar cells degrade under damp heat.',
        applicationsZh: undefined,
        fieldIds: [energy],
      }),
    )
  ).id;
  await buildPublishedService(ctx, A, unitId);
  // The expert database: one expert writes only in English, one only in Chinese.
  const expert = (person: string, zh: string | null, en: string | null) =>
    createExpert(ctx, {
      person: { nameZh: person },
      category: 'academic',
      loadMax: 4,
      active: true,
      fieldIds: [],
      expertiseZh: zh,
      expertiseEn: en,
      outputs: [],
      declaredConflicts: [],
      availability: [],
    }).then((e) => e.id);
  expertEnId = await expert('王英文', null, 'Stability and encapsulation of perovskite photovoltaic modules');
  expertZhId = await expert('李中文', '锂离子电池正极材料与高镍三元材料的合成', null);

  sme = await signIn(t.app, 'sme');
  colleague = await signIn(t.app, 'sme2');
  otherSme = await signIn(t.app, 'other');
  officer = await signIn(t.app, 'tto');
  director = await signIn(t.app, 'dir');
  visitor = anonymous(t.app);
});
afterAll(() => t.close());

describe('technology needs', () => {
  let publicId: string;
  let staffId: string;

  it('an enterprise posts a public and a staff-only need; who reads which', async () => {
    const audits = await count('audit_log');
    const res = await sme.post(`/api/platforms/${A}/needs`, { ...zhNeed, fieldIds: [energy] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      state: 'open',
      budgetMinor: 50_000_000,
      organisation: { nameZh: '苏州某光伏科技有限公司' },
      access: { edit: true, matches: true },
    });
    publicId = res.json().id;
    expect(await count('audit_log')).toBe(audits + 1);
    staffId = (
      await sme.post(`/api/platforms/${A}/needs`, {
        ...zhNeed,
        title: '内部需求：高镍正极',
        visibility: 'staff',
      })
    ).json().id;

    // The same enterprise's other account and the staff see both; another enterprise and the public only the public one.
    const ids = async (c: Client) =>
      ((await c.get(`/api/needs?platformId=${A}`)).json().items as { id: string }[]).map((n) => n.id);
    expect((await ids(colleague)).sort()).toEqual([publicId, staffId].sort());
    expect((await ids(officer)).sort()).toEqual([publicId, staffId].sort());
    expect(await ids(otherSme)).toEqual([publicId]);
    expect((await otherSme.get(`/api/needs?platformId=${A}`)).json().total).toBe(1);
    expect((await otherSme.get(`/api/needs/${staffId}`)).statusCode).toBe(404);
    expect((await otherSme.get(`/api/needs/${publicId}`)).json()).toMatchObject({
      organisation: null,
      contacts: [],
    });
    const pub = (await visitor.get(`/api/public/needs?platformId=${A}`)).json();
    expect(pub.items.map((n: { id: string }) => n.id)).toEqual([publicId]);
    expect(pub.items[0]).not.toHaveProperty('organisation');
    expect((await visitor.get(`/api/needs/${publicId}`)).statusCode).toBe(401);
    expect((await ids(colleague)).length).toBe(2);
    expect((await colleague.get('/api/needs?mine=true')).json().total).toBe(2);
    expect((await otherSme.get('/api/needs?mine=true')).json().total).toBe(0);
  });

  it('refuses bad input with the field pointer and writes nothing', async () => {
    const before = [await count('needs'), await count('audit_log')];
    const bad = async (body: object, status: number, pointer: string) => {
      const res = await sme.post(`/api/platforms/${A}/needs`, { ...zhNeed, ...body });
      expect(res.statusCode, res.body).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(res.json())).toContain(pointer);
    };
    await bad({ budgetMinor: -1 }, 400, '/budgetMinor');
    await bad({ budgetMinor: 12.5 }, 400, '/budgetMinor');
    await bad({ language: 'fr' }, 400, '/language');
    await bad({ title: ' ' }, 400, '/title');
    await bad({ fieldIds: ['0190a1b2-0000-7000-8000-000000000000'] }, 400, '/fieldIds/0');
    await bad({ deadline: '2001-01-01' }, 400, '/deadline');
    // Only enterprise users post needs; the officer is refused.
    expect((await officer.post(`/api/platforms/${A}/needs`, zhNeed)).statusCode).toBe(403);
    expect([await count('needs'), await count('audit_log')]).toEqual(before);
  });

  it('matches a Chinese need to English texts and an English need to Chinese ones, with the reasons', async () => {
    const res = await sme.get(`/api/needs/${publicId}/matches`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Array<{ kind: string; id: string; reason: Record<string, string[]> }>;
    const top2 = items.slice(0, 2).map((m) => `${m.kind}:${m.id}`);
    expect(top2.sort()).toEqual([`expert:${expertEnId}`, `technology:${techId}`].sort());
    const expert = items.find((m) => m.id === expertEnId)!;
    // The English-only expert matched through shared concepts, highlighted in each language.
    expect(expert.reason.matchTerms).toEqual(expect.arrayContaining(['perovskite', 'encapsulation']));
    expect(expert.reason.needTerms).toEqual(expect.arrayContaining(['钙钛矿', '封装']));
    expect(items.find((m) => m.id === techId)!.reason.fieldIds).toEqual([energy]);
    // The Chinese battery expert is not a match of the solar need.
    expect(items.some((m) => m.id === expertZhId)).toBe(false);

    const en = await sme.post(`/api/platforms/${A}/needs`, {
      ...zhNeed,
      title: 'Nickel-rich cathode materials',
      problem: 'We need a partner to synthesise nickel-rich cathode materials for lithium-ion batteries.',
      language: 'en',
    });
    const enMatches = (await sme.get(`/api/needs/${en.json().id}/matches`)).json().items;
    expect(enMatches[0]).toMatchObject({ kind: 'expert', id: expertZhId });
    expect(enMatches[0].reason.matchTerms).toEqual(expect.arrayContaining(['锂离子电池', '正极材料']));
    await sme.post(`/api/needs/${en.json().id}/transitions`, { action: 'withdraw' });

    // Matches are for the enterprise and the staff, not for another enterprise reading a public need.
    expect((await officer.get(`/api/needs/${publicId}/matches`)).statusCode).toBe(200);
    expect((await otherSme.get(`/api/needs/${publicId}/matches`)).statusCode).toBe(403);
    expect((await otherSme.get(`/api/needs/${staffId}/matches`)).statusCode).toBe(404);
  });

  it('contacts a match; the provider declines with a structured reason; officers see what is unmet', async () => {
    const before = await count('need_contacts');
    expect(
      (
        await sme.post(`/api/needs/${publicId}/contacts`, {
          kind: 'technology',
          targetId: expertZhId,
          message: '您好',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await otherSme.post(`/api/needs/${publicId}/contacts`, {
          kind: 'technology',
          targetId: techId,
          message: 'x',
        })
      ).statusCode,
    ).toBe(403);
    expect(await count('need_contacts')).toBe(before);

    const sent = await sme.post(`/api/needs/${publicId}/contacts`, {
      kind: 'technology',
      targetId: techId,
      message: '希望洽谈许可。',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ state: 'sent', targetKind: 'technology', mayAnswer: false });
    const again = await colleague.post(`/api/needs/${publicId}/contacts`, {
      kind: 'technology',
      targetId: techId,
      message: '再次',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('needs.already_contacted');
    const matches = (await sme.get(`/api/needs/${publicId}/matches`)).json().items;
    expect(matches.find((m: { id: string }) => m.id === techId).contacted).toBe(true);

    // The unit's director is notified (in-app; e-mail when SMTP is set), linked to the 技术需求 page.
    const news = async (c: Client) =>
      (await c.get('/api/me/notifications'))
        .json()
        .items.filter((n: { kind: string }) => n.kind.startsWith('need_contact.'));
    expect(await news(director)).toEqual([
      expect.objectContaining({
        kind: 'need_contact.sent',
        entityId: sent.json().id,
        link: '/needs',
        subject: `技术需求对接：${zhNeed.title}`,
      }),
    ]);
    expect(await news(otherSme)).toEqual([]);

    // The unit's director receives it; nobody else answers it.
    const inbox = (await director.get('/api/need-contacts')).json().items;
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ id: sent.json().id, mayAnswer: true, needTitle: zhNeed.title });
    expect((await otherSme.get('/api/need-contacts')).json().items).toEqual([]);
    const id = sent.json().id;
    expect((await sme.post(`/api/need-contacts/${id}/answer`, { to: 'accepted' })).statusCode).toBe(403);
    expect((await otherSme.post(`/api/need-contacts/${id}/answer`, { to: 'accepted' })).statusCode).toBe(404);
    const noReason = await director.post(`/api/need-contacts/${id}/answer`, { to: 'declined' });
    expect([noReason.statusCode, noReason.json().errors?.[0]?.pointer ?? noReason.json().pointer]).toEqual([
      400,
      '/reason',
    ]);
    const noText = await director.post(`/api/need-contacts/${id}/answer`, {
      to: 'declined',
      reason: 'other',
    });
    expect(noText.statusCode).toBe(400);
    expect(JSON.stringify(noText.json())).toContain('/note');
    const declined = await director.post(`/api/need-contacts/${id}/answer`, {
      to: 'declined',
      reason: 'too_early',
    });
    expect(declined.json()).toMatchObject({
      state: 'declined',
      declineReason: 'too_early',
      mayAnswer: false,
    });
    expect((await director.post(`/api/need-contacts/${id}/answer`, { to: 'accepted' })).statusCode).toBe(409);

    // The enterprise that sent it is notified of the decline with the reason in words.
    const toSme = await news(sme);
    expect(toSme).toEqual([expect.objectContaining({ kind: 'need_contact.declined', entityId: id })]);
    expect(toSme[0].body).toContain('原因：技术尚不成熟');
    expect(await news(colleague)).toEqual([]);

    // The enterprise sees the answer on its need.
    expect((await sme.get(`/api/needs/${publicId}`)).json().contacts[0]).toMatchObject({
      state: 'declined',
      declineReason: 'too_early',
    });

    const attention = async (filter?: string) =>
      (await officer.get(`/api/needs/attention?platformId=${A}${filter ? `&filter=${filter}` : ''}`)).json()
        .items as Array<{
        need: { id: string };
        flags: string[];
        declineReasons: string[];
      }>;
    const declinedList = await attention('declined');
    expect(declinedList.map((i) => i.need.id)).toEqual([publicId]);
    expect(declinedList[0]!.declineReasons).toEqual(['too_early']);
    // The staff-only battery need matched no provider of this platform's catalog but the battery expert: it waits uncontacted.
    expect((await attention('uncontacted')).map((i) => i.need.id)).toEqual([staffId]);
    expect((await otherSme.get(`/api/needs/attention?platformId=${A}`)).statusCode).toBe(403);
    expect((await director.get(`/api/needs/attention?platformId=${A}`)).statusCode).toBe(403);
  });

  it('edits, closes and withdraws through the legal moves only, audited', async () => {
    const n = (await sme.post(`/api/platforms/${A}/needs`, { ...zhNeed, title: '待撤回的需求' })).json();
    const edited = await colleague.put(`/api/needs/${n.id}`, {
      ...zhNeed,
      title: '已修改的需求',
      budgetMinor: 1,
    });
    expect(edited.json()).toMatchObject({ title: '已修改的需求', budgetMinor: 1 });
    expect((await otherSme.put(`/api/needs/${n.id}`, zhNeed)).statusCode).toBe(403);
    expect((await officer.post(`/api/needs/${n.id}/transitions`, { action: 'close' })).statusCode).toBe(403);
    const closed = await sme.post(`/api/needs/${n.id}/transitions`, {
      action: 'close',
      note: '已找到合作方',
    });
    expect(closed.json()).toMatchObject({
      state: 'closed',
      closeNote: '已找到合作方',
      access: { edit: false },
    });
    const audits = await count('audit_log');
    const illegal = await sme.post(`/api/needs/${n.id}/transitions`, { action: 'withdraw' });
    expect([illegal.statusCode, illegal.json().code]).toEqual([409, 'needs.illegal_transition']);
    expect((await sme.put(`/api/needs/${n.id}`, zhNeed)).statusCode).toBe(409);
    expect(await count('audit_log')).toBe(audits);
    const trail = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', n.id)
      .orderBy('seq')
      .execute();
    expect(trail.map((r) => r.action)).toEqual(['need.posted', 'need.edited', 'need.close']);
    // A closed need leaves the portal.
    expect(
      (await visitor.get('/api/public/needs')).json().items.some((x: { id: string }) => x.id === n.id),
    ).toBe(false);
  });
});
