import type { CostCategory } from '../../../common/calls.js';
import { endOfProjectMonth, type ProjectState } from '../../../common/projects.js';
import type { Audit, Trx } from '../../db/write.js';
import { type Ctx, newId } from '../../http/context.js';
import {
  type Application,
  budgetOf,
  loadVersion,
  membersOf,
  versionContent,
} from '../applications/applications.lookup.js';
import { applicationContent } from '../applications/applications.schema.js';
import { codeTaken, insertProject, type ProjectRecord } from './projects.repository.js';
import type { ProjectStructure } from './projects.structure.repository.js';
import { insertTransition } from './projects.timeline.repository.js';

/**
 * The one place a project comes into being (issue 13): the decision's 立项 of an approved application
 * and a unit's registration of intramural research both end here, so every project has the same
 * structure and starts its timeline with a 'create' row.
 */
export type NewProject = Omit<
  ProjectRecord,
  'id' | 'state' | 'outcome' | 'createdBy' | 'createdAt' | 'updatedAt'
>;

export async function createProject(
  trx: Trx,
  audit: Audit,
  ctx: Pick<Ctx, 'actor'>,
  input: {
    project: NewProject;
    state: ProjectState;
    at: string;
    fieldIds: readonly string[];
    structure: ProjectStructure;
    auditAction: string;
    auditAfter: Record<string, unknown>;
  },
): Promise<ProjectRecord> {
  const record: ProjectRecord = {
    ...input.project,
    id: newId(),
    state: input.state,
    outcome: null,
    createdBy: ctx.actor?.userId || null,
    createdAt: input.at,
    updatedAt: input.at,
  };
  await insertProject(trx, record, input.fieldIds, input.structure, newId);
  await insertTransition(trx, record.id, {
    id: newId(),
    action: 'create',
    fromState: null,
    toState: input.state,
    outcome: null,
    at: input.at,
    actorId: ctx.actor?.userId || null,
    actorLabel: ctx.actor?.displayName ?? 'system',
    reason: null,
  });
  await audit({
    action: input.auditAction,
    entityType: 'project',
    entityId: record.id,
    platformId: record.platformId,
    after: {
      ...input.auditAfter,
      state: input.state,
      members: input.structure.members.length,
      budgetLines: input.structure.budget.length,
      objectives: input.structure.objectives.length,
      milestones: input.structure.milestones.length,
    },
  });
  return record;
}

/** Projects run from the decision day for two years unless the officer edits them later. */
const PROJECT_YEARS = 2;

/**
 * 立项 of an approved application (called by the funding decision, inside its transaction): the
 * project takes the titles, lead, field and requested budget, and from the frozen version the
 * consortium, the budget by member and category, the objectives with their indicators and the
 * milestones of the work plan (due at the end of their project month). Returns the project code.
 */
export async function createProjectFromApplication(
  trx: Trx,
  audit: Audit,
  ctx: Pick<Ctx, 'actor'>,
  app: Application,
  opts: { callId: string; at: string },
): Promise<string> {
  const base = (app.receiptNo ?? `P-${app.id.slice(-8)}`).toUpperCase().slice(0, 40);
  const code = (await codeTaken(trx, app.platformId, base))
    ? `${base.slice(0, 31)}-${app.id.slice(-8).toUpperCase()}`
    : base;
  const startsOn = opts.at.slice(0, 10);
  const version = await loadVersion(trx, app.id, app.versionNo);
  const content = version ? applicationContent.parse(versionContent(version)) : {};
  const members = version ? await membersOf(trx, version.id) : [];
  const budget = version ? await budgetOf(trx, version.id) : [];
  const structure: ProjectStructure = {
    members: members.map((m) => ({
      position: m.position,
      organisationId: m.organisationId,
      contactPersonId: m.contactPersonId,
      role: m.role,
      fundedMinor: m.requestedMinor,
      cofundingMinor: m.cofundingMinor,
    })),
    budget: budget.map((b) => ({
      organisationId: b.organisationId,
      category: b.category as CostCategory,
      amountMinor: b.amountMinor,
    })),
    objectives: (content.objectives ?? []).map((o) => ({
      text: o.text,
      indicators: o.indicators.map((i) => ({ name: i.name, target: i.target })),
    })),
    milestones: (content.workPlan ?? []).flatMap((wp) =>
      wp.milestones.map((m) => ({
        title: m.title,
        workPackage: wp.title,
        dueOn: endOfProjectMonth(startsOn, m.month),
      })),
    ),
  };
  const project = await createProject(trx, audit, ctx, {
    project: {
      platformId: app.platformId,
      unitId: null,
      kind: 'extramural',
      code,
      titleZh: app.titleZh ?? app.titleEn ?? code,
      titleEn: app.titleEn ?? app.titleZh ?? code,
      summaryZh: content.summaryZh ?? null,
      summaryEn: content.summaryEn ?? null,
      applicationId: app.id,
      leadOrgId: app.leadOrgId,
      budgetMinor: app.requestedTotalMinor,
      currency: app.currency,
      startsOn,
      endsOn: endOfProjectMonth(startsOn, PROJECT_YEARS * 12),
    },
    state: 'approved',
    at: opts.at,
    fieldIds: app.fieldId ? [app.fieldId] : [],
    structure,
    auditAction: 'project.created_from_application',
    auditAfter: {
      code,
      applicationId: app.id,
      versionNo: app.versionNo,
      callId: opts.callId,
      budgetMinor: app.requestedTotalMinor,
      currency: app.currency,
    },
  });
  return project.code;
}
