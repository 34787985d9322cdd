import type { Kysely } from 'kysely';
import type { CostCategory } from '../../../common/calls.js';
import { camelRow, insertRow } from '../../db/rows.js';
import type {
  DB,
  ProjectBudgetLinesTable,
  ProjectIndicatorsTable,
  ProjectMembersTable,
  ProjectMilestonesTable,
  ProjectObjectivesTable,
} from '../../db/schema.js';

/**
 * The SQL on what a project is made of besides its header — consortium members, planned budget lines,
 * objectives with their indicators, milestones (split from projects.repository.ts by sub-domain,
 * docs/adr/0015) — with numbers for the bigint money columns.
 */

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

/** Inserts the structure of a new project, in the caller's transaction. */
export async function insertStructure(
  db: Kysely<DB>,
  projectId: string,
  s: ProjectStructure,
  newId: () => string,
): Promise<void> {
  if (s.members.length)
    await db
      .insertInto('project_members')
      .values(
        s.members.map((m) =>
          insertRow<ProjectMembersTable>({
            id: newId(),
            projectId,
            position: m.position,
            organisationId: m.organisationId,
            contactPersonId: m.contactPersonId,
            role: m.role,
            fundedMinor: m.fundedMinor,
            cofundingMinor: m.cofundingMinor,
          }),
        ),
      )
      .execute();
  if (s.budget.length)
    await db
      .insertInto('project_budget_lines')
      .values(
        s.budget.map((b) =>
          insertRow<ProjectBudgetLinesTable>({
            projectId,
            organisationId: b.organisationId,
            category: b.category,
            amountMinor: b.amountMinor,
          }),
        ),
      )
      .execute();
  let indicatorPosition = 0;
  for (const [position, o] of s.objectives.entries()) {
    const objectiveId = newId();
    await db
      .insertInto('project_objectives')
      .values(insertRow<ProjectObjectivesTable>({ id: objectiveId, projectId, position, text: o.text }))
      .execute();
    if (o.indicators.length)
      await db
        .insertInto('project_indicators')
        .values(
          o.indicators.map((i) =>
            insertRow<ProjectIndicatorsTable>({
              id: newId(),
              projectId,
              objectiveId,
              position: indicatorPosition++,
              name: i.name,
              target: i.target,
            }),
          ),
        )
        .execute();
  }
  if (s.milestones.length)
    await db
      .insertInto('project_milestones')
      .values(
        s.milestones.map((m, position) =>
          insertRow<ProjectMilestonesTable>({
            id: newId(),
            projectId,
            position,
            title: m.title,
            workPackage: m.workPackage,
            dueOn: m.dueOn,
          }),
        ),
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
    members: members.map((row) => {
      const { id: _id, projectId: _projectId, ...m } = camelRow(row);
      return { ...m, fundedMinor: Number(m.fundedMinor), cofundingMinor: Number(m.cofundingMinor) };
    }),
    budget: budget.map((row) => {
      const { projectId: _projectId, ...b } = camelRow(row);
      return { ...b, category: b.category as CostCategory, amountMinor: Number(b.amountMinor) };
    }),
    objectives: objectives.map((o) => ({
      text: o.text,
      indicators: indicators
        .map(camelRow)
        .filter((i) => i.objectiveId === o.id)
        .map((i) => ({ name: i.name, target: i.target })),
    })),
    milestones: milestones.map((row) => {
      const { title, workPackage, dueOn } = camelRow(row);
      return { title, workPackage, dueOn };
    }),
  };
}
