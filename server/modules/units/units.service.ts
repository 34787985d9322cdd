import type { Kysely } from 'kysely';
import type { UnitKind } from '../../../common/platforms.js';
import type { DB } from '../../db/schema.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, forbidden, invalidField } from '../../http/errors.js';
import { fieldSummaries, resolveFieldRefs } from '../fields/fields.service.js';
import { personDetails } from '../people/people.service.js';
import { platformOrNotFound } from '../platforms/platforms.service.js';
import { can, type UnitResource } from './units.policy.js';
import { unitUsage } from './units.references.js';
import {
  deleteUnitRow,
  findUnit,
  insertUnit,
  setUnitFieldIds,
  staffCounts,
  type Unit,
  unitCountsByPlatform,
  unitFieldLinks,
  unitIdByName,
  unitsOfPlatform,
  updateUnitRow,
} from './units.repository.js';
import type { CreateUnitInput, UnitView, UpdateUnitInput } from './units.schema.js';
import { staffOf, unitResource } from './units.views.js';

/** Reads for the committee's evaluation of units: a platform's units, one unit, a unit's staff entries. */
export {
  findUnit as unitRecord,
  staffEntries as unitStaffEntries,
  unitsOfPlatform as platformUnits,
} from './units.repository.js';
/** Every unit of a platform as other modules' rules need it (see unitAuthority). */
export async function unitAuthorities(db: Kysely<DB>, platformId: string) {
  const units = await unitsOfPlatform(db, platformId);
  const people = await personDetails(
    db,
    units.flatMap((u) => (u.directorPersonId ? [u.directorPersonId] : [])),
  );
  return units.map((u) => ({
    id: u.id,
    platformId: u.platformId,
    nameZh: u.nameZh,
    nameEn: u.nameEn,
    directorUserId: people.find((p) => p.id === u.directorPersonId)?.userId ?? null,
  }));
}

/** How many units each platform has (the platform comparison); platforms without units are absent. */
export const unitCounts = unitCountsByPlatform;

/**
 * A unit as other modules' rules need it: its platform, names and the account of its director (null
 * when no director or no linked account); undefined when there is no such unit.
 */
export async function unitAuthority(
  db: Kysely<DB>,
  id: string,
): Promise<
  | { id: string; platformId: string; nameZh: string; nameEn: string; directorUserId: string | null }
  | undefined
> {
  const unit = await findUnit(db, id);
  if (!unit) return undefined;
  const director = unit.directorPersonId
    ? ((await personDetails(db, [unit.directorPersonId]))[0]?.userId ?? null)
    : null;
  return {
    id: unit.id,
    platformId: unit.platformId,
    nameZh: unit.nameZh,
    nameEn: unit.nameEn,
    directorUserId: director,
  };
}

/** Views of units of one platform, with director and staff only for callers with a role on it. */
async function unitViews(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  rows: Unit[],
  withStaff: boolean,
): Promise<UnitView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const links = await unitFieldLinks(ctx.db, ids);
  const fields = await fieldSummaries(
    ctx.db,
    links.map((l) => l.fieldId),
  );
  const directorIds = rows.map((r) => r.directorPersonId).filter((x): x is string => !!x);
  const directors = await personDetails(ctx.db, directorIds);
  const counts = await staffCounts(ctx.db, ids);
  const out: UnitView[] = [];
  for (const r of rows) {
    const director = directors.find((d) => d.id === r.directorPersonId);
    const resource: UnitResource = { platformId: r.platformId, directorUserId: director?.userId ?? null };
    const personal = can(ctx.actor, 'units.read_personal', resource);
    const view: UnitView = {
      id: r.id,
      platformId: r.platformId,
      kind: r.kind as UnitKind,
      code: r.code,
      nameZh: r.nameZh,
      nameEn: r.nameEn,
      descriptionZh: r.descriptionZh,
      descriptionEn: r.descriptionEn,
      sortOrder: r.sortOrder,
      fields: [...fields.values()].filter((f) => links.some((l) => l.unitId === r.id && l.fieldId === f.id)),
      personalDetails: personal,
      access: {
        canEdit: can(ctx.actor, 'units.manage', resource),
        canManageStaff: can(ctx.actor, 'units.manage_staff', resource),
      },
    };
    if (personal) {
      view.director = director
        ? { id: director.id, nameZh: director.nameZh, nameEn: director.nameEn, title: director.title }
        : null;
      view.staffCount = counts.get(r.id) ?? 0;
      if (withStaff) view.staff = await staffOf(ctx.db, r.id);
    }
    out.push(view);
  }
  return out;
}

/** The units of a platform (public; directors and staff counts for those with a role on it). */
export async function listUnits(ctx: Pick<Ctx, 'db' | 'actor'>, platformId: string): Promise<UnitView[]> {
  await platformOrNotFound(ctx.db, platformId);
  return unitViews(ctx, await unitsOfPlatform(ctx.db, platformId), false);
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
  for (const key of ['nameZh', 'nameEn'] as const) {
    const value = names[key];
    if (value === undefined) continue;
    const clash = await unitIdByName(db, platformId, key, value);
    if (clash && clash !== selfId) {
      throw new AppError(409, 'units.name_taken', {
        errors: [{ in: 'body', pointer: `/${key}`, code: 'units.name_taken', message: '' }],
      });
    }
  }
}

async function assertPerson(db: Kysely<DB>, personId: string | null | undefined, pointer: string) {
  if (personId && (await personDetails(db, [personId])).length === 0) {
    throw invalidField(pointer, 'units.unknown_person');
  }
}

const audited = (r: Unit) => ({
  kind: r.kind,
  code: r.code,
  nameZh: r.nameZh,
  nameEn: r.nameEn,
  directorPersonId: r.directorPersonId,
  sortOrder: r.sortOrder,
});

/** Adds a lab, centre or office to a platform (its admins). */
export async function createUnit(ctx: Ctx, platformId: string, input: CreateUnitInput): Promise<UnitView> {
  const row = await write(
    ctx,
    async (trx, audit) => {
      await platformOrNotFound(trx, platformId);
      if (!can(ctx.actor, 'units.manage', { platformId })) throw forbidden();
      await assertNamesFree(trx, platformId, input);
      await assertPerson(trx, input.directorPersonId, '/directorPersonId');
      const fieldIds = await resolveFieldRefs(trx, input);
      const now = isoNow(ctx.clock);
      const row: Unit = {
        id: newId(),
        platformId,
        kind: input.kind,
        code: input.code ?? null,
        nameZh: input.nameZh,
        nameEn: input.nameEn,
        directorPersonId: input.directorPersonId ?? null,
        descriptionZh: input.descriptionZh ?? null,
        descriptionEn: input.descriptionEn ?? null,
        sortOrder: input.sortOrder ?? 0,
        createdAt: now,
        updatedAt: now,
      };
      await insertUnit(trx, row);
      await setUnitFieldIds(trx, row.id, fieldIds);
      await audit({
        action: 'unit.created',
        entityType: 'unit',
        entityId: row.id,
        platformId,
        after: { ...audited(row), fieldIds },
      });
      return row;
    },
    { retryOnUniqueViolation: true },
  );
  return (await unitViews(ctx, [row], true))[0]!;
}

/** Edits a unit, including its director (the platform's admins). */
export async function updateUnit(ctx: Ctx, id: string, input: UpdateUnitInput): Promise<UnitView> {
  const row = await write(
    ctx,
    async (trx, audit) => {
      const { row: before, resource } = await unitResource(trx, id);
      if (!can(ctx.actor, 'units.manage', resource)) throw forbidden();
      await assertNamesFree(trx, before.platformId, input, id);
      await assertPerson(trx, input.directorPersonId, '/directorPersonId');
      const after: Unit = {
        ...before,
        kind: input.kind ?? before.kind,
        code: input.code === undefined ? before.code : input.code,
        nameZh: input.nameZh ?? before.nameZh,
        nameEn: input.nameEn ?? before.nameEn,
        directorPersonId:
          input.directorPersonId === undefined ? before.directorPersonId : input.directorPersonId,
        descriptionZh: input.descriptionZh === undefined ? before.descriptionZh : input.descriptionZh,
        descriptionEn: input.descriptionEn === undefined ? before.descriptionEn : input.descriptionEn,
        sortOrder: input.sortOrder ?? before.sortOrder,
        updatedAt: isoNow(ctx.clock),
      };
      const { id: _id, platformId: _p, createdAt: _c, ...patch } = after;
      await updateUnitRow(trx, id, patch);
      await audit({
        action: 'unit.updated',
        entityType: 'unit',
        entityId: id,
        platformId: before.platformId,
        before: audited(before),
        after: audited(after),
      });
      return after;
    },
    { retryOnUniqueViolation: true },
  );
  return (await unitViews(ctx, [row], true))[0]!;
}

/**
 * Deletes a unit with its staff list and field tags (the platform's admins); a unit that disclosures,
 * agreements or results name is kept, 409 units.in_use naming them (units.references.ts).
 */
export async function deleteUnit(ctx: Ctx, id: string): Promise<void> {
  await write(ctx, async (trx, audit) => {
    const { row, resource } = await unitResource(trx, id);
    if (!can(ctx.actor, 'units.manage', resource)) throw forbidden();
    const references = await unitUsage(trx, id);
    if (references.length) throw new AppError(409, 'units.in_use', { references });
    const staff = await staffOf(trx, id);
    await deleteUnitRow(trx, id);
    await audit({
      action: 'unit.deleted',
      entityType: 'unit',
      entityId: id,
      platformId: row.platformId,
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
  const row = await write(ctx, async (trx, audit) => {
    const { row, resource } = await unitResource(trx, id);
    if (!can(ctx.actor, 'units.manage_staff', resource)) throw forbidden();
    const before = (await unitFieldLinks(trx, [id])).map((l) => l.fieldId);
    const ids = await resolveFieldRefs(trx, refs, { keep: new Set(before) });
    await setUnitFieldIds(trx, id, ids);
    await audit({
      action: 'unit.fields_set',
      entityType: 'unit',
      entityId: id,
      platformId: row.platformId,
      before: before.sort(),
      after: [...ids].sort(),
    });
    return row;
  });
  return (await unitViews(ctx, [row], true))[0]!;
}

/** For the open-data service: every unit with its fields. */
export { unitsForOpenData } from './units.open.repository.js';
