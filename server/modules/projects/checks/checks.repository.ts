import type { Kysely } from 'kysely';
import type { CallCriteria } from '../../../../common/calls.js';
import type {
  CheckKind,
  CheckSeatState,
  CheckState,
  CheckVerdict,
} from '../../../../common/project-checks.js';
import type { DialectSeam } from '../../../db/dialect.js';
import {
  camelRow,
  flag,
  insertRow,
  jsonColumn,
  type RowValue,
  toFlag,
  toJsonColumn,
  updateRow,
} from '../../../db/rows.js';
import type {
  DB,
  ProjectCheckConflictsTable,
  ProjectCheckPanelTable,
  ProjectCheckReportsTable,
  ProjectChecksTable,
} from '../../../db/schema.js';
import { keepCheckProjectFigures } from '../projects.figures.repository.js';

/**
 * The SQL on the tables of project checks and 绩效评价 (migration 0023), with the row ⇄ value
 * conversion (JSON columns, 0/1 flags, snake_case); owned by the projects module (docs/adr/0015).
 */

export interface Check
  extends Omit<RowValue<ProjectChecksTable>, 'kind' | 'state' | 'criteriaJson' | 'verdict'> {
  kind: CheckKind;
  state: CheckState;
  criteria: CallCriteria;
  verdict: CheckVerdict | null;
}

const toCheck = (row: ProjectChecksTable): Check => {
  const { criteriaJson, ...rest } = camelRow(row);
  return {
    ...rest,
    kind: rest.kind as CheckKind,
    state: rest.state as CheckState,
    criteria: jsonColumn(criteriaJson),
    version: Number(rest.version),
    verdict: rest.verdict as CheckVerdict | null,
  };
};

export async function insertCheck(db: Kysely<DB>, { criteria, ...c }: Check): Promise<void> {
  await db
    .insertInto('project_checks')
    .values(insertRow<ProjectChecksTable>({ ...c, criteriaJson: toJsonColumn(criteria) }))
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
    .set(
      updateRow<ProjectChecksTable>({
        state: patch.state,
        version: patch.version,
        verdict: patch.verdict,
        updatedAt: patch.at,
      }),
    )
    .where('id', '=', id)
    .execute();
  // A new version leaves the check without a report until the project submits one.
  if (patch.version !== undefined) await keepCheckProjectFigures(db, id);
}

export interface CheckReport
  extends Omit<RowValue<ProjectCheckReportsTable>, 'reportJson' | 'verdict' | 'adoptionJson'> {
  report: unknown;
  verdict: CheckVerdict | null;
  adoption: unknown;
}

const toReport = (row: ProjectCheckReportsTable): CheckReport => {
  const { reportJson, adoptionJson, ...rest } = camelRow(row);
  return {
    ...rest,
    version: Number(rest.version),
    report: jsonColumn(reportJson),
    verdict: rest.verdict as CheckVerdict | null,
    adoption: jsonColumn(adoptionJson),
  };
};

export async function insertReport(
  db: Kysely<DB>,
  r: { checkId: string; version: number; json: string; sha256: string; by: string | null; at: string },
): Promise<void> {
  await db
    .insertInto('project_check_reports')
    .values(
      insertRow<ProjectCheckReportsTable>({
        checkId: r.checkId,
        version: r.version,
        reportJson: r.json,
        reportSha256: r.sha256,
        submittedBy: r.by,
        submittedAt: r.at,
        verdict: null,
        adoptionJson: null,
        adoptionSha256: null,
        adoptedBy: null,
        adoptedAt: null,
      }),
    )
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
  return rows.map(toReport);
}

export async function adoptReport(
  db: Kysely<DB>,
  checkId: string,
  version: number,
  a: { verdict: CheckVerdict; json: string; sha256: string; by: string | null; at: string },
): Promise<void> {
  await db
    .updateTable('project_check_reports')
    .set(
      updateRow<ProjectCheckReportsTable>({
        verdict: a.verdict,
        adoptionJson: a.json,
        adoptionSha256: a.sha256,
        adoptedBy: a.by,
        adoptedAt: a.at,
      }),
    )
    .where('check_id', '=', checkId)
    .where('version', '=', version)
    .execute();
}

/** A seat on a check's panel: offered by an engine run (invited until answered) or added by hand (accepted). */
export interface PanelSeat extends Omit<RowValue<ProjectCheckPanelTable>, 'chair' | 'state'> {
  chair: boolean;
  state: CheckSeatState;
}

const toSeat = (row: ProjectCheckPanelTable): PanelSeat => {
  const seat = camelRow(row);
  return { ...seat, chair: flag(seat.chair), state: seat.state as CheckSeatState };
};

export async function panelOf(db: Kysely<DB>, checkId: string): Promise<PanelSeat[]> {
  const rows = await db
    .selectFrom('project_check_panel')
    .selectAll()
    .where('check_id', '=', checkId)
    .orderBy('assigned_at')
    .orderBy('expert_id')
    .execute();
  return rows.map(toSeat);
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
    .values(
      insertRow<ProjectCheckPanelTable>({
        checkId: s.checkId,
        expertId: s.expertId,
        chair: toFlag(s.chair),
        assignedBy: s.assignedBy,
        assignedAt: s.assignedAt,
        state: s.state ?? 'accepted',
        runId: s.runId ?? null,
        respondBy: s.respondBy ?? null,
        respondedAt: null,
        declineReason: null,
      }),
    )
    .execute();
}

export interface CheckConflict
  extends Omit<RowValue<ProjectCheckConflictsTable>, 'evidenceJson' | 'ruleSetId' | 'runId'> {
  evidence: Record<string, unknown>;
  ruleSetId?: string | null;
  runId?: string | null;
}

export async function insertConflicts(db: Kysely<DB>, found: CheckConflict[]): Promise<void> {
  if (!found.length) return;
  await db
    .insertInto('project_check_conflicts')
    .values(
      found.map((c) =>
        insertRow<ProjectCheckConflictsTable>({
          id: c.id,
          checkId: c.checkId,
          expertId: c.expertId,
          rule: c.rule,
          evidenceJson: toJsonColumn(c.evidence),
          foundAt: c.foundAt,
          ruleSetId: c.ruleSetId ?? null,
          runId: c.runId ?? null,
        }),
      ),
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
  return rows.map((row) => {
    const { evidenceJson, ...c } = camelRow(row);
    return { ...c, evidence: jsonColumn(evidenceJson) };
  });
}
