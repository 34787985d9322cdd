import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildApplicant,
  buildCall,
  buildOrg,
  pdfBytes,
} from '../modules/applications/applications.fixtures.js';
import { buildUser } from '../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../test/harness.js';

// Every route that sends a file builds its Content-Disposition with contentDisposition (ASVS 5.4.2):
// one per kind of download — a stored file named by its uploader, and the generated exports.
let t: TestApp;
let applicant: Client;
let officer: Client;
let applicationId: string;
let callId: string;

/** A multipart upload whose file name travels as RFC 5987 `filename*`, so quotes and `;` survive the trip. */
function hostileUpload(bytes: Buffer, fileName: string) {
  const boundary = '----commonlabdownload';
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=utf-8''${encodeURIComponent(fileName)}\r\n` +
    'Content-Type: application/pdf\r\n\r\n';
  const payload = Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The header is one line, the quoted fallback holds no quote or backslash, filename* only attr-chars. */
function expectSafe(header: string | string[] | number | undefined): { fallback: string; exact: string } {
  expect(typeof header).toBe('string');
  const m = /^attachment; filename="([^"\\\r\n]*)"; filename\*=UTF-8''([A-Za-z0-9!#$&+\-.^_`|~%]+)$/.exec(
    header as string,
  );
  expect(m, String(header)).not.toBeNull();
  return { fallback: m?.[1] as string, exact: decodeURIComponent(m?.[2] as string) };
}

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  const call = await buildCall(ctx);
  callId = call.id;
  const lead = await buildApplicant(ctx, call.platformId, (await buildOrg(ctx, 'university')).id);
  const officerUser = await buildUser(ctx, { roles: ['program_officer'], platformId: call.platformId });
  applicant = await signIn(t.app, lead.username);
  officer = await signIn(t.app, officerUser.username);
  const draft = await applicant.post(`/api/calls/${call.id}/applications`, { content: { titleZh: '下载' } });
  expect(draft.statusCode, draft.body).toBe(201);
  applicationId = draft.json().id;
});
afterAll(() => t.close());

describe('Content-Disposition of every download (RFC 6266)', () => {
  it('sends an uploaded file named with quotes, ";", Chinese and a path back encoded, the name intact', async () => {
    const name = '../a"b; filename=c.exe 申报书.pdf';
    const up = await applicant.request({
      method: 'POST',
      url: `/api/applications/${applicationId}/attachments?key=proposal`,
      ...hostileUpload(pdfBytes('hostile'), name),
    });
    expect(up.statusCode, up.body).toBe(201);
    const res = await applicant.get(`/api/applications/${applicationId}/files/${up.json().id}`);
    expect(res.statusCode, res.body).toBe(200);
    const { fallback, exact } = expectSafe(res.headers['content-disposition']);
    // The multipart reader keeps the base name only; what is left comes back byte for byte in filename*.
    expect(exact).toBe('a"b; filename=c.exe 申报书.pdf');
    expect(fallback).toBe('a_b_ filename=c.exe ___.pdf');
  });

  it('names the generated exports the same way (applications XLSX, organisations CSV)', async () => {
    const xlsx = await officer.get(`/api/applications/export.xlsx?callId=${callId}`);
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    expect(expectSafe(xlsx.headers['content-disposition']).exact).toMatch(/^applications-.*\.xlsx$/);
    const csv = await officer.get('/api/imports/organisations/template.csv');
    expect(csv.statusCode, csv.body).toBe(200);
    expect(expectSafe(csv.headers['content-disposition'])).toEqual({
      fallback: 'organisations-template.csv',
      exact: 'organisations-template.csv',
    });
  });
});
