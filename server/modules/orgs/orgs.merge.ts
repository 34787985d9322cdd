import { appendAudit } from '../../db/audit-chain.js';
import type { Ctx } from '../../http/context.js';
import { isoNow } from '../../http/context.js';
import { AppError, invalidField, notFound } from '../../http/errors.js';
import { findOrg, moveReferences, type OrgRow } from './orgs.repository.js';
import { assertCan, toOrgView } from './orgs.service.js';

// Columns the survivor takes over from the merged organisation when its own are empty.
const FILLABLE = [
  'name_en',
  'credit_code',
  'registry_id',
  'address',
  'contact_name',
  'contact_phone',
  'contact_email',
  'website',
  'enterprise_size',
] as const satisfies readonly (keyof OrgRow)[];

function fillsFor(survivor: OrgRow, merged: OrgRow): Partial<Pick<OrgRow, (typeof FILLABLE)[number]>> {
  const out: Partial<Record<(typeof FILLABLE)[number], string>> = {};
  for (const f of FILLABLE) {
    // A size only means something for an enterprise survivor (the rules forbid it otherwise).
    if (f === 'enterprise_size' && survivor.type !== 'enterprise') continue;
    const value = merged[f];
    if (survivor[f] === null && value !== null) out[f] = value;
  }
  return out;
}

/**
 * Merges a duplicate into the organisation that survives, in one transaction: every reference moves,
 * the survivor's empty fields are filled, and the duplicate stays readable as a redirect.
 */
export async function mergeOrg(ctx: Ctx, id: string, input: { intoId: string; reason: string }) {
  assertCan(ctx, 'orgs.manage');
  if (id === input.intoId) throw invalidField('/intoId', 'orgs.merge_into_self');
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      // Lock in id order so two merges of the same pair cannot deadlock.
      const locked = await ctx.seam
        .forUpdate(trx.selectFrom('organisations').selectAll().where('id', 'in', [id, input.intoId].sort()))
        .execute();
      const merged = locked.find((o) => o.id === id);
      const survivor = locked.find((o) => o.id === input.intoId);
      if (!merged) throw notFound('orgs.not_found');
      if (!survivor) throw invalidField('/intoId', 'orgs.not_found');
      if (merged.merged_into_id)
        throw new AppError(409, 'orgs.merged', { mergedIntoId: merged.merged_into_id });
      if (survivor.merged_into_id) {
        throw new AppError(409, 'orgs.merge_target_merged', { mergedIntoId: survivor.merged_into_id });
      }
      if (merged.credit_code && survivor.credit_code)
        throw new AppError(409, 'orgs.merge_conflicting_credit_codes');
      const fills = fillsFor(survivor, merged);
      const now = isoNow(ctx.clock);
      // The code moves: clear it on the duplicate first, or the unique index would see it twice.
      await trx
        .updateTable('organisations')
        .set({
          merged_into_id: survivor.id,
          updated_at: now,
          ...(fills.credit_code && { credit_code: null }),
        })
        .where('id', '=', merged.id)
        .execute();
      await trx
        .updateTable('organisations')
        .set({ ...fills, updated_at: now })
        .where('id', '=', survivor.id)
        .execute();
      const moved = await moveReferences(trx, merged.id, survivor.id);
      const after = {
        merged: (await findOrg(trx, merged.id))!,
        survivor: (await findOrg(trx, survivor.id))!,
      };
      const filled = Object.keys(fills);
      await appendAudit(trx, ctx.seam, ctx, {
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
