import { appendAudit } from '../../../db/audit-chain.js';
import { type Ctx, isoNow, newId } from '../../../http/context.js';
import { AppError, notFound } from '../../../http/errors.js';
import { excludedPairs } from './conflicts.port.js';
import { officerCall } from './runs.access.js';
import type { OverrideInput } from './runs.schema.js';
import { applicationLabels, expertNames } from './runs.views.js';

/** The call's active pins and forbids, with names (officers). */
export async function listOverrides(ctx: Ctx, callId: string) {
  await officerCall(ctx.db, ctx, callId);
  const rows = await ctx.db
    .selectFrom('assignment_overrides')
    .selectAll()
    .where('call_id', '=', callId)
    .where('removed_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const experts = await expertNames(
    ctx.db,
    rows.map((r) => r.expert_id),
  );
  const apps = await applicationLabels(
    ctx.db,
    rows.map((r) => r.application_id),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      applicationId: r.application_id,
      applicationNumber: apps.get(r.application_id)?.number ?? null,
      expertId: r.expert_id,
      expertName: experts.get(r.expert_id)?.name ?? r.expert_id,
      kind: r.kind as 'pin' | 'forbid',
      reason: r.reason,
      createdAt: r.created_at,
    })),
  };
}

/**
 * Pins or forbids a pair by hand, with the reason. A pin of a pair a conflict rule excludes is
 * refused, naming the rule (conflicts are recomputed first, under the call's rule set).
 */
export async function addOverride(ctx: Ctx, callId: string, input: OverrideInput) {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const call = await officerCall(trx, ctx, callId);
    const app = await trx
      .selectFrom('applications')
      .select('id')
      .where('id', '=', input.applicationId)
      .where('call_id', '=', callId)
      .where('state', '=', 'in_review')
      .executeTakeFirst();
    const expert = await trx
      .selectFrom('experts')
      .select('id')
      .where('id', '=', input.expertId)
      .executeTakeFirst();
    if (!app || !expert) throw new AppError(422, 'assignment.pair_not_eligible');
    const clash = await trx
      .selectFrom('assignment_overrides')
      .select('id')
      .where('call_id', '=', callId)
      .where('application_id', '=', input.applicationId)
      .where('expert_id', '=', input.expertId)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    if (clash) throw new AppError(409, 'assignment.override_exists');
    if (input.kind === 'pin') {
      const excluded = await excludedPairs(trx, callId, ctx.clock.now());
      if (excluded.has(`${input.expertId}|${input.applicationId}`)) {
        const rules = await trx
          .selectFrom('conflict_exclusions')
          .select(['rule_key', 'evidence_json'])
          .where('call_id', '=', callId)
          .where('application_id', '=', input.applicationId)
          .where('expert_id', '=', input.expertId)
          .execute();
        throw new AppError(409, 'assignment.pair_conflicted', {
          detail: `excluded by ${rules.map((r) => r.rule_key).join(', ')}`,
          rules: rules.map((r) => ({ rule: r.rule_key, evidence: JSON.parse(r.evidence_json) })),
        });
      }
    }
    const id = newId();
    await trx
      .insertInto('assignment_overrides')
      .values({
        id,
        call_id: callId,
        application_id: input.applicationId,
        expert_id: input.expertId,
        kind: input.kind,
        reason: input.reason,
        created_by: ctx.actor?.userId || null,
        created_at: isoNow(ctx.clock),
        removed_at: null,
        removed_by: null,
      })
      .execute();
    await appendAudit(trx, ctx.seam, ctx, {
      action: `review.${input.kind}`,
      entityType: 'assignment_override',
      entityId: id,
      platformId: call.platformId,
      after: { applicationId: input.applicationId, expertId: input.expertId, kind: input.kind },
      reason: input.reason,
    });
    return id;
  });
  const list = await listOverrides(ctx, callId);
  return list.items.find((o) => o.id === id)!;
}

/** Ends a pin or forbid (kept, with who removed it and when). */
export async function removeOverride(ctx: Ctx, callId: string, overrideId: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const call = await officerCall(trx, ctx, callId);
    const row = await trx
      .selectFrom('assignment_overrides')
      .selectAll()
      .where('id', '=', overrideId)
      .where('call_id', '=', callId)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    if (!row) throw notFound('assignment.override_not_found');
    await trx
      .updateTable('assignment_overrides')
      .set({ removed_at: isoNow(ctx.clock), removed_by: ctx.actor?.userId || null })
      .where('id', '=', overrideId)
      .execute();
    await appendAudit(trx, ctx.seam, ctx, {
      action: `review.${row.kind}_removed`,
      entityType: 'assignment_override',
      entityId: overrideId,
      platformId: call.platformId,
      before: { applicationId: row.application_id, expertId: row.expert_id, kind: row.kind },
    });
  });
}
