import { type Kysely, type Selectable, type SqlBool, sql } from 'kysely';
import type { ProjectOutcome, ProjectState } from '../../../common/projects.js';
import type { DialectSeam } from '../../db/dialect.js';
import type { DB, ProjectsTable } from '../../db/schema.js';
import { keepProjectFigures } from './projects.figures.repository.js';
import { insertStructure, type ProjectStructure } from './projects.structure.repository.js';

/**
 * All SQL on the projects tables (docs/adr/0015) and the row ⇄ value conversion: callers get camelCase
 * values with numbers for the bigint money columns (PostgreSQL returns them as strings).
 */

export interface ProjectRecord {
  id: string;
  platformId: string;
  unitId: string | null;
  kind: 'intramural' | 'extramural';
  code: string;
  titleZh: string;
  titleEn: string;
  summaryZh: string | null;
  summaryEn: string | null;
  applicationId: string | null;
  leadOrgId: string | null;
  budgetMinor: number;
  currency: string;
  startsOn: string;
  endsOn: string;
  state: ProjectState;
  outcome: ProjectOutcome | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

type Row = Selectable<ProjectsTable>;

const toRecord = (r: Row): ProjectRecord => ({
  id: r.id,
  platformId: r.platform_id,
  unitId: r.unit_id,
  kind: r.kind as ProjectRecord['kind'],
  code: r.code,
  titleZh: r.title_zh,
  titleEn: r.title_en,
  summaryZh: r.summary_zh,
  summaryEn: r.summary_en,
  applicationId: r.application_id,
  leadOrgId: r.lead_org_id,
  budgetMinor: Number(r.budget_minor),
  currency: r.currency,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  state: r.state as ProjectState,
  outcome: r.outcome as ProjectOutcome | null,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

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
    .values({
      id: p.id,
      platform_id: p.platformId,
      unit_id: p.unitId,
      kind: p.kind,
      code: p.code,
      title_zh: p.titleZh,
      title_en: p.titleEn,
      summary_zh: p.summaryZh,
      summary_en: p.summaryEn,
      application_id: p.applicationId,
      lead_org_id: p.leadOrgId,
      budget_minor: p.budgetMinor,
      currency: p.currency,
      starts_on: p.startsOn,
      ends_on: p.endsOn,
      state: p.state,
      outcome: p.outcome,
      created_by: p.createdBy,
      created_at: p.createdAt,
      updated_at: p.updatedAt,
    })
    .execute();
  if (fieldIds.length)
    await db
      .insertInto('project_fields')
      .values(fieldIds.map((field_id) => ({ project_id: p.id, field_id })))
      .execute();
  await insertStructure(db, p.id, s, newId);
}

/** Field links of several projects. */
export async function fieldLinks(db: Kysely<DB>, projectIds: readonly string[]) {
  if (projectIds.length === 0) return [];
  const rows = await db
    .selectFrom('project_fields')
    .select(['project_id', 'field_id'])
    .where('project_id', 'in', projectIds)
    .execute();
  return rows.map((r) => ({ projectId: r.project_id, fieldId: r.field_id }));
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
  await db.updateTable('projects').set({ ends_on: endsOn, updated_at: at }).where('id', '=', id).execute();
  await keepProjectFigures(db, id);
}
