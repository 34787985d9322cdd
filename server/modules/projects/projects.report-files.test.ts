import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../common/canonical-json.js';
import { snapshotTables } from '../../test/bad-input.js';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildPerson } from '../../test/platform-factories.js';
import { pdfBytes } from '../applications/applications.fixtures.js';
import { multipart } from '../imports/imports.fixtures.js';
import { buildProjectInExecution } from './projects.fixtures.js';

let t: TestApp;
let A: string;
let officer: Client;
let lead: Client;
let supervisor: Client;
let outsider: Client;
let leadPerson: string;

const evidence = (id: string) => `/api/projects/${id}/evidence`;
const upload = (c: Client, id: string, query: string, bytes: Buffer, name: string) =>
  c.request({ method: 'POST', url: `${evidence(id)}?${query}`, ...multipart(bytes, name) });
const remove = (c: Client, id: string, fileId: string) =>
  c.request({ method: 'DELETE', url: `${evidence(id)}/${fileId}` });
const inExecution = () => buildProjectInExecution(t.systemCtx(), A, { leadContactPersonId: leadPerson });
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx)).id;
  await buildUser(ctx, { username: 'officer', roles: ['program_officer'], platformId: A });
  const l = await buildUser(ctx, { username: 'lead', roles: ['applicant'], platformId: A });
  await buildUser(ctx, { username: 'supervisor', roles: ['supervisor'], platformId: A });
  await buildUser(ctx, { username: 'outsider', roles: ['applicant'], platformId: A });
  leadPerson = (await buildPerson(ctx, { userId: l.id })).id;
  officer = await signIn(t.app, 'officer');
  lead = await signIn(t.app, 'lead');
  supervisor = await signIn(t.app, 'supervisor');
  outsider = await signIn(t.app, 'outsider');
});
afterAll(() => t.close());

describe('files on project reports', () => {
  it('the lead attaches and removes files while the report is a draft; submitting freezes them under its hash', async () => {
    const p = await inExecution();
    const due = (await lead.get(`/api/projects/${p.id}/reports`)).json().items[0];
    const ref = `subject=report&ref=${due.kind}:${due.dueOn}`;
    const a = await upload(lead, p.id, ref, pdfBytes('年度报告正文'), '年度报告.pdf');
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ subject: 'report', ref: `${due.kind}:${due.dueOn}`, removable: true });
    const b = await upload(lead, p.id, ref, pdfBytes('草稿'), '草稿.pdf');
    // Readers see the files; only the lead's side may remove a draft's.
    const seen = (await officer.get(evidence(p.id))).json().items;
    expect(seen.map((e: { fileName: string; removable: boolean }) => [e.fileName, e.removable])).toEqual([
      ['年度报告.pdf', false],
      ['草稿.pdf', false],
    ]);
    expect((await remove(officer, p.id, b.json().id)).statusCode).toBe(403);
    expect((await remove(supervisor, p.id, b.json().id)).statusCode).toBe(403);
    expect((await remove(outsider, p.id, b.json().id)).statusCode).toBe(404);
    expect((await remove(lead, p.id, b.json().id)).statusCode).toBe(204);
    expect((await lead.get(evidence(p.id))).json().items).toHaveLength(1);

    const sent = await lead.post(`/api/projects/${p.id}/reports`, {
      kind: due.kind,
      dueOn: due.dueOn,
      body: '进展',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const row = sent.json().items.find((r: { dueOn: string }) => r.dueOn === due.dueOn);
    const stored = await t.database.db
      .selectFrom('project_reports')
      .selectAll()
      .where('project_id', '=', p.id)
      .executeTakeFirstOrThrow();
    const files = [{ id: a.json().id, fileName: '年度报告.pdf', sha256: sha(pdfBytes('年度报告正文')) }];
    const expected = createHash('sha256')
      .update(
        canonicalJson({
          projectId: p.id,
          kind: due.kind,
          dueOn: due.dueOn,
          body: '进展',
          submittedBy: stored.submitted_by,
          submittedAt: stored.submitted_at,
          files,
        }),
      )
      .digest('hex');
    expect(row.sha256).toBe(expected);

    // Frozen: no removal, no new file (409), nothing written.
    const before = await snapshotTables(t.database);
    const del = await remove(lead, p.id, a.json().id);
    expect(del.statusCode).toBe(409);
    expect(del.json().code).toBe('projects.report_files_frozen');
    const late = await upload(lead, p.id, ref, pdfBytes('补充'), '补充.pdf');
    expect(late.statusCode).toBe(409);
    expect(await snapshotTables(t.database)).toEqual(before);
    expect((await lead.get(evidence(p.id))).json().items[0].removable).toBe(false);
  });

  it('refuses with nothing written: the funder side and readers (403), others (404), a report not in the schedule (422 /ref), a bad file (415)', async () => {
    const p = await inExecution();
    const due = (await lead.get(`/api/projects/${p.id}/reports`)).json().items[0];
    const ref = `subject=report&ref=${due.kind}:${due.dueOn}`;
    const before = await snapshotTables(t.database);
    expect((await upload(officer, p.id, ref, pdfBytes('x'), 'x.pdf')).statusCode).toBe(403);
    expect((await upload(supervisor, p.id, ref, pdfBytes('x'), 'x.pdf')).statusCode).toBe(403);
    expect((await upload(outsider, p.id, ref, pdfBytes('x'), 'x.pdf')).statusCode).toBe(404);
    const off = await upload(lead, p.id, 'subject=report&ref=final:2001-01-01', pdfBytes('x'), 'x.pdf');
    expect(off.statusCode).toBe(422);
    expect(off.json().errors[0]).toMatchObject({ in: 'querystring', pointer: '/ref' });
    const bad = await upload(lead, p.id, ref, Buffer.from('plain text'), 'x.pdf');
    expect(bad.statusCode).toBe(415);
    expect(bad.json().errors[0]).toMatchObject({
      pointer: '/file',
      code: 'applications.attachment_type_mismatch',
    });
    expect(await snapshotTables(t.database)).toEqual(before);
    // A milestone's evidence is kept: not removed through this route (409), nothing written.
    const milestone = await upload(lead, p.id, 'subject=milestone&ref=0', pdfBytes('m'), 'm.pdf');
    expect(milestone.statusCode).toBe(201);
    const afterUpload = await snapshotTables(t.database);
    const kept = await remove(lead, p.id, milestone.json().id);
    expect(kept.statusCode).toBe(409);
    expect(kept.json().code).toBe('projects.evidence_kept');
    expect(await snapshotTables(t.database)).toEqual(afterUpload);
  });

  it("a check report's files are frozen with the version submitted, under the version's sha256", async () => {
    const p = await inExecution();
    const check = (
      await officer.post(`/api/projects/${p.id}/checks`, { kind: 'interim', dueOn: '2099-01-31' })
    ).json();
    const ref = `subject=check_report&ref=${check.id}`;
    const f = await upload(lead, p.id, ref, pdfBytes('中期检查报告'), '中期检查报告.pdf');
    expect(f.statusCode, f.body).toBe(201);
    const sent = await lead.post(`/api/project-checks/${check.id}/report`, {
      indicators: [{ index: 0, value: 2 }],
      milestones: [{ index: 0, progress: 'done' }],
      achievements: '完成样机研制',
      problems: '',
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const version = sent.json().reports[0];
    expect(version.report.attachments).toEqual([
      { id: f.json().id, fileName: '中期检查报告.pdf', sha256: sha(pdfBytes('中期检查报告')) },
    ]);
    const { reportSha256, report } = version;
    expect(createHash('sha256').update(canonicalJson(report)).digest('hex')).toBe(reportSha256);
    // Under review: the files are frozen.
    const del = await remove(lead, p.id, f.json().id);
    expect(del.statusCode).toBe(409);
    const late = await upload(lead, p.id, ref, pdfBytes('补充'), '补充.pdf');
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'project_checks.wrong_state', state: 'under_review' });
  });
});
