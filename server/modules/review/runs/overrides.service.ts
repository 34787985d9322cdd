import type { Transaction } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { write } from '../../../db/write.js';
import { type Ctx, isoNow, newId } from '../../../http/context.js';
import { AppError, notFound } from '../../../http/errors.js';
import { reviewedApplicationsByIds } from '../../applications/applications.lookup.js';
import { expertExists } from '../experts/experts.service.js';
import { excludedPairs, exclusionsOfPair } from './conflicts.port.js';
import { officerCall } from './runs.access.js';
import {
  activeOverrides,
  findActiveOverride,
  insertOverride,
  markOverrideRemoved,
} from './runs.repository.js';
import type { OverrideInput } from './runs.schema.js';
import { applicationLabels, expertNames } from './runs.views.js';

/** The call's active pins and forbids, with names (officers). */
export async function listOverrides(ctx: Ctx, callId: string) {
  await officerCall(ctx.db, ctx, callId);
  const rows = await activeOverrides(ctx.db, callId);
  const experts = await expertNames(
    ctx.db,
    rows.map((r) => r.expertId),
  );
  const apps = await applicationLabels(
    ctx.db,
    rows.map((r) => r.applicationId),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      applicationId: r.applicationId,
      applicationNumber: apps.get(r.applicationId)?.number ?? null,
      expertId: r.expertId,
      expertName: experts.get(r.expertId)?.name ?? r.expertId,
      expertNameEn: experts.get(r.expertId)?.nameEn ?? null,
      kind: r.kind as 'pin' | 'forbid',
      reason: r.reason,
      createdAt: r.createdAt,
    })),
  };
}

/**
 * Pins or forbids a pair by hand, with the reason. A pin of a pair a conflict rule excludes is
 * refused, naming the rule (conflicts are recomputed first, under the call's rule set).
 */
export async function addOverride(ctx: Ctx, callId: string, input: OverrideInput) {
  const id = await write(ctx, async (trx, audit) => {
    const call = await officerCall(trx, ctx, callId);
    const found = (await reviewedApplicationsByIds(trx, [input.applicationId])).get(input.applicationId);
    const app = found?.state === 'in_review' && found.callId === callId;
    const expert = await expertExists(trx, input.expertId);
    if (!app || !expert) throw new AppError(422, 'assignment.pair_not_eligible');
    const clash = await findActiveOverride(trx, callId, {
      applicationId: input.applicationId,
      expertId: input.expertId,
    });
    if (clash) throw new AppError(409, 'assignment.override_exists');
    if (input.kind === 'pin') {
      const excluded = await excludedPairs(trx as Transaction<DB>, callId, ctx.clock.now());
      if (excluded.has(`${input.expertId}|${input.applicationId}`)) {
        const rules = await exclusionsOfPair(trx, callId, input.applicationId, input.expertId);
        throw new AppError(409, 'assignment.pair_conflicted', {
          detail: `excluded by ${rules.map((r) => r.ruleKey).join(', ')}`,
          rules: rules.map((r) => ({ rule: r.ruleKey, evidence: r.evidence })),
        });
      }
    }
    const id = newId();
    await insertOverride(trx, {
      id,
      callId,
      applicationId: input.applicationId,
      expertId: input.expertId,
      kind: input.kind,
      reason: input.reason,
      createdBy: ctx.actor?.userId || null,
      createdAt: isoNow(ctx.clock),
      removedAt: null,
      removedBy: null,
    });
    await audit({
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
  await write(ctx, async (trx, audit) => {
    const call = await officerCall(trx, ctx, callId);
    const row = await findActiveOverride(trx, callId, { id: overrideId });
    if (!row) throw notFound('assignment.override_not_found');
    await markOverrideRemoved(trx, overrideId, isoNow(ctx.clock), ctx.actor?.userId || null);
    await audit({
      action: `review.${row.kind}_removed`,
      entityType: 'assignment_override',
      entityId: overrideId,
      platformId: call.platformId,
      before: { applicationId: row.applicationId, expertId: row.expertId, kind: row.kind },
    });
  });
}
