import type { StaffPosition } from '../../../common/platforms.js';
import { write } from '../../db/write.js';
import type { Ctx } from '../../http/context.js';
import { isoNow, newId } from '../../http/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../http/errors.js';
import { personDetails } from '../people/people.service.js';
import { can } from './units.policy.js';
import {
  deleteStaffEntry,
  findStaffEntry,
  insertStaffEntry,
  isStaff,
  setStaffPosition,
} from './units.repository.js';
import type { StaffView } from './units.schema.js';
import { staffOf, unitResource } from './units.views.js';

/** Puts a person on a unit's staff (the platform's admins and the unit's own director). */
export async function addStaff(
  ctx: Ctx,
  unitId: string,
  input: { personId: string; position: StaffPosition },
): Promise<StaffView> {
  return write(
    ctx,
    async (trx, audit) => {
      const { row, resource } = await unitResource(trx, unitId);
      if (!can(ctx.actor, 'units.manage_staff', resource)) throw forbidden();
      if ((await personDetails(trx, [input.personId])).length === 0) {
        throw invalidField('/personId', 'units.unknown_person');
      }
      if (await isStaff(trx, unitId, input.personId)) {
        throw new AppError(409, 'units.staff_exists', {
          errors: [{ in: 'body', pointer: '/personId', code: 'units.staff_exists', message: '' }],
        });
      }
      const id = newId();
      await insertStaffEntry(trx, {
        id,
        unitId,
        personId: input.personId,
        position: input.position,
        createdAt: isoNow(ctx.clock),
      });
      await audit({
        action: 'unit.staff_added',
        entityType: 'unit',
        entityId: unitId,
        platformId: row.platformId,
        after: { staffId: id, ...input },
      });
      return (await staffOf(trx, unitId)).find((s) => s.id === id)!;
    },
    { retryOnUniqueViolation: true },
  );
}

async function staffRow(trx: Ctx['db'], unitId: string, staffId: string) {
  const row = await findStaffEntry(trx, unitId, staffId);
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
  return write(ctx, async (trx, audit) => {
    const { row, resource } = await unitResource(trx, unitId);
    if (!can(ctx.actor, 'units.manage_staff', resource)) throw forbidden();
    const before = await staffRow(trx, unitId, staffId);
    await setStaffPosition(trx, staffId, position);
    await audit({
      action: 'unit.staff_updated',
      entityType: 'unit',
      entityId: unitId,
      platformId: row.platformId,
      before: { staffId, position: before.position },
      after: { staffId, position },
    });
    return (await staffOf(trx, unitId)).find((s) => s.id === staffId)!;
  });
}

/** Takes a person off a unit's staff (the person record stays). */
export async function removeStaff(ctx: Ctx, unitId: string, staffId: string): Promise<void> {
  await write(ctx, async (trx, audit) => {
    const { row, resource } = await unitResource(trx, unitId);
    if (!can(ctx.actor, 'units.manage_staff', resource)) throw forbidden();
    const before = await staffRow(trx, unitId, staffId);
    await deleteStaffEntry(trx, staffId);
    await audit({
      action: 'unit.staff_removed',
      entityType: 'unit',
      entityId: unitId,
      platformId: row.platformId,
      before: { staffId, personId: before.personId, position: before.position },
    });
  });
}
