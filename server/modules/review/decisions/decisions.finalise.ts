import type { ApplicationAction } from '../../../../common/applications.js';
import { canTransition } from '../../../../common/calls.js';
import type { DecisionOutcome } from '../../../../common/review.js';
import { write } from '../../../db/write.js';
import { type Ctx, isoNow } from '../../../http/context.js';
import { concernedUserIds } from '../../applications/applications.access.js';
import { loadApplication } from '../../applications/applications.lookup.js';
import { applyTransition, illegal } from '../../applications/applications.transitions.js';
import { moveCall } from '../../calls/calls.service.js';
import { notify } from '../../notifications/notifications.service.js';
import { createProjectFromApplication } from '../../projects/projects.creation.js';
import { panelReportsOfCall } from '../scoring/panel.service.js';
import { alreadyFinal, decisionCall, decisionRow, notReviewing } from './decisions.access.js';
import { decisionItems, markFinal } from './decisions.repository.js';
import type { DecisionView } from './decisions.schema.js';
import { getDecision } from './decisions.service.js';

const ACTION: Record<DecisionOutcome, ApplicationAction> = {
  approved: 'approve',
  waitlisted: 'waitlist',
  declined: 'decline',
};

/**
 * Carries out a draft decision in ONE transaction: every application moves in_review → approved |
 * waitlisted | declined (with its transition row), approved ones become extramural projects, applicants
 * (owner and confirmed member contacts) are notified with the outcome and the panel's consensus report,
 * the call moves reviewing → decided and the decision becomes final. Any failure writes nothing.
 */
export async function finaliseDecision(
  ctx: Ctx,
  callId: string,
  decisionId: string,
  reason?: string,
): Promise<DecisionView> {
  await write(ctx, async (trx, audit) => {
    const call = await decisionCall(trx, ctx, callId, true);
    const row = await decisionRow(trx, ctx, callId, decisionId, true);
    if (row.state !== 'draft') throw alreadyFinal();
    if (!canTransition(call.state, 'decide')) throw notReviewing(call.state);
    const at = isoNow(ctx.clock);
    const items = await decisionItems(trx, decisionId);
    const reports = await panelReportsOfCall(trx, callId);
    for (const item of items) {
      const app = await loadApplication(trx, item.applicationId, ctx.seam);
      if (!app) throw illegal('missing');
      const outcome = item.outcome;
      await applyTransition(trx, ctx, app, call, ACTION[outcome], {
        at,
        reason: item.overrideReason ?? reason ?? null,
      });
      const projectCode =
        outcome === 'approved'
          ? await createProjectFromApplication(trx, audit, ctx, app, { callId: call.id, at })
          : null;
      const report = reports.find((r) => r.applicationId === app.id);
      await notify(trx, ctx, {
        userIds: await concernedUserIds(trx, app),
        kind: `decision.${outcome}`,
        platformId: app.platformId,
        entityType: 'application',
        entityId: app.id,
        params: {
          callTitleZh: call.titleZh,
          callTitleEn: call.titleEn,
          number: app.receiptNo ?? app.id.slice(-8),
          reportZh: report?.reportZh ?? report?.reportEn ?? '—',
          reportEn: report?.reportEn ?? report?.reportZh ?? '—',
          projectCode,
        },
      });
    }
    await moveCall(trx, ctx, call, 'decide', { now: new Date(at), reason, after: { decisionId } });
    await markFinal(trx, decisionId, ctx.actor?.userId || null, at);
    await audit({
      action: 'decision.finalised',
      entityType: 'funding_decision',
      entityId: decisionId,
      platformId: call.platformId,
      after: { callId, outcomes: Object.fromEntries(items.map((i) => [i.applicationId, i.outcome])) },
      reason: reason ?? null,
    });
  });
  return getDecision(ctx, callId, decisionId);
}
