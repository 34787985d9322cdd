import { write } from '../../db/write.js';
import type { Ctx } from '../../http/context.js';
import { isoNow } from '../../http/context.js';
import { AppError, invalidField, notFound } from '../../http/errors.js';
import { findOrg, lockOrgs, moveReferences, type Org, updateOrgRow } from './orgs.repository.js';
import { assertCan, assertCanEdit, toOrgView } from './orgs.service.js';

// Columns the survivor takes over from the merged organisation when its own are empty.
const FILLABLE = [
  'nameEn',
  'creditCode',
  'registryId',
  'address',
  'contactName',
  'contactPhone',
  'contactEmail',
  'website',
  'enterpriseSize',
] as const satisfies readonly (keyof Org)[];

function fillsFor(survivor: Org, merged: Org): Partial<Pick<Org, (typeof FILLABLE)[number]>> {
  const out: Partial<Record<(typeof FILLABLE)[number], string>> = {};
  for (const f of FILLABLE) {
    // A size only means something for an enterprise survivor (the rules forbid it otherwise).
    if (f === 'enterpriseSize' && survivor.type !== 'enterprise') continue;
    const value = merged[f];
    if (survivor[f] === null && value !== null) out[f] = value;
  }
  return out;
}

/** The audit and the response name filled fields by their column, as they did before the repository. */
const columnName = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Merges a duplicate into the organisation that survives, in one transaction: every reference moves,
 * the survivor's empty fields are filled, and the duplicate stays readable as a redirect.
 */
export async function mergeOrg(ctx: Ctx, id: string, input: { intoId: string; reason: string }) {
  assertCan(ctx, 'orgs.manage');
  if (id === input.intoId) throw invalidField('/intoId', 'orgs.merge_into_self');
  try {
    return await write(ctx, async (trx, audit) => {
      const locked = await lockOrgs(trx, ctx.seam, [id, input.intoId]);
      const merged = locked.find((o) => o.id === id);
      const survivor = locked.find((o) => o.id === input.intoId);
      if (!merged) throw notFound('orgs.not_found');
      if (!survivor) throw invalidField('/intoId', 'orgs.not_found');
      if (merged.mergedIntoId) throw new AppError(409, 'orgs.merged', { mergedIntoId: merged.mergedIntoId });
      if (survivor.mergedIntoId) {
        throw new AppError(409, 'orgs.merge_target_merged', { mergedIntoId: survivor.mergedIntoId });
      }
      // The merge moves the duplicate's references to the survivor, so the caller must keep both.
      await assertCanEdit(trx, ctx, merged.id);
      await assertCanEdit(trx, ctx, survivor.id);
      if (merged.creditCode && survivor.creditCode)
        throw new AppError(409, 'orgs.merge_conflicting_credit_codes');
      const fills = fillsFor(survivor, merged);
      const now = isoNow(ctx.clock);
      // The code moves: clear it on the duplicate first, or the unique index would see it twice.
      await updateOrgRow(trx, merged.id, {
        mergedIntoId: survivor.id,
        updatedAt: now,
        ...(fills.creditCode && { creditCode: null }),
      });
      await updateOrgRow(trx, survivor.id, { ...fills, updatedAt: now });
      const moved = await moveReferences(trx, merged.id, survivor.id);
      const after = {
        merged: (await findOrg(trx, merged.id))!,
        survivor: (await findOrg(trx, survivor.id))!,
      };
      const filled = Object.keys(fills).map(columnName);
      await audit({
        action: 'organisation.merged',
        entityType: 'organisation',
        entityId: merged.id,
        before: { merged: toOrgView(merged, true), survivor: toOrgView(survivor, true) },
        after: {
          merged: toOrgView(after.merged, true),
          survivor: toOrgView(after.survivor, true),
          moved,
          filled,
        },
        reason: input.reason,
      });
      return {
        survivor: toOrgView(after.survivor, true),
        merged: toOrgView(after.merged, true),
        moved,
        filled,
      };
    });
  } catch (err) {
    if (ctx.seam.isUniqueViolation(err)) throw new AppError(409, 'orgs.merge_conflict');
    throw err;
  }
}
