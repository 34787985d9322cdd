import type { StaffPosition } from '../../../common/platforms.js';
import { appendAudit } from '../../db/audit-chain.js';
import { retryOnUniqueViolation } from '../../db/write.js';
import type { Ctx } from '../../http/context.js';
import { isoNow, newId } from '../../http/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../http/errors.js';
import { can } from './units.policy.js';
import { staffOf, unitResource } from './units.repository.js';
import type { StaffView } from './units.schema.js';

/** Puts a person on a unit's staff (the platform's admins and the unit's own director). */
export async function addStaff(
  ctx: Ctx,
  unitId: string,
  input: { personId: string; position: StaffPosition },
): Promise<StaffView> {
  return retryOnUniqueViolation(ctx.seam, () =>
    ctx.db.transaction().execute(async (trx) => {
      const { row, resource } = await unitResource(trx, unitId);
      if (!can(ctx.actor, 'units.manage_staff', resource)) throw forbidden();
      if (
        !(await trx.selectFrom('people').select('id').where('id', '=', input.personId).executeTakeFirst())
      ) {
        throw invalidField('/personId', 'units.unknown_person');
      }
      const existing = await trx
        .selectFrom('unit_staff')
        .select('id')
        .where('unit_id', '=', unitId)
        .where('person_id', '=', input.personId)
        .executeTakeFirst();
      if (existing) {
        throw new AppError(409, 'units.staff_exists', {
          errors: [{ in: 'body', pointer: '/personId', code: 'units.staff_exists', message: '' }],
        });
      }
      const id = newId();
      await trx
        .insertInto('unit_staff')
        .values({
          id,
          unit_id: unitId,
          person_id: input.personId,
          position: input.position,
          created_at: isoNow(ctx.clock),
        })
        .execute();
      await appendAudit(trx, ctx.seam, ctx, {
        action: 'unit.staff_added',
        entityType: 'unit',
        entityId: unitId,
        platformId: row.platform_id,
        after: { staffId: id, ...input },
      });
      return (await staffOf(trx, unitId)).find((s) => s.id === id)!;
    }),
  );
}

async function staffRow(trx: Ctx['db'], unitId: string, staffId: string) {
  const row = await trx
    .selectFrom('unit_staff')
    .selectAll()
    .where('id', '=', staffId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  if (!row) throw notFound('units.staff_not_found');
  return row;
}

/** Changes a staff member's position. */
export async function updateStaff(
  ctx: Ctx,
  unitId: string,
  staffId: string,
  position: StaffPosition,
): Promise<StaffView> {
  return ctx.db.transaction().execute(async (trx) => {
    const { row, resource } = await unitResource(trx, unitId);
    if (!can(ctx.actor, 'units.manage_staff', resource)) throw forbidden();
    const before = await staffRow(trx, unitId, staffId);
    await trx.updateTable('unit_staff').set({ position }).where('id', '=', staffId).execute();
    await appendAudit(trx, ctx.seam, ctx, {
      action: 'unit.staff_updated',
      entityType: 'unit',
      entityId: unitId,
      platformId: row.platform_id,
      before: { staffId, position: before.position },
      after: { staffId, position },
    });
    return (await staffOf(trx, unitId)).find((s) => s.id === staffId)!;
  });
}

/** Takes a person off a unit's staff (the person record stays). */
export async function removeStaff(ctx: Ctx, unitId: string, staffId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const { row, resource } = await unitResource(trx, unitId);
    if (!can(ctx.actor, 'units.manage_staff', resource)) throw forbidden();
    const before = await staffRow(trx, unitId, staffId);
    await trx.deleteFrom('unit_staff').where('id', '=', staffId).execute();
    await appendAudit(trx, ctx.seam, ctx, {
      action: 'unit.staff_removed',
      entityType: 'unit',
      entityId: unitId,
      platformId: row.platform_id,
      before: { staffId, personId: before.person_id, position: before.position },
    });
  });
}
