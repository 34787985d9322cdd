import { type Kysely, type Selectable, type SqlBool, sql } from 'kysely';
import type { CostCategory } from '../../../common/calls.js';
import type { ProjectAction, ProjectOutcome, ProjectState } from '../../../common/projects.js';
import type { DialectSeam } from '../../db/dialect.js';
import type { DB, ProjectsTable } from '../../db/schema.js';

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

export interface ProjectMember {
  position: number;
  organisationId: string;
  contactPersonId: string | null;
  role: string | null;
  fundedMinor: number;
  cofundingMinor: number;
}
export interface ProjectBudgetLine {
  organisationId: string;
  category: CostCategory;
  amountMinor: number;
}
export interface ProjectObjective {
  text: string;
  indicators: { name: string; target: string }[];
}
export interface ProjectMilestone {
  title: string;
  workPackage: string | null;
  dueOn: string;
}
/** What a project is made of besides its header: the same for both origins. */
export interface ProjectStructure {
  members: ProjectMember[];
  budget: ProjectBudgetLine[];
  objectives: ProjectObjective[];
  milestones: ProjectMilestone[];
}
export interface ProjectTransition {
  id: string;
  action: ProjectAction | 'create';
  fromState: ProjectState | null;
  toState: ProjectState;
  outcome: ProjectOutcome | null;
  at: string;
  actorId: string | null;
  actorLabel: string;
  reason: string | null;
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
  if (s.members.length)
    await db
      .insertInto('project_members')
      .values(
        s.members.map((m) => ({
          id: newId(),
          project_id: p.id,
          position: m.position,
          organisation_id: m.organisationId,
          contact_person_id: m.contactPersonId,
          role: m.role,
          funded_minor: m.fundedMinor,
          cofunding_minor: m.cofundingMinor,
        })),
      )
      .execute();
  if (s.budget.length)
    await db
      .insertInto('project_budget_lines')
      .values(
        s.budget.map((b) => ({
          project_id: p.id,
          organisation_id: b.organisationId,
          category: b.category,
          amount_minor: b.amountMinor,
        })),
      )
      .execute();
  let indicatorPosition = 0;
  for (const [position, o] of s.objectives.entries()) {
    const objectiveId = newId();
    await db
      .insertInto('project_objectives')
      .values({ id: objectiveId, project_id: p.id, position, text: o.text })
      .execute();
    if (o.indicators.length)
      await db
        .insertInto('project_indicators')
        .values(
          o.indicators.map((i) => ({
            id: newId(),
            project_id: p.id,
            objective_id: objectiveId,
            position: indicatorPosition++,
            name: i.name,
            target: i.target,
          })),
        )
        .execute();
  }
  if (s.milestones.length)
    await db
      .insertInto('project_milestones')
      .values(
        s.milestones.map((m, position) => ({
          id: newId(),
          project_id: p.id,
          position,
          title: m.title,
          work_package: m.workPackage,
          due_on: m.dueOn,
        })),
      )
      .execute();
}

/** The structure of a project as stored (members by position, objectives with their indicators). */
export async function structureOf(db: Kysely<DB>, projectId: string): Promise<ProjectStructure> {
  const [members, budget, objectives, indicators, milestones] = await Promise.all([
    db
      .selectFrom('project_members')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('project_budget_lines')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('organisation_id')
      .orderBy('category')
      .execute(),
    db
      .selectFrom('project_objectives')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('project_indicators')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('project_milestones')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('position')
      .execute(),
  ]);
  return {
    members: members.map((m) => ({
      position: m.position,
      organisationId: m.organisation_id,
      contactPersonId: m.contact_person_id,
      role: m.role,
      fundedMinor: Number(m.funded_minor),
      cofundingMinor: Number(m.cofunding_minor),
    })),
    budget: budget.map((b) => ({
      organisationId: b.organisation_id,
      category: b.category as CostCategory,
      amountMinor: Number(b.amount_minor),
    })),
    objectives: objectives.map((o) => ({
      text: o.text,
      indicators: indicators
        .filter((i) => i.objective_id === o.id)
        .map((i) => ({ name: i.name, target: i.target })),
    })),
    milestones: milestones.map((m) => ({ title: m.title, workPackage: m.work_package, dueOn: m.due_on })),
  };
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

/**
 * Moves the project from `from` to `to` unless another request moved it first (false then), and
 * records the move on the timeline. The verdict is set by the move that closes the project and kept
 * by the later ones (绩效评价).
 */
export async function moveProject(
  db: Kysely<DB>,
  id: string,
  t: Omit<ProjectTransition, 'fromState'> & { fromState: ProjectState },
): Promise<boolean> {
  const res = await db
    .updateTable('projects')
    .set({ state: t.toState, updated_at: t.at, ...(t.outcome ? { outcome: t.outcome } : {}) })
    .where('id', '=', id)
    .where('state', '=', t.fromState)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return false;
  await insertTransition(db, id, t);
  return true;
}

export async function insertTransition(
  db: Kysely<DB>,
  projectId: string,
  t: ProjectTransition,
): Promise<void> {
  await db
    .insertInto('project_transitions')
    .values({
      id: t.id,
      project_id: projectId,
      action: t.action,
      from_state: t.fromState,
      to_state: t.toState,
      outcome: t.outcome,
      at: t.at,
      actor_id: t.actorId,
      actor_label: t.actorLabel,
      reason: t.reason,
    })
    .execute();
}

/** The timeline of a project, oldest first. */
export async function transitionsOf(db: Kysely<DB>, projectId: string): Promise<ProjectTransition[]> {
  const rows = await db
    .selectFrom('project_transitions')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    action: r.action as ProjectTransition['action'],
    fromState: r.from_state as ProjectState | null,
    toState: r.to_state as ProjectState,
    outcome: r.outcome as ProjectOutcome | null,
    at: r.at,
    actorId: r.actor_id,
    actorLabel: r.actor_label,
    reason: r.reason,
  }));
}
