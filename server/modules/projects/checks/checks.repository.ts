import type { Kysely } from 'kysely';
import type { CallCriteria } from '../../../../common/calls.js';
import type {
  CheckKind,
  CheckSeatState,
  CheckState,
  CheckVerdict,
} from '../../../../common/project-checks.js';
import type { DialectSeam } from '../../../db/dialect.js';
import { flag, jsonColumn, toFlag, toJsonColumn } from '../../../db/rows.js';
import type { DB } from '../../../db/schema.js';
import { keepCheckProjectFigures } from '../projects.figures.repository.js';

/**
 * The SQL on the tables of project checks and 绩效评价 (migration 0023), with the row ⇄ value
 * conversion (JSON columns, 0/1 flags, snake_case); owned by the projects module (docs/adr/0015).
 */

export interface Check {
  id: string;
  projectId: string;
  kind: CheckKind;
  state: CheckState;
  dueOn: string;
  criteria: CallCriteria;
  version: number;
  verdict: CheckVerdict | null;
  openedBy: string | null;
  openedAt: string;
  updatedAt: string;
}

type CheckRow = DB['project_checks'];
const toCheck = (r: CheckRow): Check => ({
  id: r.id,
  projectId: r.project_id,
  kind: r.kind as CheckKind,
  state: r.state as CheckState,
  dueOn: r.due_on,
  criteria: jsonColumn(r.criteria_json),
  version: Number(r.version),
  verdict: r.verdict as CheckVerdict | null,
  openedBy: r.opened_by,
  openedAt: r.opened_at,
  updatedAt: r.updated_at,
});

export async function insertCheck(db: Kysely<DB>, c: Check): Promise<void> {
  await db
    .insertInto('project_checks')
    .values({
      id: c.id,
      project_id: c.projectId,
      kind: c.kind,
      state: c.state,
      due_on: c.dueOn,
      criteria_json: toJsonColumn(c.criteria),
      version: c.version,
      verdict: c.verdict,
      opened_by: c.openedBy,
      opened_at: c.openedAt,
      updated_at: c.updatedAt,
    })
    .execute();
}

/** The check; with `lock`, its row is locked for the transaction (PostgreSQL), so moves take turns. */
export async function findCheck(db: Kysely<DB>, id: string, lock?: DialectSeam): Promise<Check | undefined> {
  const q = db.selectFrom('project_checks').selectAll().where('id', '=', id);
  const row = await (lock ? lock.forUpdate(q) : q).executeTakeFirst();
  return row && toCheck(row);
}

export async function checksOfProject(db: Kysely<DB>, projectId: string): Promise<Check[]> {
  const rows = await db
    .selectFrom('project_checks')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('opened_at')
    .orderBy('id')
    .execute();
  return rows.map(toCheck);
}

export async function updateCheck(
  db: Kysely<DB>,
  id: string,
  patch: { state: CheckState; version?: number; verdict?: CheckVerdict | null; at: string },
): Promise<void> {
  await db
    .updateTable('project_checks')
    .set({
      state: patch.state,
      ...(patch.version === undefined ? {} : { version: patch.version }),
      ...(patch.verdict === undefined ? {} : { verdict: patch.verdict }),
      updated_at: patch.at,
    })
    .where('id', '=', id)
    .execute();
  // A new version leaves the check without a report until the project submits one.
  if (patch.version !== undefined) await keepCheckProjectFigures(db, id);
}

export interface CheckReport {
  checkId: string;
  version: number;
  report: unknown;
  reportSha256: string;
  submittedBy: string | null;
  submittedAt: string;
  verdict: CheckVerdict | null;
  adoption: unknown;
  adoptionSha256: string | null;
  adoptedBy: string | null;
  adoptedAt: string | null;
}

export async function insertReport(
  db: Kysely<DB>,
  r: { checkId: string; version: number; json: string; sha256: string; by: string | null; at: string },
): Promise<void> {
  await db
    .insertInto('project_check_reports')
    .values({
      check_id: r.checkId,
      version: r.version,
      report_json: r.json,
      report_sha256: r.sha256,
      submitted_by: r.by,
      submitted_at: r.at,
      verdict: null,
      adoption_json: null,
      adoption_sha256: null,
      adopted_by: null,
      adopted_at: null,
    })
    .execute();
  await keepCheckProjectFigures(db, r.checkId);
}

/** Every report version of the checks, oldest first (earlier versions stay after a resubmission). */
export async function reportsOf(db: Kysely<DB>, checkIds: string[]): Promise<CheckReport[]> {
  if (!checkIds.length) return [];
  const rows = await db
    .selectFrom('project_check_reports')
    .selectAll()
    .where('check_id', 'in', checkIds)
    .orderBy('check_id')
    .orderBy('version')
    .execute();
  return rows.map((r) => ({
    checkId: r.check_id,
    version: Number(r.version),
    report: jsonColumn(r.report_json),
    reportSha256: r.report_sha256,
    submittedBy: r.submitted_by,
    submittedAt: r.submitted_at,
    verdict: r.verdict as CheckVerdict | null,
    adoption: jsonColumn(r.adoption_json),
    adoptionSha256: r.adoption_sha256,
    adoptedBy: r.adopted_by,
    adoptedAt: r.adopted_at,
  }));
}

export async function adoptReport(
  db: Kysely<DB>,
  checkId: string,
  version: number,
  a: { verdict: CheckVerdict; json: string; sha256: string; by: string | null; at: string },
): Promise<void> {
  await db
    .updateTable('project_check_reports')
    .set({
      verdict: a.verdict,
      adoption_json: a.json,
      adoption_sha256: a.sha256,
      adopted_by: a.by,
      adopted_at: a.at,
    })
    .where('check_id', '=', checkId)
    .where('version', '=', version)
    .execute();
}

/** A seat on a check's panel: offered by an engine run (invited until answered) or added by hand (accepted). */
export interface PanelSeat {
  checkId: string;
  expertId: string;
  chair: boolean;
  assignedAt: string;
  state: CheckSeatState;
  runId: string | null;
  respondBy: string | null;
  respondedAt: string | null;
  declineReason: string | null;
}

export async function panelOf(db: Kysely<DB>, checkId: string): Promise<PanelSeat[]> {
  const rows = await db
    .selectFrom('project_check_panel')
    .selectAll()
    .where('check_id', '=', checkId)
    .orderBy('assigned_at')
    .orderBy('expert_id')
    .execute();
  return rows.map((r) => ({
    checkId: r.check_id,
    expertId: r.expert_id,
    chair: flag(r.chair),
    assignedAt: r.assigned_at,
    state: r.state as CheckSeatState,
    runId: r.run_id,
    respondBy: r.respond_by,
    respondedAt: r.responded_at,
    declineReason: r.decline_reason,
  }));
}

/** The seats that count: accepted, or invited and not yet answered (declined ones stay as history). */
export const liveSeats = (seats: PanelSeat[]) =>
  seats.filter((s) => s.state === 'accepted' || s.state === 'invited');

export async function insertSeat(
  db: Kysely<DB>,
  s: Pick<PanelSeat, 'checkId' | 'expertId' | 'chair' | 'assignedAt'> &
    Partial<Pick<PanelSeat, 'state' | 'runId' | 'respondBy'>> & { assignedBy: string | null },
): Promise<void> {
  await db
    .insertInto('project_check_panel')
    .values({
      check_id: s.checkId,
      expert_id: s.expertId,
      chair: toFlag(s.chair),
      assigned_by: s.assignedBy,
      assigned_at: s.assignedAt,
      state: s.state ?? 'accepted',
      run_id: s.runId ?? null,
      respond_by: s.respondBy ?? null,
    })
    .execute();
}

export interface CheckConflict {
  id: string;
  checkId: string;
  expertId: string;
  rule: string;
  evidence: Record<string, unknown>;
  foundAt: string;
  ruleSetId?: string | null;
  runId?: string | null;
}

export async function insertConflicts(db: Kysely<DB>, found: CheckConflict[]): Promise<void> {
  if (!found.length) return;
  await db
    .insertInto('project_check_conflicts')
    .values(
      found.map((c) => ({
        id: c.id,
        check_id: c.checkId,
        expert_id: c.expertId,
        rule: c.rule,
        evidence_json: toJsonColumn(c.evidence),
        found_at: c.foundAt,
        rule_set_id: c.ruleSetId ?? null,
        run_id: c.runId ?? null,
      })),
    )
    .execute();
}

export async function conflictsOf(db: Kysely<DB>, checkId: string): Promise<CheckConflict[]> {
  const rows = await db
    .selectFrom('project_check_conflicts')
    .selectAll()
    .where('check_id', '=', checkId)
    .orderBy('found_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    checkId: r.check_id,
    expertId: r.expert_id,
    rule: r.rule,
    evidence: jsonColumn(r.evidence_json),
    foundAt: r.found_at,
    ruleSetId: r.rule_set_id,
    runId: r.run_id,
  }));
}
