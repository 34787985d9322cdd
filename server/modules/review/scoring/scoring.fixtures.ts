import type { Ctx } from '../../../http/context.js';
import { isoNow, newId } from '../../../http/context.js';
import { buildUser } from '../../../test/factories.js';
import { buildPerson } from '../../../test/platform-factories.js';
import { uploadAttachment } from '../../applications/applications.attachments.js';
import { createApplication, saveDraft } from '../../applications/applications.drafts.js';
import {
  buildApplicant,
  buildOrg,
  completeDraft,
  pdfBytes,
} from '../../applications/applications.fixtures.js';
import { screenApplication } from '../../applications/applications.screening.js';
import { submitApplication } from '../../applications/applications.submission.js';
import { loadActor } from '../../users/users.accounts.js';

/**
 * Test data of the scorecards and the panel: in-review applications (through the real submission and
 * screening), experts linked to user accounts, and seats written straight into review_assignments
 * with an assignment_runs row (the runs module owns how seats are normally made).
 */
let seq = 0;

/** An application of a fresh applicant, submitted and passed by screening (state in_review). */
export async function inReviewApplication(
  ctx: Ctx,
  call: { id: string; platformId: string; fieldId: string },
) {
  const org = (await buildOrg(ctx, 'university')).id;
  const applicant = await buildApplicant(ctx, call.platformId, org);
  const actor = await loadActor(ctx.db, applicant.userId, 'session', ['read', 'write']);
  const owner = { ...ctx, actor };
  const id = await createApplication(owner, call.id, {});
  await saveDraft(
    owner,
    id,
    completeDraft(call.fieldId, [{ orgId: org, contactId: applicant.personId, requested: 1000 }]),
  );
  await uploadAttachment(owner, id, 'proposal', { fileName: 'proposal.pdf', bytes: pdfBytes(id) });
  await submitApplication(owner, id);
  await screenApplication(ctx, id, { answers: [], outcome: 'pass' });
  return { id, ownerUserId: applicant.userId, ownerUsername: applicant.username };
}

/**
 * The expert record of a user (created with a person when the user has none); a fresh user with the
 * expert role on the platform when no user is given.
 */
export async function expertFor(ctx: Ctx, o: { userId?: string; platformId?: string; name?: string } = {}) {
  const user = o.userId
    ? { id: o.userId, username: '' }
    : await buildUser(ctx, {
        username: `expert${Date.now().toString(36)}${seq++}`,
        roles: ['expert'],
        platformId: o.platformId,
      });
  const linked = await ctx.db
    .selectFrom('people')
    .select('id')
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  const personId =
    linked?.id ?? (await buildPerson(ctx, { userId: user.id, ...(o.name ? { nameZh: o.name } : {}) })).id;
  const existing = await ctx.db
    .selectFrom('experts')
    .select('id')
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (existing) return { expertId: existing.id, userId: user.id, username: user.username };
  const id = newId();
  const at = isoNow(ctx.clock);
  await ctx.db
    .insertInto('experts')
    .values({
      id,
      person_id: personId,
      category: 'academic',
      expertise_zh: '传感器',
      expertise_en: 'Sensors',
      notes: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return { expertId: id, userId: user.id, username: user.username };
}

/** A published run of the call to hang seats on. */
export async function buildRun(ctx: Ctx, callId: string) {
  const id = newId();
  const at = isoNow(ctx.clock);
  await ctx.db
    .insertInto('assignment_runs')
    .values({
      id,
      call_id: callId,
      mode: 'optimal',
      purpose: 'initial',
      seed: null,
      solver: 'test',
      input_hash: 'test',
      instance_json: '{}',
      result_json: '{}',
      objective: null,
      millis: 0,
      timings_json: '{}',
      state: 'published',
      created_by: null,
      created_at: at,
      published_at: at,
    })
    .execute();
  return id;
}

/** A seat (accepted unless said otherwise). */
export async function buildSeat(
  ctx: Ctx,
  s: {
    callId: string;
    applicationId: string;
    expertId: string;
    runId: string;
    label: string;
    state?: string;
    respondBy?: string;
  },
) {
  const id = newId();
  const at = isoNow(ctx.clock);
  await ctx.db
    .insertInto('review_assignments')
    .values({
      id,
      call_id: s.callId,
      application_id: s.applicationId,
      expert_id: s.expertId,
      run_id: s.runId,
      state: s.state ?? 'accepted',
      label: s.label,
      invited_at: at,
      respond_by: s.respondBy ?? at,
      responded_at: s.state === 'invited' ? null : at,
      decline_reason: null,
    })
    .execute();
  return id;
}

/** A complete scorecard body: every criterion with the given score (or per criterion) and a comment. */
export function fullScorecard(score: number | number[]) {
  const keys = [
    'technical_value',
    'implementation',
    'impact',
    'commercialisation',
    'economic_benefit',
  ] as const;
  return {
    scores: keys.map((criterion, i) => ({
      criterion,
      score: Array.isArray(score) ? score[i]! : score,
      comment: `评语：${criterion} 论证充分，可行`,
    })),
    overallComment: '总体良好',
  };
}
