import type { Kysely } from 'kysely';
import { directProjectActions } from '../../../common/projects.js';
import type { DB } from '../../db/schema.js';
import { write } from '../../db/write.js';
import { type Ctx, hasRole, isoNow } from '../../http/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../http/errors.js';
import { applicationIdsOwnedBy, personOfUser } from '../applications/applications.lookup.js';
import { fieldSummaries, resolveFieldRefs } from '../fields/fields.service.js';
import { organisationNames } from '../orgs/orgs.lookup.js';
import { platformOrNotFound } from '../platforms/platforms.service.js';
import { unitNames } from '../units/units.lookup.js';
import { unitAuthorities } from '../units/units.service.js';
import { createProject } from './projects.creation.js';
import { can, type ProjectUnit, readsAllProjects } from './projects.policy.js';
import {
  codeTaken,
  fieldLinks,
  findProject,
  listProjectRecords,
  type ProjectRecord,
  type ProjectScope,
} from './projects.repository.js';
import type {
  ProjectDetail,
  ProjectList,
  ProjectsQuery,
  ProjectView,
  RegisterProjectInput,
} from './projects.schema.js';
import { structureOf } from './projects.structure.repository.js';
import { transitionsOf } from './projects.timeline.repository.js';

/** Units of a platform with the account of each director, as the rules need them. */
async function unitsOf(db: Kysely<DB>, platformId: string) {
  return (await unitAuthorities(db, platformId)).map((u) => ({
    ...u,
    resource: { platformId, directorUserId: u.directorUserId } satisfies ProjectUnit,
  }));
}

/**
 * What the caller is on, for narrowing lists and reads (undefined: they read every project of the
 * platform). A lead or member is found through their person record (its organisation and itself as a
 * member's contact) and the applications they own; a lab director through the units they direct.
 */
export async function scopeOf(
  db: Kysely<DB>,
  actor: Ctx['actor'],
  platformId: string,
): Promise<ProjectScope | undefined> {
  if (readsAllProjects(actor, platformId)) return undefined;
  const userId = actor?.userId;
  if (!userId) return { orgIds: [], personIds: [], applicationIds: [], unitIds: [] };
  const [person, applicationIds, units] = await Promise.all([
    personOfUser(db, userId),
    applicationIdsOwnedBy(db, userId),
    hasRole(actor, 'lab_director', platformId) ? unitsOf(db, platformId) : Promise.resolve([]),
  ]);
  return {
    orgIds: person?.organisationId ? [person.organisationId] : [],
    personIds: person ? [person.id] : [],
    applicationIds,
    unitIds: units.filter((u) => u.directorUserId === userId).map((u) => u.id),
  };
}

/** Whether a project falls within a caller's scope (their organisation or person on it, or their application). */
async function onProject(db: Kysely<DB>, scope: ProjectScope, p: ProjectRecord): Promise<boolean> {
  if (p.leadOrgId && scope.orgIds.includes(p.leadOrgId)) return true;
  if (p.applicationId && scope.applicationIds.includes(p.applicationId)) return true;
  if (scope.orgIds.length === 0 && scope.personIds.length === 0) return false;
  return (await structureOf(db, p.id)).members.some(
    (m) =>
      scope.orgIds.includes(m.organisationId) ||
      (!!m.contactPersonId && scope.personIds.includes(m.contactPersonId)),
  );
}

/**
 * The project as the rules see it (its unit's director decides on intramural projects); with the
 * caller, also whether they are on it.
 */
export async function projectResource(
  db: Kysely<DB>,
  p: ProjectRecord,
  actor?: Ctx['actor'],
): Promise<ProjectUnit> {
  const unit = p.unitId ? (await unitsOf(db, p.platformId)).find((u) => u.id === p.unitId) : undefined;
  const resource: ProjectUnit = {
    platformId: p.platformId,
    directorUserId: unit?.directorUserId ?? null,
    kind: p.kind,
  };
  if (actor === undefined) return resource;
  const scope = await scopeOf(db, actor, p.platformId);
  return { ...resource, onProject: !scope || (await onProject(db, scope, p)) };
}

async function views(db: Kysely<DB>, records: ProjectRecord[]): Promise<ProjectView[]> {
  if (records.length === 0) return [];
  const links = await fieldLinks(
    db,
    records.map((r) => r.id),
  );
  const fields = await fieldSummaries(
    db,
    links.map((l) => l.fieldId),
  );
  const units = await unitNames(
    db,
    records.map((r) => r.unitId).filter((x): x is string => !!x),
  );
  const orgs = await organisationNames(
    db,
    records.map((r) => r.leadOrgId),
  );
  return records.map(({ unitId, leadOrgId, createdBy: _c, ...r }) => ({
    ...r,
    unit: (unitId && units.get(unitId)) || null,
    leadOrg: (leadOrgId && orgs.get(leadOrgId)) || null,
    fields: links
      .filter((l) => l.projectId === r.id)
      .map((l) => fields.get(l.fieldId))
      .filter((f) => f !== undefined),
  }));
}

/**
 * Registers an intramural project for a unit, without any application step (DOMAIN.md §3): the
 * platform's admins for any unit, a lab director for the unit they direct. It starts in progress: the
 * unit funds its own research, so there is no 任务书 to negotiate with a funder.
 */
export async function registerIntramuralProject(
  ctx: Ctx,
  platformId: string,
  input: RegisterProjectInput,
): Promise<ProjectView> {
  const record = await write(
    ctx,
    async (trx, audit) => {
      const platform = await platformOrNotFound(trx, platformId);
      const unit = (await unitsOf(trx, platformId)).find((u) => u.id === input.unitId);
      if (!can(ctx.actor, 'projects.list', { platformId, directorUserId: null })) throw forbidden();
      if (!unit) throw invalidField('/unitId', 'projects.unknown_unit');
      if (!can(ctx.actor, 'projects.register', unit.resource)) throw forbidden();
      if (input.endsOn < input.startsOn) throw invalidField('/endsOn', 'projects.end_before_start');
      if (await codeTaken(trx, platformId, input.code))
        throw new AppError(409, 'projects.code_taken', {
          errors: [{ in: 'body', pointer: '/code', code: 'projects.code_taken', message: '' }],
        });
      const fieldIds = await resolveFieldRefs(trx, input);
      const project = {
        platformId,
        unitId: unit.id,
        kind: 'intramural' as const,
        code: input.code,
        titleZh: input.titleZh,
        titleEn: input.titleEn,
        summaryZh: input.summaryZh ?? null,
        summaryEn: input.summaryEn ?? null,
        applicationId: null,
        leadOrgId: null,
        budgetMinor: input.budgetMinor,
        currency: input.currency ?? platform.defaultCurrency,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
      };
      return createProject(trx, audit, ctx, {
        project,
        state: 'in_progress',
        at: isoNow(ctx.clock),
        fieldIds,
        structure: { members: [], budget: [], objectives: [], milestones: [] },
        auditAction: 'project.registered',
        auditAfter: { ...project, fieldIds: [...fieldIds].sort() },
      });
    },
    { retryOnUniqueViolation: true },
  );
  return (await views(ctx.db, [record]))[0]!;
}

/**
 * Projects of a platform with filters, both kinds: anyone with a role on it asks, and sees (in the
 * page, the count and the search) only the projects they may read.
 */
export async function listProjects(ctx: Ctx, platformId: string, q: ProjectsQuery): Promise<ProjectList> {
  await platformOrNotFound(ctx.db, platformId);
  if (!can(ctx.actor, 'projects.list', { platformId, directorUserId: null })) throw forbidden();
  const { page, pageSize, ...filter } = q;
  const scope = await scopeOf(ctx.db, ctx.actor, platformId);
  const { items, total } = await listProjectRecords(
    ctx.db,
    { platformId, scope, ...filter },
    { limit: pageSize, offset: (page - 1) * pageSize },
  );
  const units = await unitsOf(ctx.db, platformId);
  return {
    items: await views(ctx.db, items),
    total,
    page,
    pageSize,
    access: {
      registrableUnitIds: units
        .filter((u) => can(ctx.actor, 'projects.register', u.resource))
        .map((u) => u.id),
    },
  };
}

/** The project if the caller may read it; not found otherwise (its existence is not revealed). */
export async function readableProject(ctx: Ctx, id: string): Promise<ProjectRecord> {
  const p = await findProject(ctx.db, id);
  if (!p || !can(ctx.actor, 'projects.read', await projectResource(ctx.db, p, ctx.actor)))
    throw notFound('projects.not_found');
  return p;
}

/**
 * One project with its consortium, planned budget, objectives, milestones and timeline (whoever may
 * read it), and the moves the caller may make.
 */
export async function getProject(ctx: Ctx, id: string): Promise<ProjectDetail> {
  const p = await readableProject(ctx, id);
  const [view] = await views(ctx.db, [p]);
  const [structure, timeline, resource] = await Promise.all([
    structureOf(ctx.db, id),
    transitionsOf(ctx.db, id),
    projectResource(ctx.db, p),
  ]);
  const orgs = await organisationNames(
    ctx.db,
    structure.members.map((m) => m.organisationId),
  );
  return {
    ...view!,
    members: structure.members.map(({ organisationId, contactPersonId: _c, ...m }) => ({
      ...m,
      organisation: orgs.get(organisationId) ?? {
        id: organisationId,
        nameZh: organisationId,
        nameEn: null,
      },
    })),
    budget: structure.budget,
    objectives: structure.objectives,
    milestones: structure.milestones,
    timeline: timeline.map(({ actorId: _a, ...t }) => t),
    actions: can(ctx.actor, 'projects.manage', resource) ? directProjectActions(p.state, p.kind) : [],
  };
}

/** For the open-data service: every project with its consortium and fields. */
export { projectsForOpenData } from './projects.open.repository.js';

/** What the analytics read of projects (docs/analytics.md). */
export { projectCountsByState } from './projects.stats.repository.js';
