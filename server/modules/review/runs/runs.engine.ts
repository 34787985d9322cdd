import { canonicalJson } from '../../../../common/canonical-json.js';
import type { AssignmentMode } from '../../../../common/review.js';
import { AppError } from '../../../http/errors.js';
import { type AssignmentResult, assign } from '../engines/assignment/assign.js';
import { AssignmentError, type AssignmentInstance } from '../engines/assignment/instance.js';
import { storedInstance, storedResult } from './runs.repository.js';

/** A stored run's result (for the views of other kinds of run). */
export { storedResult };

/*
 * Running the assignment engine and replaying a stored run, whatever the subject (an application of a
 * call, or a project check: docs/adr/0042-check-assignment-runs.md). The runs of calls
 * (runs.service.ts) and of checks (server/modules/projects/checks/checks.runs.ts) both use these.
 */

/** The engine's problem as a 422 problem+json naming the constraint and the items. */
export function toAppError(err: unknown): unknown {
  if (!(err instanceof AssignmentError)) return err;
  const p = err.problem;
  if (p.code === 'assignment.invalid_instance')
    return new AppError(422, p.code, {
      detail: p.detail,
      errors: p.errors.map((e) => ({ in: 'instance', ...e })),
    });
  return new AppError(422, p.code, {
    detail: p.detail,
    violations: p.violations,
    ...(p.omittedViolations ? { omittedViolations: p.omittedViolations } : {}),
  });
}

/** Runs the engine; an unsatisfiable instance is a 422 (nothing is stored then). */
export function solve(
  instance: AssignmentInstance,
  mode: AssignmentMode,
  seed: number | undefined,
): AssignmentResult {
  try {
    return assign(instance, { mode, seed });
  } catch (err) {
    throw toAppError(err);
  }
}

/** What a stored run keeps that a replay needs (the columns of assignment_runs and project_check_runs). */
export interface StoredRun {
  mode: string;
  seed: string | null;
  input_hash: string;
  instance_json: string;
  result_json: string;
  objective: number | null;
}

/** Re-runs the engine from the stored instance, mode and seed; `identical` when the result is the same. */
export function replayStored(run: StoredRun) {
  const stored = storedResult(run);
  const again = solve(
    storedInstance(run),
    run.mode as AssignmentMode,
    run.seed === null ? undefined : Number(run.seed),
  );
  const identical =
    again.inputHash === run.input_hash &&
    again.objective === stored.objective &&
    canonicalJson(again.assignments) === canonicalJson(stored.assignments);
  return {
    identical,
    inputHash: again.inputHash,
    storedHash: run.input_hash,
    objective: again.objective,
    storedObjective: run.objective === null ? null : Number(run.objective),
    pairs: again.assignments.length,
  };
}
