import type { Transaction } from 'kysely';
import { canonicalJson } from '../../../../common/canonical-json.js';
import { toJsonColumn } from '../../../db/rows.js';
import type { DB } from '../../../db/schema.js';
import { type Audit, write } from '../../../db/write.js';
import { type Ctx, newId } from '../../../http/context.js';
import { AppError, notFound } from '../../../http/errors.js';
import type { CallRecord } from '../../calls/calls.lookup.js';
import type { AssignmentResult } from '../engines/assignment/assign.js';
import type { AssignmentInstance } from '../engines/assignment/instance.js';
import { type BuildOptions, buildCallInstance } from './instance.builder.js';
import { assertInReview, officerCall } from './runs.access.js';
import { replayStored, solve } from './runs.engine.js';
import {
  findPublishedRun,
  findRun,
  insertRun,
  type RunRow,
  runsOfCall,
  storedInstance,
} from './runs.repository.js';
import type { CreateRunInput } from './runs.schema.js';
import { runView, summaryOf } from './runs.views.js';
import { ensureSettings } from './settings.service.js';

/**
 * Builds the call's instance, runs the engine and stores the run whole (instance, hash, seed, solver,
 * objective, phase timings, result). Nothing is stored when the instance cannot be satisfied.
 */
export async function solveAndStore(
  trx: Transaction<DB>,
  audit: Audit,
  ctx: Ctx,
  call: CallRecord,
  input: CreateRunInput & { purpose: 'initial' | 'refill'; state: 'draft' | 'published' },
  build: BuildOptions = {},
): Promise<{ run: RunRow; result: AssignmentResult; instance: AssignmentInstance }> {
  const now = ctx.clock.now();
  const settings = await ensureSettings(trx, call.id, now.toISOString());
  const built = await buildCallInstance(trx, call, settings, now, build);
  const t0 = performance.now();
  const result = solve(built.instance, input.mode, input.seed);
  const timings = { ...built.timings, solve: Math.round(performance.now() - t0) };
  const run: RunRow = {
    id: newId(),
    call_id: call.id,
    mode: input.mode,
    purpose: input.purpose,
    seed: result.seed === null ? null : String(result.seed),
    solver: result.solver,
    input_hash: result.inputHash,
    instance_json: canonicalJson(built.instance),
    result_json: toJsonColumn(result),
    objective: result.objective,
    millis: result.millis,
    timings_json: toJsonColumn(timings),
    state: input.state,
    created_by: ctx.actor?.userId || null,
    created_at: now.toISOString(),
    published_at: input.state === 'published' ? now.toISOString() : null,
  };
  await insertRun(trx, run);
  await audit({
    action: `review.run_${input.purpose}`,
    entityType: 'assignment_run',
    entityId: run.id,
    platformId: call.platformId,
    after: {
      callId: call.id,
      mode: run.mode,
      seed: run.seed,
      solver: run.solver,
      inputHash: run.input_hash,
      objective: run.objective,
      pairs: result.assignments.length,
    },
  });
  return { run, result, instance: built.instance };
}

/** True once a run of the call has been published (the seats exist). */
export async function publishedRun(trx: Transaction<DB> | Ctx['db'], callId: string) {
  return findPublishedRun(trx, callId);
}

/** A draft run of the call's in_review applications in the given mode (and seed). */
export async function createRun(ctx: Ctx, callId: string, input: CreateRunInput) {
  const run = await write(ctx, async (trx, audit) => {
    const call = await officerCall(trx, ctx, callId);
    await assertInReview(trx, callId);
    if (await publishedRun(trx, callId)) throw new AppError(409, 'assignment.already_published');
    return (
      await solveAndStore(trx as Transaction<DB>, audit, ctx, call, {
        ...input,
        purpose: 'initial',
        state: 'draft',
      })
    ).run;
  });
  return runView(ctx.db, run);
}

export async function listRuns(ctx: Ctx, callId: string) {
  await officerCall(ctx.db, ctx, callId);
  return { items: (await runsOfCall(ctx.db, callId)).map(summaryOf) };
}

/** A run of the call, for its officers only (404 for another call's run). */
export async function runOf(ctx: Ctx, callId: string, runId: string): Promise<RunRow> {
  await officerCall(ctx.db, ctx, callId);
  const run = await findRun(ctx.db, callId, runId);
  if (!run) throw notFound('assignment.run_not_found');
  return run;
}

export async function getRun(ctx: Ctx, callId: string, runId: string) {
  return runView(ctx.db, await runOf(ctx, callId, runId));
}

/** The instance file as stored, in the `commonlab assign --input` format. */
export async function runInstance(ctx: Ctx, callId: string, runId: string): Promise<AssignmentInstance> {
  return storedInstance(await runOf(ctx, callId, runId));
}

/** Re-runs the engine from the stored instance, mode and seed; the result must be identical. */
export async function replayRun(ctx: Ctx, callId: string, runId: string) {
  return replayStored(await runOf(ctx, callId, runId));
}
