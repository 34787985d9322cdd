import type { Transaction } from 'kysely';
import { canonicalJson } from '../../../../common/canonical-json.js';
import { DEFAULT_RULE_SET_ID } from '../../../../common/conflict-rules.js';
import { CHECK_RESPONSE_DAYS } from '../../../../common/project-checks.js';
import type { AssignmentMode } from '../../../../common/review.js';
import { toJsonColumn } from '../../../db/rows.js';
import type { DB } from '../../../db/schema.js';
import { type Audit, type Trx, write } from '../../../db/write.js';
import { type Ctx, newId } from '../../../http/context.js';
import { AppError, forbidden, notFound } from '../../../http/errors.js';
import { type ConflictSubject, evaluateSubjectConflicts } from '../../review/conflicts/conflicts.engine.js';
import { buildInstance } from '../../review/runs/instance.builder.js';
import { replayStored, solve } from '../../review/runs/runs.engine.js';
import { can } from '../projects.policy.js';
import { structureOf } from '../projects.structure.repository.js';
import { checkAccess } from './checks.access.js';
import { type Frame, subjectOf } from './checks.conflicts.js';
import { sendCheckInvitations } from './checks.notices.js';
import { findCheck, insertConflicts, insertSeat, liveSeats, panelOf } from './checks.repository.js';
import {
  answerSeatRow,
  type CheckRunRow,
  deleteRunConflicts,
  findCheckRun,
  insertCheckRun,
  runsOfCheck,
} from './checks.runs.repository.js';
import type { CheckRunInput } from './checks.runs.schema.js';
import { checkRunView } from './checks.runs.views.js';
import { readableCheck, wrongState } from './checks.service.js';

/*
 * Experts for project checks assigned by the review engine (issue 13; docs/projects.md "Assignment runs
 * for checks", docs/adr/0042): the instance is built and solved by the machinery of application runs
 * (review/runs: buildInstance, solve, replayStored) with the checks as items; the conflicts come from
 * the conflicts engine under the chosen rule set, with their evidence. A run invites; the expert accepts
 * or declines; a refill runs the engine again for the check with its live seats fixed.
 */

const DAY = 86_400_000;
/** The most checks one expert is offered by one run. */
export const CHECK_LOAD_MAX = 6;
const HYBRID_TOP = 10;

/** The checks, each readable (404), managed by the caller (403) and not decided (409), one platform. */
async function managedChecks(trx: Trx, ctx: Ctx, checkIds: string[]): Promise<Frame[]> {
  const frames: Frame[] = [];
  for (const id of [...new Set(checkIds)].sort()) {
    const { project } = await readableCheck({ ...ctx, db: trx }, id);
    if (!(await checkAccess(trx, ctx, project)).manage) throw forbidden();
    const check = (await findCheck(trx, id, ctx.seam))!;
    if (check.state === 'decided') throw wrongState(check.state);
    frames.push({ check, project });
  }
  if (new Set(frames.map((f) => f.project.platformId)).size > 1)
    throw new AppError(422, 'project_checks.mixed_platforms', {
      errors: [{ in: 'body', pointer: '/checkIds', code: 'project_checks.mixed_platforms', message: '' }],
    });
  return frames;
}

/**
 * Runs the engine over the checks and stores the run, its conflicts with their evidence, and the new
 * seats (invited). Live seats are kept (fixed); declined and expired ones are forbidden.
 */
async function runInTrx(
  trx: Trx,
  audit: Audit,
  ctx: Ctx,
  frames: Frame[],
  input: Required<Pick<CheckRunInput, 'mode' | 'panelSize' | 'ruleSetId'>> & { seed?: number },
  purpose: 'initial' | 'refill',
): Promise<CheckRunRow> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const platformId = frames[0]!.project.platformId;
  const subjects: ConflictSubject[] = [];
  const fixed: [string, string][] = [];
  const forbid: [string, string][] = [];
  for (const f of frames) {
    subjects.push(await subjectOf(trx, f));
    for (const s of await panelOf(trx, f.check.id)) {
      const expired = s.state === 'invited' && !!s.respondBy && s.respondBy <= at;
      if (expired) await answerSeatRow(trx, f.check.id, s.expertId, 'expired', at, null);
      if (expired || !liveSeats([s]).length) forbid.push([s.expertId, f.check.id]);
      else fixed.push([s.expertId, f.check.id]);
    }
  }
  const matches = await evaluateSubjectConflicts(trx, platformId, input.ruleSetId, subjects, now);
  const built = await buildInstance(
    trx as Transaction<DB>,
    {
      items: await Promise.all(
        frames.map(async (f) => {
          const s = await structureOf(trx, f.project.id);
          const p = f.project;
          return {
            id: f.check.id,
            title: [p.titleZh, p.titleEn].filter(Boolean).join('\n'),
            summary: [p.summaryZh, p.summaryEn, ...s.objectives.map((o) => o.text)]
              .filter(Boolean)
              .join('\n'),
            field: null,
          };
        }),
      ),
      k: input.panelSize,
      composition: input.panelSize >= 2 ? { academic: 1, industry: 1 } : { academic: 0, industry: 0 },
      load: { min: 0, max: CHECK_LOAD_MAX },
      top: HYBRID_TOP,
      now,
      end: new Date(now.getTime() + CHECK_RESPONSE_DAYS * DAY),
      excluded: async () => new Set(matches.map((m) => `${m.expertId}|${m.applicationId}`)),
    },
    { fixed, forbid },
  );
  const result = solve(built.instance, input.mode, input.seed);
  const run: CheckRunRow = {
    id: newId(),
    platform_id: platformId,
    check_ids_json: toJsonColumn(frames.map((f) => f.check.id)),
    mode: input.mode,
    purpose,
    panel_size: input.panelSize,
    rule_set_id: input.ruleSetId,
    seed: result.seed === null ? null : String(result.seed),
    solver: result.solver,
    input_hash: result.inputHash,
    instance_json: canonicalJson(built.instance),
    result_json: toJsonColumn(result),
    objective: result.objective,
    millis: result.millis,
    created_by: ctx.actor?.userId || null,
    created_at: at,
  };
  await insertCheckRun(trx, run);
  const checkIds = frames.map((f) => f.check.id);
  await deleteRunConflicts(trx, checkIds);
  await insertConflicts(
    trx,
    matches.map((m) => ({
      id: newId(),
      checkId: m.applicationId,
      expertId: m.expertId,
      rule: m.ruleKey,
      evidence: { matches: m.evidence },
      foundAt: at,
      ruleSetId: input.ruleSetId,
      runId: run.id,
    })),
  );
  const kept = new Set(fixed.map(([e, c]) => `${e}|${c}`));
  const respondBy = new Date(now.getTime() + CHECK_RESPONSE_DAYS * DAY).toISOString();
  const invited = result.assignments
    .map(([expertId, checkId]) => ({ expertId, checkId }))
    .filter((a) => !kept.has(`${a.expertId}|${a.checkId}`));
  for (const a of invited)
    await insertSeat(trx, {
      checkId: a.checkId,
      expertId: a.expertId,
      chair: false,
      assignedAt: at,
      assignedBy: ctx.actor?.userId || null,
      state: 'invited',
      runId: run.id,
      respondBy,
    });
  // Each new seat's expert is told once; the seats kept from earlier runs were told when seated.
  await sendCheckInvitations(trx, ctx, frames, invited, respondBy);
  await audit({
    action: purpose === 'initial' ? 'project_check.run_initial' : 'project_check.run_refill',
    entityType: 'project_check_run',
    entityId: run.id,
    platformId,
    after: {
      checkIds,
      mode: run.mode,
      panelSize: run.panel_size,
      ruleSetId: run.rule_set_id,
      seed: run.seed,
      inputHash: run.input_hash,
      invited: invited,
      conflicts: matches.length,
    },
  });
  return run;
}

/** A run of the engine over one or several checks of a platform (the funder's side). */
export async function createCheckRun(ctx: Ctx, input: CheckRunInput) {
  const run = await write(
    ctx,
    async (trx, audit) => {
      const frames = await managedChecks(trx, ctx, input.checkIds);
      return runInTrx(
        trx,
        audit,
        ctx,
        frames,
        { ...input, ruleSetId: input.ruleSetId ?? DEFAULT_RULE_SET_ID },
        'initial',
      );
    },
    { retryOnUniqueViolation: true },
  );
  return checkRunView(ctx.db, run);
}

/** Runs the engine again for the check, as its latest run did, once a seat is declined or expired. */
export async function refillCheck(ctx: Ctx, checkId: string, input: { seed?: number }) {
  const run = await write(
    ctx,
    async (trx, audit) => {
      const frames = await managedChecks(trx, ctx, [checkId]);
      const last = (await runsOfCheck(trx, checkId))[0];
      if (!last) throw new AppError(409, 'project_checks.no_run', { state: frames[0]!.check.state });
      const at = ctx.clock.now().toISOString();
      const live = liveSeats(await panelOf(trx, checkId)).filter(
        (s) => !(s.state === 'invited' && s.respondBy && s.respondBy <= at),
      );
      if (live.length >= last.panel_size)
        throw new AppError(409, 'project_checks.nothing_to_refill', { state: frames[0]!.check.state });
      return runInTrx(
        trx,
        audit,
        ctx,
        frames,
        {
          mode: last.mode as AssignmentMode,
          panelSize: last.panel_size,
          ruleSetId: last.rule_set_id,
          seed: input.seed,
        },
        'refill',
      );
    },
    { retryOnUniqueViolation: true },
  );
  return checkRunView(ctx.db, run);
}

/** A run, for those who manage the checks of its platform (404 for anyone else). */
async function visibleRun(ctx: Ctx, runId: string): Promise<CheckRunRow> {
  const run = await findCheckRun(ctx.db, runId);
  const unit = { platformId: run?.platform_id ?? '', directorUserId: null, kind: 'extramural' as const };
  if (!run || !can(ctx.actor, 'projects.manage', unit)) throw notFound('project_checks.run_not_found');
  return run;
}

export async function getCheckRun(ctx: Ctx, runId: string) {
  return checkRunView(ctx.db, await visibleRun(ctx, runId));
}

/** Re-runs the engine from the stored instance, mode and seed: the same panels, or `identical: false`. */
export async function replayCheckRun(ctx: Ctx, runId: string) {
  return replayStored(await visibleRun(ctx, runId));
}
