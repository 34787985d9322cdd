import type { Kysely } from 'kysely';
import type { AssignmentMode } from '../../../../common/review.js';
import { jsonColumn } from '../../../db/rows.js';
import type { DB } from '../../../db/schema.js';
import { expertPersonNames } from '../../review/experts/experts.service.js';
import { storedResult } from '../../review/runs/runs.engine.js';
import { findProject } from '../projects.repository.js';
import { conflictsOf, findCheck, panelOf } from './checks.repository.js';
import type { CheckRunRow } from './checks.runs.repository.js';
import type { CheckRunView } from './checks.runs.schema.js';

/** A run as the officers see it: its parameters, and per check the experts it seated with their state now. */
export async function checkRunView(db: Kysely<DB>, run: CheckRunRow): Promise<CheckRunView> {
  const result = storedResult(run);
  const checkIds = jsonColumn(run.check_ids_json) as string[];
  const names = await expertPersonNames(db, [...new Set(result.assignments.map(([e]) => e))]);
  const checks = [];
  for (const checkId of checkIds) {
    const check = (await findCheck(db, checkId))!;
    const p = (await findProject(db, check.projectId))!;
    const seats = await panelOf(db, checkId);
    checks.push({
      checkId,
      projectCode: p.code,
      projectTitleZh: p.titleZh,
      projectTitleEn: p.titleEn,
      seats: result.assignments
        .filter(([, c]) => c === checkId)
        .map(([expertId]) => {
          const seat = seats.find((s) => s.expertId === expertId);
          return {
            expertId,
            name: names.get(expertId)?.nameZh ?? expertId,
            state: seat?.state ?? 'declined',
            respondBy: seat?.respondBy ?? null,
          };
        }),
      conflicts: new Set(
        (await conflictsOf(db, checkId)).filter((c) => c.runId === run.id).map((c) => c.expertId),
      ).size,
    });
  }
  return {
    id: run.id,
    platformId: run.platform_id,
    mode: run.mode as AssignmentMode,
    purpose: run.purpose as 'initial' | 'refill',
    panelSize: run.panel_size,
    ruleSetId: run.rule_set_id,
    seed: run.seed,
    solver: run.solver,
    inputHash: run.input_hash,
    objective: run.objective === null ? null : Number(run.objective),
    createdAt: run.created_at,
    checks,
  };
}
