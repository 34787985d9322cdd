import type { Kysely, Selectable } from 'kysely';
import type { CallCriteria } from '../../../common/calls.js';
import type { LabEvalRoundState } from '../../../common/lab-evaluations.js';
import type { DialectSeam } from '../../db/dialect.js';
import { camelRow, insertRow, jsonColumn, type RowValue, toJsonColumn, updateRow } from '../../db/rows.js';
import type { DB, LabEvalConflictsTable, LabEvalRoundsTable } from '../../db/schema.js';
import type { Portfolio } from './lab-evaluations.schema.js';

// The SQL on the rounds, their units' portfolios and the conflicts (docs/adr/0015; the scorecards and
// scores in lab-evaluations.scorecards.repository.ts); rows become values here (JSON parsed, camelCase).

type RoundRow = RowValue<LabEvalRoundsTable>;
export interface Round extends Omit<RoundRow, 'criteriaJson' | 'reportJson' | 'state'> {
  state: LabEvalRoundState;
  criteria: CallCriteria;
  report: unknown | null;
}
export interface Conflict extends Omit<RowValue<LabEvalConflictsTable>, 'evidenceJson'> {
  evidence: Record<string, unknown>;
}
const toRound = (row: Selectable<LabEvalRoundsTable>): Round => {
  const { criteriaJson, reportJson, ...rest } = camelRow(row);
  return {
    ...rest,
    state: rest.state as LabEvalRoundState,
    criteria: jsonColumn(criteriaJson) as CallCriteria,
    report: jsonColumn(reportJson),
  };
};
export async function insertRound(db: Kysely<DB>, r: Omit<Round, 'report'>): Promise<void> {
  const { criteria, ...rest } = r;
  await db
    .insertInto('lab_eval_rounds')
    .values(
      insertRow<LabEvalRoundsTable>({
        ...rest,
        criteriaJson: toJsonColumn(criteria),
        reportJson: null,
      }),
    )
    .execute();
}

export async function findRound(db: Kysely<DB>, id: string): Promise<Round | undefined> {
  const row = await db.selectFrom('lab_eval_rounds').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toRound(row);
}

export async function periodTaken(db: Kysely<DB>, platformId: string, fromYear: number, toYear: number) {
  const row = await db
    .selectFrom('lab_eval_rounds')
    .select('id')
    .where('platform_id', '=', platformId)
    .where('from_year', '=', fromYear)
    .where('to_year', '=', toYear)
    .executeTakeFirst();
  return !!row;
}

export async function roundsOfPlatform(db: Kysely<DB>, platformId: string): Promise<Round[]> {
  const rows = await db
    .selectFrom('lab_eval_rounds')
    .selectAll()
    .where('platform_id', '=', platformId)
    .orderBy('from_year', 'desc')
    .orderBy('to_year', 'desc')
    .execute();
  return rows.map(toRound);
}

/** The adopted rounds that evaluated a unit, oldest period first. */
export async function adoptedRoundsOfUnit(db: Kysely<DB>, unitId: string): Promise<Round[]> {
  const rows = await db
    .selectFrom('lab_eval_rounds')
    .selectAll('lab_eval_rounds')
    .innerJoin('lab_eval_units', 'lab_eval_units.round_id', 'lab_eval_rounds.id')
    .where('lab_eval_units.unit_id', '=', unitId)
    .where('lab_eval_rounds.state', '=', 'adopted')
    .orderBy('lab_eval_rounds.from_year')
    .orderBy('lab_eval_rounds.to_year')
    .execute();
  return rows.map(toRound);
}

/** Locks the round row on PostgreSQL so that adoption and scorecard writes take turns. */
export async function lockRound(db: Kysely<DB>, seam: DialectSeam, id: string): Promise<Round | undefined> {
  const row = await seam
    .forUpdate(db.selectFrom('lab_eval_rounds').selectAll().where('id', '=', id))
    .executeTakeFirst();
  return row && toRound(row);
}

export async function adoptRound(
  db: Kysely<DB>,
  id: string,
  a: { adoptedBy: string | null; adoptedAt: string; report: string; sha256: string },
): Promise<boolean> {
  const res = await db
    .updateTable('lab_eval_rounds')
    .set(
      updateRow<LabEvalRoundsTable>({
        state: 'adopted',
        adoptedBy: a.adoptedBy,
        adoptedAt: a.adoptedAt,
        reportJson: a.report,
        reportSha256: a.sha256,
      }),
    )
    .where('id', '=', id)
    .where('state', '=', 'open')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertUnitPortfolio(db: Kysely<DB>, roundId: string, unitId: string, p: Portfolio) {
  await db
    .insertInto('lab_eval_units')
    .values({ round_id: roundId, unit_id: unitId, portfolio_json: toJsonColumn(p) })
    .execute();
}

/** The units of a round with their frozen portfolios. */
export async function portfoliosOf(db: Kysely<DB>, roundIds: readonly string[]) {
  if (roundIds.length === 0) return [];
  const rows = await db
    .selectFrom('lab_eval_units')
    .selectAll()
    .where('round_id', 'in', [...roundIds])
    .execute();
  return rows.map(({ portfolio_json, ...r }) => ({
    ...camelRow(r),
    portfolio: jsonColumn<Portfolio>(portfolio_json),
  }));
}

export async function insertConflict(db: Kysely<DB>, c: Conflict): Promise<void> {
  const { evidence, ...rest } = c;
  await db
    .insertInto('lab_eval_conflicts')
    .values(insertRow<LabEvalConflictsTable>({ ...rest, evidenceJson: toJsonColumn(evidence) }))
    .execute();
}

export async function conflictsOf(db: Kysely<DB>, roundId: string): Promise<Conflict[]> {
  const rows = await db
    .selectFrom('lab_eval_conflicts')
    .selectAll()
    .where('round_id', '=', roundId)
    .orderBy('found_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => {
    const { evidenceJson, ...rest } = camelRow(r);
    return { ...rest, evidence: jsonColumn(evidenceJson) as Record<string, unknown> };
  });
}

/** Changes a round's criteria and chair (before scoring starts: the service checks it). */
export async function updateRoundSetup(
  db: Kysely<DB>,
  id: string,
  s: { criteria: CallCriteria; chairMemberId: string },
): Promise<void> {
  await db
    .updateTable('lab_eval_rounds')
    .set(
      updateRow<LabEvalRoundsTable>({
        criteriaJson: toJsonColumn(s.criteria),
        chairMemberId: s.chairMemberId,
      }),
    )
    .where('id', '=', id)
    .execute();
}

/** How many evaluation rounds evaluate the unit (the units module keeps a unit they name: docs/units.md). */
export async function roundCountOfUnit(db: Kysely<DB>, unitId: string): Promise<number> {
  const row = await db
    .selectFrom('lab_eval_units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('unit_id', '=', unitId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
