import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotTables } from '../../../test/bad-input.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../../test/harness.js';
import { uploadAttachment } from '../../applications/applications.attachments.js';
import { createApplication, saveDraft } from '../../applications/applications.drafts.js';
import {
  buildApplicant,
  buildCall,
  buildOrg,
  completeDraft,
  pdfBytes,
} from '../../applications/applications.fixtures.js';
import { screenApplication } from '../../applications/applications.screening.js';
import { submitApplication } from '../../applications/applications.submission.js';
import { loadActor } from '../../users/users.accounts.js';
import { buildRun, buildSeat, expertFor } from './scoring.fixtures.js';

/**
 * What a reviewer downloads is the application as submitted: the attachments of frozen versions only
 * (`frozenAttachment`). An application returned for correction has a new draft version (a copy of the
 * frozen one, then the applicant's own upload); its files are the applicant's work in progress, and the
 * reviewer gets the same 404 as for an id that does not exist, so the draft's existence does not leak.
 */
let t: TestApp;
let expert: Client;
let seat: string;
let frozenFile: string;
let draftUpload: string;
let draftCopy: string;

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  const call = await buildCall(ctx);
  const org = (await buildOrg(ctx, 'university')).id;
  const applicant = await buildApplicant(ctx, call.platformId, org);
  const owner = { ...ctx, actor: await loadActor(ctx.db, applicant.userId, 'session', ['read', 'write']) };
  const id = await createApplication(owner, call.id, {});
  await saveDraft(
    owner,
    id,
    completeDraft(call.fieldId, [{ orgId: org, contactId: applicant.personId, requested: 1000 }]),
  );
  frozenFile = (
    await uploadAttachment(owner, id, 'proposal', {
      fileName: 'proposal.pdf',
      bytes: pdfBytes('as submitted'),
    })
  ).id;
  await submitApplication(owner, id);
  // Returned for correction: version 2 is a draft copied from version 1, then the applicant uploads anew.
  await screenApplication(ctx, id, { answers: [], outcome: 'return', reasons: '请补充材料' });
  const copies = await t.database.db
    .selectFrom('application_attachments as f')
    .innerJoin('application_versions as v', 'v.id', 'f.version_id')
    .select(['f.id', 'v.version_no', 'v.frozen_at'])
    .where('v.application_id', '=', id)
    .where('v.version_no', '=', 2)
    .execute();
  expect(copies).toHaveLength(1);
  expect(copies[0]!.frozen_at).toBeNull();
  draftCopy = copies[0]!.id;
  draftUpload = (
    await uploadAttachment(owner, id, 'proposal', { fileName: 'proposal-v2.pdf', bytes: pdfBytes('draft') })
  ).id;
  const e = await expertFor(ctx, { platformId: call.platformId });
  const run = await buildRun(ctx, call.id);
  seat = await buildSeat(ctx, {
    callId: call.id,
    applicationId: id,
    expertId: e.expertId,
    runId: run,
    label: 'A',
  });
  expert = await signIn(t.app, e.username);
});
afterAll(() => t.close());

const fileUrl = (attachmentId: string) => `/api/review-assignments/${seat}/files/${attachmentId}`;

describe("a reviewer's downloads", () => {
  it('serve the frozen version’s attachment', async () => {
    const res = await expert.get(fileUrl(frozenFile));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('as submitted');
    expect(res.headers['content-disposition']).toContain('proposal.pdf');
  });

  it('answer a draft version’s attachments with the 404 of an unknown one, writing nothing', async () => {
    for (const id of [draftUpload, draftCopy]) {
      const before = await snapshotTables(t.database);
      const res = await expert.get(fileUrl(id));
      expect(res.statusCode, res.body).toBe(404);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.json().code).toBe('request.not_found');
      expect(res.body).not.toContain('proposal-v2');
      expect(await snapshotTables(t.database)).toEqual(before);
    }
  });
});
