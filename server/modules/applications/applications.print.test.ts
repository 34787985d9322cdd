import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatInZone } from '../../../common/time-format.js';
import { pdfText } from '../../files/pdf-text.fixtures.js';
import { buildUser } from '../../test/factories.js';
import { anonymous, type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { multipart } from '../imports/imports.fixtures.js';
import { buildApplicant, buildCall, buildOrg, completeDraft, pdfBytes } from './applications.fixtures.js';

let t: TestApp;
let applicant: Client;
let officer: Client;
let stranger: Client;
let id: string;
let draftId: string;
let receipt: { receiptNo: string; checksum: string; submittedAt: string };
let orgName: string;

const pdf = async (c: Client, url: string) => {
  const res = await c.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return { res, text: pdfText(res.rawPayload).join('\n') };
};

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  const call = await buildCall(ctx);
  const org = await buildOrg(ctx, 'university');
  orgName = (
    await ctx.db
      .selectFrom('organisations')
      .select('name_zh')
      .where('id', '=', org.id)
      .executeTakeFirstOrThrow()
  ).name_zh;
  const lead = await buildApplicant(ctx, call.platformId, org.id);
  const other = await buildApplicant(ctx, call.platformId, (await buildOrg(ctx)).id);
  const officerUser = await buildUser(ctx, { roles: ['program_officer'], platformId: call.platformId });
  applicant = await signIn(t.app, lead.username);
  officer = await signIn(t.app, officerUser.username);
  stranger = await signIn(t.app, other.username);

  id = (await applicant.post(`/api/calls/${call.id}/applications`, {})).json().id;
  const draft = completeDraft(call.fieldId, [
    { orgId: org.id, contactId: lead.personId, requested: 3_000_000 },
  ]);
  expect((await applicant.put(`/api/applications/${id}`, draft)).statusCode).toBe(200);
  const up = await applicant.request({
    method: 'POST',
    url: `/api/applications/${id}/attachments?key=proposal`,
    ...multipart(pdfBytes('print'), '项目申报书正文.pdf'),
  });
  expect(up.statusCode, up.body).toBe(201);
  const sub = await applicant.post(`/api/applications/${id}/submit`);
  expect(sub.statusCode, sub.body).toBe(200);
  receipt = sub.json();
  // A second draft, never submitted: nothing to print.
  draftId = (await stranger.post(`/api/calls/${call.id}/applications`, {})).json().id;
});
afterAll(() => t.close());

describe('the printable 申报书', () => {
  it('prints the frozen version in Chinese with the receipt number, checksum, budget, indicators and attachments', async () => {
    const { res, text } = await pdf(applicant, `/api/applications/${id}/application-form.pdf`);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent(`申报书-${receipt.receiptNo}.pdf`)}`,
    );
    expect(res.headers['cache-control']).toBe('no-store');
    for (const s of [
      '申报书：面向工业现场的智能传感器',
      `回执编号: ${receipt.receiptNo}`,
      receipt.checksum,
      `提交时间: ${formatInZone(receipt.submittedAt, 'zh-CN', 'Asia/Shanghai')}`,
      `${orgName}（牵头）`,
      '设备费',
      '劳务费',
      '¥30,000.00',
      '精度',
      '0.1%',
      '方案评审',
      '项目申报书正文.pdf',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain('\uFFFD');
  });

  it('prints in English and in the reader’s zone when asked', async () => {
    const { text } = await pdf(
      officer,
      `/api/applications/${id}/application-form.pdf?lang=en-US&tz=Europe/Berlin&versionNo=1`,
    );
    expect(text).toContain('Application form: Smart sensors for the factory floor');
    expect(text).toContain('Equipment');
    expect(text).toContain(`Submitted at: ${formatInZone(receipt.submittedAt, 'en-US', 'Europe/Berlin')}`);
    expect(text).toContain('CN¥30,000.00');
  });

  it('refuses what has no frozen version, a missing version, a bad zone, others and the anonymous', async () => {
    const draft = await stranger.get(`/api/applications/${draftId}/application-form.pdf`);
    expect(draft.statusCode).toBe(409);
    expect(draft.json().code).toBe('applications.not_submitted');
    const missing = await applicant.get(`/api/applications/${id}/application-form.pdf?versionNo=9`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('applications.version_not_found');
    const zone = await applicant.get(`/api/applications/${id}/application-form.pdf?tz=Mars/Olympus`);
    expect(zone.statusCode).toBe(400);
    expect((await stranger.get(`/api/applications/${id}/application-form.pdf`)).statusCode).toBe(404);
    expect((await anonymous(t.app).get(`/api/applications/${id}/application-form.pdf`)).statusCode).toBe(401);
  });
});
