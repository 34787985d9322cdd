import type { Kysely } from 'kysely';
import type { AssignmentMode, ExpertCategory } from '../../../../common/review.js';
import { camelRow } from '../../../db/rows.js';
import type { DB } from '../../../db/schema.js';
import { reviewedApplicationsByIds } from '../../applications/applications.lookup.js';
import { expertPersonNames } from '../experts/experts.service.js';
import { type RunRow, storedInstance, storedResult, storedTimings } from './runs.repository.js';
import type { RunView } from './runs.schema.js';

/**
 * Display names of experts (people name_zh, name_en in brackets when different) with their category, and
 * the English name alone for pages read in English (null when the person has none).
 */
export async function expertNames(db: Kysely<DB>, ids: string[]) {
  if (!ids.length)
    return new Map<string, { name: string; nameEn: string | null; category: ExpertCategory }>();
  const names = await expertPersonNames(db, ids);
  return new Map(
    [...names].map(([id, r]) => [
      id,
      {
        name: r.nameEn && r.nameEn !== r.nameZh ? `${r.nameZh} (${r.nameEn})` : r.nameZh,
        nameEn: r.nameEn,
        category: r.category as ExpertCategory,
      },
    ]),
  );
}

/** Application number (receipt) and title (Chinese, else English; and the English alone), for officers' views. */
export async function applicationLabels(db: Kysely<DB>, ids: string[]) {
  if (!ids.length)
    return new Map<string, { number: string | null; title: string | null; titleEn: string | null }>();
  const apps = await reviewedApplicationsByIds(db, ids);
  return new Map(
    [...apps.values()].map((r) => [
      r.id,
      { number: r.receiptNo, title: r.titleZh ?? r.titleEn, titleEn: r.titleEn },
    ]),
  );
}

export function summaryOf(run: RunRow) {
  const result = storedResult(run);
  const r = camelRow(run);
  return {
    id: r.id,
    callId: r.callId,
    mode: r.mode as AssignmentMode,
    purpose: r.purpose as 'initial' | 'refill',
    state: r.state as 'draft' | 'published' | 'discarded',
    seed: r.seed === null ? null : Number(r.seed),
    solver: r.solver,
    inputHash: r.inputHash,
    objective: r.objective === null ? null : Number(r.objective),
    millis: r.millis,
    timings: storedTimings(run),
    createdAt: r.createdAt,
    publishedAt: r.publishedAt,
    pairs: result.assignments.length,
  };
}

/** The run with every assigned pair named, its affinity and whether it was fixed before solving. */
export async function runView(db: Kysely<DB>, run: RunRow): Promise<RunView> {
  const result = storedResult(run);
  const instance = storedInstance(run);
  const score = new Map(instance.affinity.map(([e, a, s]) => [`${e}|${a}`, s]));
  const fixed = new Set((instance.pins ?? []).map(([e, a]) => `${e}|${a}`));
  const experts = await expertNames(
    db,
    result.assignments.map((p) => p[0]),
  );
  const apps = await applicationLabels(
    db,
    result.assignments.map((p) => p[1]),
  );
  return {
    ...summaryOf(run),
    assignments: result.assignments.map(([e, a]) => ({
      expertId: e,
      expertName: experts.get(e)?.name ?? e,
      expertNameEn: experts.get(e)?.nameEn ?? null,
      category: experts.get(e)?.category ?? 'academic',
      applicationId: a,
      applicationNumber: apps.get(a)?.number ?? null,
      applicationTitle: apps.get(a)?.title ?? null,
      applicationTitleEn: apps.get(a)?.titleEn ?? null,
      affinity: score.get(`${e}|${a}`) ?? 0,
      fixed: fixed.has(`${e}|${a}`),
    })),
  };
}
