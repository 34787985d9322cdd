import { type Kysely, type Selectable, type SqlBool, sql } from 'kysely';
import type { ProjectOutcome, ProjectState } from '../../../common/projects.js';
import type { DialectSeam } from '../../db/dialect.js';
import { camelRow, insertRow, type RowValue, updateRow } from '../../db/rows.js';
import type { DB, ProjectFieldsTable, ProjectsTable } from '../../db/schema.js';
import { keepProjectFigures } from './projects.figures.repository.js';
import { insertStructure, type ProjectStructure } from './projects.structure.repository.js';

/**
 * All SQL on the projects tables (docs/adr/0015) and the row ⇄ value conversion: callers get camelCase
 * values with numbers for the bigint money columns (PostgreSQL returns them as strings).
 */

/** The portfolio's figures (migration 0051): kept by projects.figures.repository, not part of the record. */
type FigureKey =
  | 'plannedMinor'
  | 'spentMinor'
  | 'overspent'
  | 'indicatorsTotal'
  | 'indicatorsMet'
  | 'nextReportKind'
  | 'nextReportDueOn';

export interface ProjectRecord
  extends Omit<RowValue<ProjectsTable>, FigureKey | 'kind' | 'budgetMinor' | 'state' | 'outcome'> {
  kind: 'intramural' | 'extramural';
  budgetMinor: number;
  state: ProjectState;
  outcome: ProjectOutcome | null;
}

const toRecord = (row: Selectable<ProjectsTable>): ProjectRecord => {
  const {
    plannedMinor: _planned,
    spentMinor: _spent,
    overspent: _overspent,
    indicatorsTotal: _total,
    indicatorsMet: _met,
    nextReportKind: _kind,
    nextReportDueOn: _dueOn,
    ...rest
  } = camelRow(row);
  return {
    ...rest,
    kind: rest.kind as ProjectRecord['kind'],
    budgetMinor: Number(rest.budgetMinor),
    state: rest.state as ProjectState,
    outcome: rest.outcome as ProjectOutcome | null,
  };
};

/** The project, locked for the rest of the transaction when a seam is given. */
export async function findProject(
  db: Kysely<DB>,
  id: string,
  lock?: DialectSeam,
): Promise<ProjectRecord | undefined> {
  const q = db.selectFrom('projects').selectAll().where('id', '=', id);
  const row = await (lock ? lock.forUpdate(q) : q).executeTakeFirst();
  return row && toRecord(row);
}

export async function codeTaken(db: Kysely<DB>, platformId: string, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('projects')
    .select('id')
    .where('platform_id', '=', platformId)
    .where('code', '=', code)
    .executeTakeFirst();
  return !!row;
}

/** Inserts a project with its fields and structure, in the caller's transaction. */
export async function insertProject(
  db: Kysely<DB>,
  p: ProjectRecord,
  fieldIds: readonly string[],
  s: ProjectStructure,
  newId: () => string,
): Promise<void> {
  await db
    .insertInto('projects')
    // The figures' columns are left out, as before: their defaults until projects.figures keeps them.
    .values(insertRow<ProjectsTable>(p as RowValue<ProjectsTable>))
    .execute();
  if (fieldIds.length)
    await db
      .insertInto('project_fields')
      .values(fieldIds.map((fieldId) => insertRow<ProjectFieldsTable>({ projectId: p.id, fieldId })))
      .execute();
  await insertStructure(db, p.id, s, newId);
}

/** Field links of several projects. */
export async function fieldLinks(db: Kysely<DB>, projectIds: readonly string[]) {
  if (projectIds.length === 0) return [];
  const rows = await db
    .selectFrom('project_fields')
    .selectAll()
    .where('project_id', 'in', projectIds)
    .execute();
  return rows.map(camelRow);
}

/**
 * What a caller who does not read every project is on: their organisation and person (in the
 * consortium), the applications they own, the units they direct.
 */
export interface ProjectScope {
  orgIds: readonly string[];
  personIds: readonly string[];
  applicationIds: readonly string[];
  unitIds: readonly string[];
}

export interface ProjectFilter {
  platformId: string;
  /** Absent: every project of the platform. */
  scope?: ProjectScope;
  kind?: string;
  state?: string;
  unitId?: string;
  fieldId?: string;
  q?: string;
}

/** A page of a platform's projects, newest start first, and the count of all that match. */
export async function listProjectRecords(
  db: Kysely<DB>,
  f: ProjectFilter,
  page: { limit: number; offset: number },
): Promise<{ items: ProjectRecord[]; total: number }> {
  let query = db.selectFrom('projects').where('platform_id', '=', f.platformId);
  if (f.scope) {
    const { orgIds, personIds, applicationIds, unitIds } = f.scope;
    query = query.where((eb) =>
      eb.or([
        ...(orgIds.length ? [eb('lead_org_id', 'in', [...orgIds])] : []),
        ...(applicationIds.length ? [eb('application_id', 'in', [...applicationIds])] : []),
        ...(unitIds.length ? [eb('unit_id', 'in', [...unitIds])] : []),
        ...(orgIds.length || personIds.length
          ? [
              eb(
                'id',
                'in',
                eb
                  .selectFrom('project_members')
                  .select('project_id')
                  .where((m) =>
                    m.or([
                      ...(orgIds.length ? [m('organisation_id', 'in', [...orgIds])] : []),
                      ...(personIds.length ? [m('contact_person_id', 'in', [...personIds])] : []),
                    ]),
                  ),
              ),
            ]
          : []),
      ]),
    );
  }
  if (f.kind) query = query.where('kind', '=', f.kind);
  if (f.state) query = query.where('state', '=', f.state);
  if (f.unitId) query = query.where('unit_id', '=', f.unitId);
  if (f.fieldId) {
    const fieldId = f.fieldId;
    query = query.where('id', 'in', (eb) =>
      eb.selectFrom('project_fields').select('project_id').where('field_id', '=', fieldId),
    );
  }
  if (f.q) {
    const like = `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // Matched literally: % and _ are escaped, not wildcards.
    query = query.where(
      sql<SqlBool>`(lower(${sql.ref('code')}) like ${like} escape '\\' or lower(${sql.ref('title_zh')}) like ${like} escape '\\' or lower(${sql.ref('title_en')}) like ${like} escape '\\')`,
    );
  }
  const [rows, total] = await Promise.all([
    query
      .selectAll()
      .orderBy('starts_on', 'desc')
      .orderBy('code')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toRecord), total: Number(total.n) };
}

/** Moves the end date of a project (an approved extension). */
export async function setProjectEnd(db: Kysely<DB>, id: string, endsOn: string, at: string): Promise<void> {
  await db
    .updateTable('projects')
    .set(updateRow<ProjectsTable>({ endsOn, updatedAt: at }))
    .where('id', '=', id)
    .execute();
  await keepProjectFigures(db, id);
}
