import { type Kysely, type Selectable, type SqlBool, sql } from 'kysely';
import type { ProjectKind, ProjectState } from '../../../common/calls.js';
import { appendAudit } from '../../db/audit-chain.js';
import type { DB, ProjectsTable } from '../../db/schema.js';
import { retryOnUniqueViolation } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../http/errors.js';
import { fieldSummaries, resolveFieldRefs } from '../fields/fields.service.js';
import { platformOrNotFound } from '../platforms/platforms.service.js';
import { can, type ProjectUnit } from './projects.policy.js';
import type { ProjectList, ProjectsQuery, ProjectView, RegisterProjectInput } from './projects.schema.js';

type Row = Selectable<ProjectsTable>;

/** Units of a platform with the account of each director, as the rules need them. */
async function unitsOf(db: Kysely<DB>, platformId: string) {
  const rows = await db
    .selectFrom('org_units as u')
    .leftJoin('people as p', 'p.id', 'u.director_person_id')
    .select(['u.id', 'u.name_zh', 'u.name_en', 'p.user_id'])
    .where('u.platform_id', '=', platformId)
    .execute();
  return rows.map((r) => ({
    ...r,
    resource: { platformId, directorUserId: r.user_id } satisfies ProjectUnit,
  }));
}

async function views(db: Kysely<DB>, rows: Row[]): Promise<ProjectView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const links = await db
    .selectFrom('project_fields')
    .select(['project_id', 'field_id'])
    .where('project_id', 'in', ids)
    .execute();
  const fields = await fieldSummaries(
    db,
    links.map((l) => l.field_id),
  );
  const unitIds = rows.map((r) => r.unit_id).filter((x): x is string => !!x);
  const units = unitIds.length
    ? await db
        .selectFrom('org_units')
        .select(['id', 'name_zh', 'name_en'])
        .where('id', 'in', unitIds)
        .execute()
    : [];
  const orgIds = rows.map((r) => r.lead_org_id).filter((x): x is string => !!x);
  const orgs = orgIds.length
    ? await db
        .selectFrom('organisations')
        .select(['id', 'name_zh', 'name_en'])
        .where('id', 'in', orgIds)
        .execute()
    : [];
  const named = (x: { id: string; name_zh: string; name_en: string | null } | undefined) =>
    x ? { id: x.id, nameZh: x.name_zh, nameEn: x.name_en } : null;
  return rows.map((r) => ({
    id: r.id,
    platformId: r.platform_id,
    unit: named(units.find((u) => u.id === r.unit_id)),
    kind: r.kind as ProjectKind,
    code: r.code,
    titleZh: r.title_zh,
    titleEn: r.title_en,
    summaryZh: r.summary_zh,
    summaryEn: r.summary_en,
    applicationId: r.application_id,
    leadOrg: named(orgs.find((o) => o.id === r.lead_org_id)),
    budgetMinor: Number(r.budget_minor),
    currency: r.currency,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    state: r.state as ProjectState,
    fields: links
      .filter((l) => l.project_id === r.id)
      .map((l) => fields.get(l.field_id))
      .filter((f) => f !== undefined),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

/**
 * Registers an intramural project for a unit, without any application step (DOMAIN.md §3): the
 * platform's admins for any unit, a lab director for the unit they direct.
 */
export async function registerIntramuralProject(
  ctx: Ctx,
  platformId: string,
  input: RegisterProjectInput,
): Promise<ProjectView> {
  const row = await retryOnUniqueViolation(ctx.seam, () =>
    ctx.db.transaction().execute(async (trx) => {
      const platform = await platformOrNotFound(trx, platformId);
      const unit = (await unitsOf(trx, platformId)).find((u) => u.id === input.unitId);
      if (!can(ctx.actor, 'projects.read', { platformId, directorUserId: null })) throw forbidden();
      if (!unit) throw invalidField('/unitId', 'projects.unknown_unit');
      if (!can(ctx.actor, 'projects.register', unit.resource)) throw forbidden();
      if (input.endsOn < input.startsOn) throw invalidField('/endsOn', 'projects.end_before_start');
      const clash = await trx
        .selectFrom('projects')
        .select('id')
        .where('platform_id', '=', platformId)
        .where('code', '=', input.code)
        .executeTakeFirst();
      if (clash)
        throw new AppError(409, 'projects.code_taken', {
          errors: [{ in: 'body', pointer: '/code', code: 'projects.code_taken', message: '' }],
        });
      const fieldIds = await resolveFieldRefs(trx, input);
      const now = isoNow(ctx.clock);
      const row: Row = {
        id: newId(),
        platform_id: platformId,
        unit_id: unit.id,
        kind: 'intramural',
        code: input.code,
        title_zh: input.titleZh,
        title_en: input.titleEn,
        summary_zh: input.summaryZh ?? null,
        summary_en: input.summaryEn ?? null,
        application_id: null,
        lead_org_id: null,
        budget_minor: input.budgetMinor,
        currency: input.currency ?? platform.default_currency,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        state: 'active',
        created_by: ctx.actor?.userId || null,
        created_at: now,
        updated_at: now,
      };
      await trx.insertInto('projects').values(row).execute();
      if (fieldIds.length)
        await trx
          .insertInto('project_fields')
          .values(fieldIds.map((field_id) => ({ project_id: row.id, field_id })))
          .execute();
      const { id: _id, platform_id: _p, created_at: _c, updated_at: _u, ...after } = row;
      await appendAudit(trx, ctx.seam, ctx, {
        action: 'project.registered',
        entityType: 'project',
        entityId: row.id,
        platformId,
        after: { ...after, fieldIds: [...fieldIds].sort() },
      });
      return row;
    }),
  );
  return (await views(ctx.db, [row]))[0]!;
}

/** Projects of a platform with filters (anyone with a role on it); both kinds. */
export async function listProjects(ctx: Ctx, platformId: string, q: ProjectsQuery): Promise<ProjectList> {
  await platformOrNotFound(ctx.db, platformId);
  if (!can(ctx.actor, 'projects.read', { platformId, directorUserId: null })) throw forbidden();
  let query = ctx.db.selectFrom('projects').where('platform_id', '=', platformId);
  if (q.kind) query = query.where('kind', '=', q.kind);
  if (q.state) query = query.where('state', '=', q.state);
  if (q.unitId) query = query.where('unit_id', '=', q.unitId);
  if (q.fieldId) {
    const fieldId = q.fieldId;
    query = query.where('id', 'in', (eb) =>
      eb.selectFrom('project_fields').select('project_id').where('field_id', '=', fieldId),
    );
  }
  if (q.q) {
    const like = `%${q.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
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
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const units = await unitsOf(ctx.db, platformId);
  return {
    items: await views(ctx.db, rows),
    total: Number(total.n),
    page: q.page,
    pageSize: q.pageSize,
    access: {
      registrableUnitIds: units
        .filter((u) => can(ctx.actor, 'projects.register', u.resource))
        .map((u) => u.id),
    },
  };
}

/** One project (anyone with a role on its platform; not found for others). */
export async function getProject(ctx: Ctx, id: string): Promise<ProjectView> {
  const row = await ctx.db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !can(ctx.actor, 'projects.read', { platformId: row.platform_id, directorUserId: null }))
    throw notFound('projects.not_found');
  return (await views(ctx.db, [row]))[0]!;
}
