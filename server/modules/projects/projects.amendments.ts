import {
  AMENDMENT_CLOSED_STATES,
  type AmendmentState,
  type AmendmentTimelineAction,
} from '../../../common/projects.amendments.js';
import type { Trx } from '../../db/write.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, forbidden, invalidField } from '../../http/errors.js';
import { isLeadSigner } from './projects.agreement.js';
import {
  type AmendmentRecord,
  amendmentsOf,
  closeAmendment,
  findAmendment,
  freezeAgreementVersion,
  insertAmendment,
} from './projects.amendments.repository.js';
import type {
  AmendmentDecisionInput,
  AmendmentInput,
  AmendmentList,
  AmendmentView,
} from './projects.amendments.schema.js';
import { amendedTerms, changesOf, currentTerms, versionSnapshot } from './projects.amendments.terms.js';
import { agreementVersions } from './projects.amendments.versions.js';
import { can } from './projects.policy.js';
import { findProject, type ProjectRecord, setProjectEnd } from './projects.repository.js';
import { projectResource, readableProject } from './projects.service.js';
import { insertTransition } from './projects.timeline.repository.js';

/**
 * Amendments (变更) of a frozen 任务书 (issue 13, docs/adr/0041): the lead organisation's side or the
 * funder's officers propose new terms (indicators, milestones, the reporting schedule, the end date, the
 * objectives) with a reason; the funder's officers approve or refuse; an approved one freezes a new
 * version (canonical JSON + sha256), the earlier ones kept, and the project's kept figures, its end date
 * and its reports follow in the same transaction. One open proposal per project. The budget is not
 * amended: it changes through 预算调剂 (projects.adjustments.ts).
 */

const manages = async (db: Trx, ctx: Ctx, p: ProjectRecord) =>
  can(ctx.actor, 'projects.manage', await projectResource(db, p));
const mayPropose = async (db: Trx, ctx: Ctx, p: ProjectRecord) =>
  (await manages(db, ctx, p)) || isLeadSigner(db, ctx, p);

/** 409 naming the state when the project can no longer change; 409 before the 任务书 is frozen. */
async function openRefusal(db: Trx, p: ProjectRecord): Promise<AppError | null> {
  if (AMENDMENT_CLOSED_STATES.includes(p.state))
    return new AppError(409, 'projects.amendment_closed', {
      state: p.state,
      detail: `The project is ${p.state}`,
    });
  if (!(await currentTerms(db, p))) return new AppError(409, 'projects.agreement_unsigned');
  return null;
}

async function view(db: Trx, ctx: Ctx, p: ProjectRecord, a: AmendmentRecord, open: boolean) {
  const proposed = a.state === 'proposed';
  let diff: AmendmentView['diff'] = [];
  if (proposed) {
    // Against the current version, as the officers will judge it; a decided one keeps what it changed.
    diff = await amendedTerms(db, p, changesOf(a)).then(
      (t) => t.diff,
      () => [],
    );
  }
  return {
    id: a.id,
    number: a.number,
    state: a.state,
    changes: changesOf(a),
    diff,
    reason: a.reason,
    fromVersion: a.fromVersion,
    toVersion: a.toVersion,
    proposedAt: a.proposedAt,
    decidedAt: a.decidedAt,
    decisionReason: a.decisionReason,
    access: {
      decide: open && proposed && (await manages(db, ctx, p)),
      withdraw: open && proposed && (await mayPropose(db, ctx, p)),
    },
  } satisfies AmendmentView;
}

export async function listAmendments(ctx: Ctx, projectId: string): Promise<AmendmentList> {
  const p = await readableProject(ctx, projectId);
  const items = await amendmentsOf(ctx.db, projectId);
  const open = !(await openRefusal(ctx.db, p));
  const views = await Promise.all(items.map((a) => view(ctx.db, ctx, p, a, open)));
  const decided = await decidedDiffs(ctx, p, items);
  return {
    projectId,
    items: views.map((v) => (v.state === 'approved' ? { ...v, diff: decided.get(v.id) ?? [] } : v)),
    access: {
      propose: open && !items.some((a) => a.state === 'proposed') && (await mayPropose(ctx.db, ctx, p)),
    },
  };
}

/** What each approved amendment changed: the difference between the version it froze and the one before. */
async function decidedDiffs(ctx: Ctx, p: ProjectRecord, items: AmendmentRecord[]) {
  const versions = items.some((a) => a.state === 'approved') ? await agreementVersions(ctx.db, p) : [];
  return new Map(versions.filter((v) => v.amendmentId).map((v) => [v.amendmentId as string, v.diff]));
}

/**
 * Proposes an amendment. Refused with nothing written: by someone not on either side (403), in a state
 * where the project cannot change or before the 任务书 is frozen (409), while another is open (409
 * `projects.amendment_open`), or terms refused by amendedTerms (400 / 422 with the field).
 */
export async function proposeAmendment(ctx: Ctx, projectId: string, input: AmendmentInput) {
  await readableProject(ctx, projectId);
  const id = await write(
    ctx,
    async (trx, audit) => {
      const p = (await findProject(trx, projectId, ctx.seam))!;
      if (!(await mayPropose(trx, ctx, p))) throw forbidden();
      const refusal = await openRefusal(trx, p);
      if (refusal) throw refusal;
      if ((await amendmentsOf(trx, projectId)).some((a) => a.state === 'proposed'))
        throw new AppError(409, 'projects.amendment_open');
      const { current, diff } = await amendedTerms(trx, p, input.changes);
      const at = isoNow(ctx.clock);
      const a = {
        id: newId(),
        projectId,
        fromVersion: current.version,
        toVersion: null,
        changes: input.changes,
        reason: input.reason,
        state: 'proposed' as const,
        proposedBy: ctx.actor?.userId || null,
        proposedAt: at,
        decidedBy: null,
        decidedAt: null,
        decisionReason: null,
      };
      const number = await insertAmendment(trx, a);
      await onTimeline(trx, ctx, p, 'amendment_proposed', at, input.reason);
      await audit({
        action: 'project.amendment_proposed',
        entityType: 'project',
        entityId: projectId,
        platformId: p.platformId,
        after: { id: a.id, number, fromVersion: current.version, sections: Object.keys(input.changes), diff },
        reason: input.reason,
      });
      return a.id;
    },
    { retryOnUniqueViolation: true },
  );
  return amendmentView(ctx, projectId, id);
}

async function amendmentView(ctx: Ctx, projectId: string, id: string): Promise<AmendmentView> {
  return (await listAmendments(ctx, projectId)).items.find((a) => a.id === id)!;
}

async function onTimeline(
  trx: Trx,
  ctx: Ctx,
  p: ProjectRecord,
  action: AmendmentTimelineAction,
  at: string,
  reason: string | null,
) {
  await insertTransition(trx, p.id, {
    id: newId(),
    action,
    fromState: p.state,
    toState: p.state,
    outcome: null,
    at,
    actorId: ctx.actor?.userId || null,
    actorLabel: ctx.actor?.displayName ?? 'system',
    reason,
  });
}

/** The open proposal of the project named, or the refusal (404, 409 once decided). */
async function openProposal(trx: Trx, projectId: string, id: string) {
  const a = await findAmendment(trx, projectId, id);
  if (!a) throw new AppError(404, 'projects.amendment_not_found');
  if (a.state !== 'proposed') throw new AppError(409, 'projects.amendment_decided', { state: a.state });
  return a;
}

/**
 * Approves or refuses an open amendment (the funder's officers). A refusal needs a reason (400
 * `/reason`). An approval checks the terms again against the project as it is now and freezes the next
 * version of the 任务书; the project's end date and kept figures follow in the same transaction.
 */
export async function decideAmendment(
  ctx: Ctx,
  projectId: string,
  amendmentId: string,
  input: AmendmentDecisionInput,
): Promise<AmendmentView> {
  await readableProject(ctx, projectId);
  await write(ctx, async (trx, audit) => {
    const p = (await findProject(trx, projectId, ctx.seam))!;
    if (!(await manages(trx, ctx, p))) throw forbidden();
    const a = await openProposal(trx, projectId, amendmentId);
    if (input.decision === 'refused' && !input.reason)
      throw invalidField('/reason', 'projects.reason_required');
    const refusal = await openRefusal(trx, p);
    if (refusal) throw refusal;
    const at = isoNow(ctx.clock);
    const by = ctx.actor?.userId || null;
    let toVersion: number | null = null;
    let after: Record<string, unknown> = { id: a.id, number: a.number, state: input.decision };
    if (input.decision === 'approved') {
      const t = await amendedTerms(trx, p, changesOf(a));
      toVersion = t.current.version + 1;
      const snapshot = versionSnapshot(p, {
        version: toVersion,
        previousChecksum: t.current.checksum,
        content: t.content,
        terms: t.terms,
        amendment: {
          id: a.id,
          number: a.number,
          reason: a.reason,
          proposedBy: a.proposedBy,
          proposedAt: a.proposedAt,
          decidedBy: by,
          decidedAt: at,
          decisionReason: input.reason ?? null,
        },
      });
      if (t.endsOn !== p.endsOn) await setProjectEnd(trx, projectId, t.endsOn, at);
      await freezeAgreementVersion(trx, projectId, {
        version: toVersion,
        snapshotJson: snapshot.json,
        checksum: snapshot.checksum,
        amendmentId: a.id,
        frozenAt: at,
        content: t.content,
      });
      after = { ...after, version: toVersion, checksum: snapshot.checksum, diff: t.diff };
    }
    await close(trx, a, { state: input.decision, by, at, reason: input.reason ?? null, toVersion });
    await onTimeline(trx, ctx, p, `amendment_${input.decision}`, at, input.reason ?? null);
    await audit({
      action: `project.amendment_${input.decision}`,
      entityType: 'project',
      entityId: projectId,
      platformId: p.platformId,
      before: { id: a.id, number: a.number, state: 'proposed', version: a.fromVersion, endsOn: p.endsOn },
      after,
      reason: input.reason,
    });
  });
  return amendmentView(ctx, projectId, amendmentId);
}

async function close(trx: Trx, a: AmendmentRecord, d: Parameters<typeof closeAmendment>[2]) {
  if (!(await closeAmendment(trx, a.id, d)))
    throw new AppError(409, 'projects.amendment_decided', { state: 'decided' as AmendmentState });
}

/** Withdraws an open amendment: whoever may propose one (either side). */
export async function withdrawAmendment(ctx: Ctx, projectId: string, amendmentId: string) {
  await readableProject(ctx, projectId);
  await write(ctx, async (trx, audit) => {
    const p = (await findProject(trx, projectId, ctx.seam))!;
    if (!(await mayPropose(trx, ctx, p))) throw forbidden();
    const a = await openProposal(trx, projectId, amendmentId);
    const at = isoNow(ctx.clock);
    await close(trx, a, {
      state: 'withdrawn',
      by: ctx.actor?.userId || null,
      at,
      reason: null,
      toVersion: null,
    });
    await onTimeline(trx, ctx, p, 'amendment_withdrawn', at, null);
    await audit({
      action: 'project.amendment_withdrawn',
      entityType: 'project',
      entityId: projectId,
      platformId: p.platformId,
      before: { id: a.id, number: a.number, state: 'proposed' },
      after: { id: a.id, number: a.number, state: 'withdrawn' },
    });
  });
  return amendmentView(ctx, projectId, amendmentId);
}
