import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotTables } from '../../test/bad-input.js';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildPerson, buildUnit } from '../../test/platform-factories.js';
import { buildLicence as buildAgreement, buildDisclosure, buildFiling } from '../ip/ip.fixtures.js';
import { makeResult, publicationBody } from '../results/results.fixtures.js';
import { buildPublishedService } from '../services/services.fixtures.js';
import { createRequest } from '../services/services.requests.js';
import { buildCheck } from './checks/checks.fixtures.js';
import { buildProjectInExecution } from './projects.fixtures.js';

let t: TestApp;
let A: string;
let B: string;
let admin: Client;
let officer: Client;
let lead: Client;
let researcher: Client;
let otherLead: Client;
let leadPerson: string;
let unitId: string;
let requesterId: string;

const url = (id: string) => `/api/projects/${id}/outputs`;
const inExecution = () =>
  buildProjectInExecution(t.systemCtx(), A, {
    leadContactPersonId: leadPerson,
    indicators: [
      { name: '发明专利申请', type: 'count', target: 3, verification: '受理通知书', measuredBy: 'filing' },
      { name: '论文', type: 'count', target: 2, verification: '论文清单' },
      { name: '技术合同金额', type: 'amount', target: 100_000, verification: '合同' },
    ],
  });

/** One output of each type on platform `platformId`, made through the owners' services. */
async function outputsOn(platformId: string) {
  const ctx = t.systemCtx();
  const result = await makeResult(ctx, publicationBody(platformId, { titleZh: '光频梳论文' }));
  const disclosure = await buildDisclosure(ctx, platformId, { title: '光频梳校准方法' });
  const filing = await buildFiling(ctx, disclosure.id);
  const licence = await buildAgreement(ctx, platformId, { title: '光频梳许可' });
  const crada = await buildAgreement(ctx, platformId, {
    kind: 'crada',
    licenceKind: null,
    exclusivity: null,
    cradaClass: 'traditional',
  });
  const unit = platformId === A ? unitId : (await buildUnit(ctx, { platformId })).id;
  const service = await buildPublishedService(ctx, platformId, unit);
  const asUser = { ...ctx, actor: { ...ctx.actor!, userId: requesterId } };
  const request = await createRequest(asUser, service.id, {
    description: '校准',
    quantity: 1,
    wantedBy: null,
  });
  return { result, disclosure, filing, licence, crada, request };
}

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx)).id;
  B = (await buildPlatform(ctx)).id;
  await buildUser(ctx, { username: 'admin', roles: ['platform_admin'], platformId: A });
  await buildUser(ctx, { username: 'officer', roles: ['program_officer'], platformId: A });
  const l = await buildUser(ctx, { username: 'lead', roles: ['applicant', 'researcher'], platformId: A });
  await buildUser(ctx, { username: 'researcher', roles: ['researcher'], platformId: A });
  requesterId = (await buildUser(ctx, { username: 'firm', roles: ['enterprise_user'], platformId: A })).id;
  const o = await buildUser(ctx, { username: 'other', roles: ['applicant'], platformId: A });
  leadPerson = (await buildPerson(ctx, { userId: l.id })).id;
  await buildProjectInExecution(ctx, A, {
    leadContactPersonId: (await buildPerson(ctx, { userId: o.id })).id,
  });
  unitId = (await buildUnit(ctx, { platformId: A })).id;
  admin = await signIn(t.app, 'admin');
  officer = await signIn(t.app, 'officer');
  lead = await signIn(t.app, 'lead');
  researcher = await signIn(t.app, 'researcher');
  otherLead = await signIn(t.app, 'other');
});
afterAll(() => t.close());

describe('outputs linked to a project', () => {
  it('links one output of each type, counts them, measures the count indicator and audits the links', async () => {
    const p = await inExecution();
    const o = await outputsOn(A);
    const links: Array<[string, string]> = [
      ['result', o.result.id],
      ['disclosure', o.disclosure.id],
      ['filing', o.filing.id],
      ['licence', o.licence.id],
      ['service_request', o.request.id],
    ];
    for (const [type, outputId] of links) {
      const res = await admin.post(url(p.id), { type, outputId });
      expect(res.statusCode, `${type}: ${res.body}`).toBe(201);
      expect(res.json()).toMatchObject({ type, outputId });
    }
    const view = (await lead.get(url(p.id))).json();
    expect(view.counts).toEqual({ result: 1, disclosure: 1, filing: 1, licence: 1, service_request: 1 });
    expect(view.items.map((i: { title: string }) => i.title)).toEqual([
      '光频梳论文',
      `${o.disclosure.refNo} 光频梳校准方法`,
      'US',
      `${o.licence.refNo} 光频梳许可`,
      // A service request by its number and service (SR-<year>-<five digits>).
      expect.stringMatching(/^SR-\d{4}-\d{5} 砝码校准$/),
    ]);
    expect(view.indicators).toEqual([
      { index: 0, name: '发明专利申请', type: 'count', measuredBy: 'filing', measured: 1 },
      { index: 1, name: '论文', type: 'count', measuredBy: null, measured: null },
      { index: 2, name: '技术合同金额', type: 'amount', measuredBy: null, measured: null },
    ]);
    expect(view.access).toEqual({ link: true });
    // The same output belongs to several projects: linked, not copied.
    const q = await inExecution();
    expect((await admin.post(url(q.id), { type: 'result', outputId: o.result.id })).statusCode).toBe(201);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', p.id)
      .where('action', '=', 'project.output_linked')
      .execute();
    expect(audit).toHaveLength(5);
  });

  it('needs rights on both sides; refuses outputs it cannot see or of another platform; nothing written', async () => {
    const p = await inExecution();
    const o = await outputsOn(A);
    const elsewhere = await outputsOn(B);
    const mine = await makeResult(
      t.systemCtx(),
      { ...publicationBody(A, { titleZh: '研究员的成果' }) },
      false,
    );
    const before = await snapshotTables(t.database);
    const cases: Array<[Client, Record<string, string>, number, string?]> = [
      // The lead's side, but no rights on IP records: they do not exist for it.
      [lead, { type: 'disclosure', outputId: o.disclosure.id }, 400, '/outputId'],
      // The lead reads the catalog (researcher) but neither manages nor created the result.
      [lead, { type: 'result', outputId: o.result.id }, 403],
      // A program officer manages the project but keeps no IP records.
      [officer, { type: 'filing', outputId: o.filing.id }, 400, '/outputId'],
      // Not on the project.
      [researcher, { type: 'result', outputId: mine.id }, 404],
      [otherLead, { type: 'result', outputId: o.result.id }, 404],
      [admin, { type: 'result', outputId: elsewhere.result.id }, 400, '/outputId'],
      [admin, { type: 'licence', outputId: elsewhere.licence.id }, 400, '/outputId'],
      [admin, { type: 'service_request', outputId: elsewhere.request.id }, 400, '/outputId'],
      [admin, { type: 'licence', outputId: o.crada.id }, 400, '/outputId'],
      [admin, { type: 'filing', outputId: o.disclosure.id }, 400, '/outputId'],
      [admin, { type: 'patent', outputId: o.filing.id }, 400, '/type'],
    ];
    for (const [client, body, status, pointer] of cases) {
      const res = await client.post(url(p.id), body);
      expect(res.statusCode, `${JSON.stringify(body)}: ${res.body}`).toBe(status);
      if (pointer) expect(res.json().errors[0].pointer).toBe(pointer);
    }
    expect(await snapshotTables(t.database)).toEqual(before);
    expect((await otherLead.get(url(p.id))).statusCode).toBe(404);
    expect((await officer.get(url(p.id))).json().access).toEqual({ link: true });
    expect((await researcher.get(url(p.id))).statusCode).toBe(404);
  });

  it('offers licences and service requests searched and paged on the server, only those the caller may change', async () => {
    const p = await inExecution();
    const ctx = t.systemCtx();
    const lasers = [];
    for (const n of [1, 2, 3]) lasers.push(await buildAgreement(ctx, A, { title: `锁模激光器许可${n}` }));
    await buildAgreement(ctx, A, {
      title: '锁模激光器合作研发',
      kind: 'crada',
      licenceKind: null,
      exclusivity: null,
      cradaClass: 'traditional',
    });
    await buildAgreement(ctx, B, { title: '锁模激光器许可 B' });
    const service = await buildPublishedService(ctx, A, unitId);
    const asFirm = { ...ctx, actor: { ...ctx.actor!, userId: requesterId } };
    const request = await createRequest(asFirm, service.id, {
      description: '飞秒脉冲宽度测量',
      quantity: 1,
      wantedBy: null,
    });
    const choices = (c: Client, query: string) => c.get(`/api/projects/${p.id}/output-choices?${query}`);
    const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((i) => i.id);

    // Found by a part of the title; the crada and the other platform's licence are not offered; paged.
    const q = `type=licence&q=${encodeURIComponent('激光器许可')}&pageSize=2`;
    const first = await choices(admin, q);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().total).toBe(3);
    const second = await choices(admin, `${q}&page=2`);
    expect([...ids(first), ...ids(second)].sort()).toEqual(lasers.map((l) => l.id).sort());
    expect(lasers.map((l) => `${l.refNo} ${l.title}`)).toContain(first.json().items[0].titleZh);

    const found = await choices(admin, `type=service_request&q=${encodeURIComponent('飞秒脉冲')}`);
    expect(ids(found)).toEqual([request.id]);
    expect(found.json().items[0].titleZh).toBe(`${request.number} 砝码校准`);
    // Found by its number too (the number a unit is told on the phone).
    expect(ids(await choices(admin, `type=service_request&q=${request.number}`))).toEqual([request.id]);
    expect(
      (await choices(admin, `type=service_request&q=${encodeURIComponent('不存在的词')}`)).json(),
    ).toEqual({
      items: [],
      total: 0,
    });
    // The officer and the lead link on the project's side but change no licence or request: none offered.
    for (const c of [officer, lead])
      for (const type of ['licence', 'service_request']) {
        const res = await choices(c, `type=${type}`);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toEqual({ items: [], total: 0 });
      }
    // Not on the project: as for a link.
    expect((await choices(otherLead, 'type=licence')).statusCode).toBe(404);
    expect((await choices(researcher, 'type=licence')).statusCode).toBe(404);
    expect((await choices(admin, 'type=result')).statusCode).toBe(400);
  });

  it('refuses a second link of the same output (409) and unlinks, audited, leaving the output', async () => {
    const p = await inExecution();
    const o = await outputsOn(A);
    const link = (await admin.post(url(p.id), { type: 'licence', outputId: o.licence.id })).json();
    const again = await admin.post(url(p.id), { type: 'licence', outputId: o.licence.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('projects.output_already_linked');
    expect((await lead.delete(`${url(p.id)}/${link.id}`)).statusCode).toBe(204);
    expect((await admin.get(url(p.id))).json()).toMatchObject({ items: [], counts: { licence: 0 } });
    expect((await admin.delete(`${url(p.id)}/${link.id}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/agreements/${o.licence.id}`)).statusCode).toBe(200);
    const unlinked = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'before_json'])
      .where('entity_id', '=', p.id)
      .where('action', '=', 'project.output_unlinked')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(unlinked.before_json!)).toMatchObject({ type: 'licence', outputId: o.licence.id });
  });

  it("generates the check report's outputs list from the links", async () => {
    const check = await buildCheck(t.systemCtx(), A, { leadContactPersonId: leadPerson });
    const o = await outputsOn(A);
    await admin.post(url(check.id), { type: 'result', outputId: o.result.id });
    await admin.post(url(check.id), { type: 'filing', outputId: o.filing.id });
    const res = await lead.post(`/api/project-checks/${check.checkId}/report`, {
      indicators: [{ index: 0, value: 1, note: '' }],
      milestones: [{ index: 0, progress: 'done' }],
      achievements: '样机',
      problems: '',
      resultsOwnership: [],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().reports[0].report.outputs).toEqual([
      { kind: 'result', id: o.result.id, title: '光频梳论文' },
      { kind: 'filing', id: o.filing.id, title: 'US' },
    ]);
  });
});
