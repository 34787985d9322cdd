import type { BatchResult } from '../../common/batch.js';
import { AppError } from './errors.js';

/**
 * Batch actions (issue 12, "select rows and act"): each item is its own call of the single action, so
 * each is its own transaction and audit entry; an item refused by a rule is reported with the code and
 * status the single route would answer, and the others still go ahead. Nothing is half-done per item,
 * because the single action either commits whole or not at all. An unexpected error still fails the
 * request (it is a bug, not an answer for one row).
 */
/** Runs `act` for each distinct id in order, one after the other, collecting a result per id. */
export async function eachItem(
  ids: readonly string[],
  act: (id: string) => Promise<void>,
): Promise<BatchResult> {
  const results: BatchResult['results'] = [];
  for (const id of [...new Set(ids)]) {
    try {
      await act(id);
      results.push({ id, ok: true, status: null, code: null });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      results.push({ id, ok: false, status: err.status, code: err.code });
    }
  }
  const succeeded = results.filter((r) => r.ok).length;
  return { results, succeeded, failed: results.length - succeeded };
}
