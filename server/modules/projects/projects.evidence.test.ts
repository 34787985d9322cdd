import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
let outsider: Client;
let supervisor: Client;
let leadPerson: string;

const evidence = (id: string) => `/api/projects/${id}/evidence`;
const upload = (c: Client, id: string, query: string, bytes: Buffer, name: string) =>
  c.request({ method: 'POST', url: `${evidence(id)}?${query}`, ...multipart(bytes, name) });
const inExecution = () => buildProjectInExecution(t.systemCtx(), A, { leadContactPersonId: leadPerson });

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx)).id;
  await buildUser(ctx, { username: 'officer', roles: ['program_officer'], platformId: A });
  const l = await buildUser(ctx, { username: 'lead', roles: ['applicant'], platformId: A });
  const o = await buildUser(ctx, { username: 'outsider', roles: ['applicant'], platformId: A });
  await buildUser(ctx, { username: 'supervisor', roles: ['supervisor'], platformId: A });
  leadPerson = (await buildPerson(ctx, { userId: l.id })).id;
  await buildPerson(ctx, { userId: o.id });
  officer = await signIn(t.app, 'officer');
  lead = await signIn(t.app, 'lead');
  outsider = await signIn(t.app, 'outsider');
  supervisor = await signIn(t.app, 'supervisor');
});
afterAll(() => t.close());

describe('evidence files', () => {
  it("the lead attaches a file to a milestone's completion; readers download it under its name; locked once accepted", async () => {
    const p = await inExecution();
    const up = await upload(lead, p.id, 'subject=milestone&ref=0', pdfBytes('样机'), '样机测试报告.pdf');
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({
      subject: 'milestone',
      ref: '0',
      fileName: '样机测试报告.pdf',
      type: 'pdf',
      mediaType: 'application/pdf',
      sizeBytes: pdfBytes('样机').length,
    });
    const list = (await supervisor.get(evidence(p.id))).json();
    expect(list.items.map((e: { fileName: string }) => e.fileName)).toEqual(['样机测试报告.pdf']);
    const file = await officer.get(`${evidence(p.id)}/${up.json().id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(pdfBytes('样机'))).toBe(true);
    expect(file.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('样机测试报告.pdf')}`,
    );
    // Someone not on the project sees neither the list nor the file.
    expect((await outsider.get(evidence(p.id))).statusCode).toBe(404);
    expect((await outsider.get(`${evidence(p.id)}/${up.json().id}`)).statusCode).toBe(404);

    // Only the lead's side attaches to a milestone; the officer decides it.
    expect((await upload(officer, p.id, 'subject=milestone&ref=0', pdfBytes(), 'a.pdf')).statusCode).toBe(
      403,
    );
    expect((await upload(outsider, p.id, 'subject=milestone&ref=0', pdfBytes(), 'a.pdf')).statusCode).toBe(
      404,
    );
    const noSuch = await upload(lead, p.id, 'subject=milestone&ref=7', pdfBytes(), 'a.pdf');
    expect(noSuch.statusCode).toBe(422);
    expect(noSuch.json().errors[0]).toMatchObject({ in: 'querystring', pointer: '/ref' });

    await lead.post(`/api/projects/${p.id}/milestones/submission`, { milestone: 0, note: '完成' });
    await officer.post(`/api/projects/${p.id}/milestones/decision`, { milestone: 0, decision: 'accepted' });
    const snapshot = await snapshotTables(t.database);
    const locked = await upload(lead, p.id, 'subject=milestone&ref=0', pdfBytes('late'), 'late.pdf');
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe('projects.deliverable_locked');
    expect(await snapshotTables(t.database)).toEqual(snapshot);
  });

  it('refuses a bad file with nothing written: empty, lying about its type, or of a type not accepted', async () => {
    const p = await inExecution();
    const snapshot = await snapshotTables(t.database);
    const empty = await upload(lead, p.id, 'subject=milestone&ref=0', Buffer.alloc(0), 'empty.pdf');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].pointer).toBe('/file');
    const lying = await upload(lead, p.id, 'subject=milestone&ref=0', Buffer.from('not a pdf'), 'report.pdf');
    expect(lying.statusCode).toBe(415);
    expect(lying.json().code).toBe('applications.attachment_type_mismatch');
    const exe = await upload(
      lead,
      p.id,
      'subject=milestone&ref=0',
      Buffer.from('MZ\x90\x00binary'),
      'tool.exe',
    );
    expect(exe.statusCode).toBe(415);
    const badRef = await lead.request({
      method: 'POST',
      url: `${evidence(p.id)}?subject=milestone&ref=x`,
      ...multipart(pdfBytes(), 'a.pdf'),
    });
    expect(badRef.statusCode).toBe(400);
    expect(await snapshotTables(t.database)).toEqual(snapshot);
  });

  it('attaches the receipt to a spending entry: whoever books spending, an entry of this project only', async () => {
    const p = await inExecution();
    const booked = await lead.post(`/api/projects/${p.id}/spending`, {
      organisationId: p.lead,
      category: 'equipment',
      spentOn: p.startsOn,
      amountMinor: 1_000,
      description: '示波器',
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const entry = booked.json().entries[0].id;
    const byLead = await upload(lead, p.id, `subject=spending&ref=${entry}`, pdfBytes('发票'), '发票.pdf');
    expect(byLead.statusCode, byLead.body).toBe(201);
    const byOfficer = await upload(
      officer,
      p.id,
      `subject=spending&ref=${entry}`,
      pdfBytes('合同'),
      '合同.pdf',
    );
    expect(byOfficer.statusCode).toBe(201);
    expect(
      (await upload(supervisor, p.id, `subject=spending&ref=${entry}`, pdfBytes(), 'a.pdf')).statusCode,
    ).toBe(403);
    const other = await inExecution();
    const elsewhere = await upload(lead, other.id, `subject=spending&ref=${entry}`, pdfBytes(), 'a.pdf');
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json().code).toBe('projects.spending_entry_not_found');
    const items = (await lead.get(evidence(p.id))).json().items;
    expect(items.map((e: { subject: string; ref: string }) => [e.subject, e.ref])).toEqual([
      ['spending', entry],
      ['spending', entry],
    ]);
    const actions = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', p.id)
      .where('action', '=', 'project.evidence_uploaded')
      .execute();
    expect(actions).toHaveLength(2);
  });
});
