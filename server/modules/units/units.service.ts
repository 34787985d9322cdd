import type { Kysely, Selectable } from 'kysely';
import type { UnitKind } from '../../../common/platforms.js';
import { appendAudit } from '../../db/audit-chain.js';
import type { DB, OrgUnitsTable } from '../../db/schema.js';
import { retryOnUniqueViolation } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, forbidden, invalidField } from '../../http/errors.js';
import { fieldSummaries, resolveFieldRefs } from '../fields/fields.service.js';
import { platformOrNotFound } from '../platforms/platforms.service.js';
import { can, type UnitResource } from './units.policy.js';
import { staffOf, unitResource } from './units.repository.js';
import type { CreateUnitInput, UnitView, UpdateUnitInput } from './units.schema.js';

type Row = Selectable<OrgUnitsTable>;

/** Views of units of one platform, with director and staff only for callers with a role on it. */
async function unitViews(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  rows: Row[],
  withStaff: boolean,
): Promise<UnitView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const links = await ctx.db
    .selectFrom('unit_fields')
    .select(['unit_id', 'field_id'])
    .where('unit_id', 'in', ids)
    .execute();
  const fields = await fieldSummaries(
    ctx.db,
    links.map((l) => l.field_id),
  );
  const directorIds = rows.map((r) => r.director_person_id).filter((x): x is string => !!x);
  const directors = directorIds.length
    ? await ctx.db
        .selectFrom('people')
        .select(['id', 'name_zh', 'name_en', 'title', 'user_id'])
        .where('id', 'in', directorIds)
        .execute()
    : [];
  const counts = await ctx.db
    .selectFrom('unit_staff')
    .select(['unit_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('unit_id', 'in', ids)
    .groupBy('unit_id')
    .execute();
  const out: UnitView[] = [];
  for (const r of rows) {
    const director = directors.find((d) => d.id === r.director_person_id);
    const resource: UnitResource = { platformId: r.platform_id, directorUserId: director?.user_id ?? null };
    const personal = can(ctx.actor, 'units.read_personal', resource);
    const view: UnitView = {
      id: r.id,
      platformId: r.platform_id,
      kind: r.kind as UnitKind,
      code: r.code,
      nameZh: r.name_zh,
      nameEn: r.name_en,
      descriptionZh: r.description_zh,
      descriptionEn: r.description_en,
      sortOrder: r.sort_order,
      fields: [...fields.values()].filter((f) =>
        links.some((l) => l.unit_id === r.id && l.field_id === f.id),
      ),
      personalDetails: personal,
      access: {
        canEdit: can(ctx.actor, 'units.manage', resource),
        canManageStaff: can(ctx.actor, 'units.manage_staff', resource),
      },
    };
    if (personal) {
      view.director = director
        ? { id: director.id, nameZh: director.name_zh, nameEn: director.name_en, title: director.title }
        : null;
      view.staffCount = Number(counts.find((c) => c.unit_id === r.id)?.n ?? 0);
      if (withStaff) view.staff = await staffOf(ctx.db, r.id);
    }
    out.push(view);
  }
  return out;
}

/** The units of a platform (public; directors and staff counts for those with a role on it). */
export async function listUnits(ctx: Pick<Ctx, 'db' | 'actor'>, platformId: string): Promise<UnitView[]> {
  await platformOrNotFound(ctx.db, platformId);
  const rows = await ctx.db
    .selectFrom('org_units')
    .selectAll()
    .where('platform_id', '=', platformId)
    .orderBy('sort_order')
    .orderBy('name_en')
    .execute();
  return unitViews(ctx, rows, false);
}

/** One unit; its staff with contact details for those with a role on the platform. */
export async function getUnit(ctx: Ctx, id: string): Promise<UnitView> {
  const { row } = await unitResource(ctx.db, id);
  return (await unitViews(ctx, [row], true))[0]!;
}

/** Names are unique within a platform in each language; the pointer names the clashing one. */
async function assertNamesFree(
  db: Kysely<DB>,
  platformId: string,
  names: { nameZh?: string; nameEn?: string },
  selfId?: string,
) {
  for (const [key, column] of [
    ['nameZh', 'name_zh'],
    ['nameEn', 'name_en'],
  ] as const) {
    const value = names[key];
    if (value === undefined) continue;
    const clash = await db
      .selectFrom('org_units')
      .select('id')
      .where('platform_id', '=', platformId)
      .where(column, '=', value)
      .executeTakeFirst();
    if (clash && clash.id !== selfId) {
      throw new AppError(409, 'units.name_taken', {
        errors: [{ in: 'body', pointer: `/${key}`, code: 'units.name_taken', message: '' }],
      });
    }
  }
}

async function assertPerson(db: Kysely<DB>, personId: string | null | undefined, pointer: string) {
  if (
    personId &&
    !(await db.selectFrom('people').select('id').where('id', '=', personId).executeTakeFirst())
  ) {
    throw invalidField(pointer, 'units.unknown_person');
  }
}

const audited = (r: Row) => ({
  kind: r.kind,
  code: r.code,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  directorPersonId: r.director_person_id,
  sortOrder: r.sort_order,
});

/** Adds a lab, centre or office to a platform (its admins). */
export async function createUnit(ctx: Ctx, platformId: string, input: CreateUnitInput): Promise<UnitView> {
  const row = await retryOnUniqueViolation(ctx.seam, () =>
    ctx.db.transaction().execute(async (trx) => {
      await platformOrNotFound(trx, platformId);
      if (!can(ctx.actor, 'units.manage', { platformId })) throw forbidden();
      await assertNamesFree(trx, platformId, input);
      await assertPerson(trx, input.directorPersonId, '/directorPersonId');
      const fieldIds = await resolveFieldRefs(trx, input);
      const now = isoNow(ctx.clock);
      const row: Row = {
        id: newId(),
        platform_id: platformId,
        kind: input.kind,
        code: input.code ?? null,
        name_zh: input.nameZh,
        name_en: input.nameEn,
        director_person_id: input.directorPersonId ?? null,
        description_zh: input.descriptionZh ?? null,
        description_en: input.descriptionEn ?? null,
        sort_order: input.sortOrder ?? 0,
        created_at: now,
        updated_at: now,
      };
      await trx.insertInto('org_units').values(row).execute();
      if (fieldIds.length)
        await trx
          .insertInto('unit_fields')
          .values(fieldIds.map((field_id) => ({ unit_id: row.id, field_id })))
          .execute();
      await appendAudit(trx, ctx.seam, ctx, {
        action: 'unit.created',
        entityType: 'unit',
        entityId: row.id,
        platformId,
        after: { ...audited(row), fieldIds },
      });
      return row;
    }),
  );
  return (await unitViews(ctx, [row], true))[0]!;
}

/** Edits a unit, including its director (the platform's admins). */
export async function updateUnit(ctx: Ctx, id: string, input: UpdateUnitInput): Promise<UnitView> {
  const row = await retryOnUniqueViolation(ctx.seam, () =>
    ctx.db.transaction().execute(async (trx) => {
      const { row: before, resource } = await unitResource(trx, id);
      if (!can(ctx.actor, 'units.manage', resource)) throw forbidden();
      await assertNamesFree(trx, before.platform_id, input, id);
      await assertPerson(trx, input.directorPersonId, '/directorPersonId');
      const after: Row = {
        ...before,
        kind: input.kind ?? before.kind,
        code: input.code === undefined ? before.code : input.code,
        name_zh: input.nameZh ?? before.name_zh,
        name_en: input.nameEn ?? before.name_en,
        director_person_id:
          input.directorPersonId === undefined ? before.director_person_id : input.directorPersonId,
        description_zh: input.descriptionZh === undefined ? before.description_zh : input.descriptionZh,
        description_en: input.descriptionEn === undefined ? before.description_en : input.descriptionEn,
        sort_order: input.sortOrder ?? before.sort_order,
        updated_at: isoNow(ctx.clock),
      };
      const { id: _id, platform_id: _p, created_at: _c, ...patch } = after;
      await trx.updateTable('org_units').set(patch).where('id', '=', id).execute();
      await appendAudit(trx, ctx.seam, ctx, {
        action: 'unit.updated',
        entityType: 'unit',
        entityId: id,
        platformId: before.platform_id,
        before: audited(before),
        after: audited(after),
      });
      return after;
    }),
  );
  return (await unitViews(ctx, [row], true))[0]!;
}

/** Deletes a unit with its staff list and field tags (the platform's admins). */
export async function deleteUnit(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const { row, resource } = await unitResource(trx, id);
    if (!can(ctx.actor, 'units.manage', resource)) throw forbidden();
    const staff = await staffOf(trx, id);
    await trx.deleteFrom('org_units').where('id', '=', id).execute();
    await appendAudit(trx, ctx.seam, ctx, {
      action: 'unit.deleted',
      entityType: 'unit',
      entityId: id,
      platformId: row.platform_id,
      before: { ...audited(row), staff: staff.map((s) => ({ personId: s.personId, position: s.position })) },
    });
  });
}

/** Replaces the fields of a unit (the platform's admins and the unit's own director). */
export async function setUnitFields(
  ctx: Ctx,
  id: string,
  refs: { fieldIds?: string[]; fieldCodes?: string[] },
): Promise<UnitView> {
  const row = await ctx.db.transaction().execute(async (trx) => {
    const { row, resource } = await unitResource(trx, id);
    if (!can(ctx.actor, 'units.manage_staff', resource)) throw forbidden();
    const before = (
      await trx.selectFrom('unit_fields').select('field_id').where('unit_id', '=', id).execute()
    ).map((r) => r.field_id);
    const ids = await resolveFieldRefs(trx, refs, { keep: new Set(before) });
    await trx.deleteFrom('unit_fields').where('unit_id', '=', id).execute();
    if (ids.length)
      await trx
        .insertInto('unit_fields')
        .values(ids.map((field_id) => ({ unit_id: id, field_id })))
        .execute();
    await appendAudit(trx, ctx.seam, ctx, {
      action: 'unit.fields_set',
      entityType: 'unit',
      entityId: id,
      platformId: row.platform_id,
      before: before.sort(),
      after: [...ids].sort(),
    });
    return row;
  });
  return (await unitViews(ctx, [row], true))[0]!;
}
