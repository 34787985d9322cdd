import type { Kysely, Updateable } from 'kysely';
import { type ApplicationAction, type ApplicationState, nextState } from '../../../common/applications.js';
import { appendAudit } from '../../db/audit-chain.js';
import type { ApplicationsTable, DB } from '../../db/schema.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import type { CallRecord } from '../calls/calls.lookup.js';
import { notify } from '../notifications/notifications.service.js';
import { concernedUserIds } from './applications.access.js';
import type { ApplicationRow } from './applications.lookup.js';

/** 409 naming the current state. */
export const illegal = (state: string) =>
  new AppError(409, 'applications.illegal_transition', {
    state,
    detail: `The application is ${state}`,
  });

/** Throws the 409 unless `action` is legal from the application's state. */
export function assertLegal(app: ApplicationRow, action: ApplicationAction): ApplicationState {
  const to = nextState(app.state as ApplicationState, action);
  if (!to) throw illegal(app.state);
  return to;
}

const NOTICE: Partial<Record<ApplicationAction, string>> = {
  submit: 'application.submitted',
  resubmit: 'application.submitted',
  return: 'application.returned',
  reject: 'application.rejected',
  pass: 'application.screening_passed',
  withdraw: 'application.withdrawn',
};

/**
 * Moves the application along one legal transition inside the caller's transaction: the state change
 * (guarded by the state it was read in), the transition row, the audit entry and the notifications of
 * the people concerned all commit together.
 */
export async function applyTransition(
  trx: Kysely<DB>,
  ctx: Ctx,
  app: ApplicationRow,
  call: Pick<CallRecord, 'titleZh' | 'titleEn'>,
  action: ApplicationAction,
  opts: { reason?: string | null; patch?: Updateable<ApplicationsTable>; at?: string } = {},
): Promise<ApplicationState> {
  const to = assertLegal(app, action);
  const at = opts.at ?? isoNow(ctx.clock);
  const res = await trx
    .updateTable('applications')
    .set({ ...opts.patch, state: to, updated_at: at })
    .where('id', '=', app.id)
    .where('state', '=', app.state)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) {
    const now = await trx
      .selectFrom('applications')
      .select('state')
      .where('id', '=', app.id)
      .executeTakeFirst();
    throw illegal(now?.state ?? app.state);
  }
  const versionNo = (opts.patch?.version_no as number | undefined) ?? app.version_no;
  await trx
    .insertInto('application_transitions')
    .values({
      id: newId(),
      application_id: app.id,
      action,
      from_state: app.state,
      to_state: to,
      version_no: versionNo,
      at,
      actor_id: ctx.actor?.userId || null,
      actor_label: ctx.actor?.displayName ?? 'anonymous',
      reason: opts.reason ?? null,
    })
    .execute();
  await appendAudit(trx, ctx.seam, ctx, {
    action: `application.${action}`,
    entityType: 'application',
    entityId: app.id,
    platformId: app.platform_id,
    before: { state: app.state, versionNo: app.version_no },
    after: { state: to, versionNo, ...(opts.patch?.receipt_no ? { receiptNo: opts.patch.receipt_no } : {}) },
    reason: opts.reason ?? undefined,
  });
  const kind = NOTICE[action];
  if (kind) {
    const receipt = (opts.patch?.receipt_no as string | undefined) ?? app.receipt_no;
    await notify(trx, ctx, {
      userIds: await concernedUserIds(trx, app),
      kind,
      platformId: app.platform_id,
      entityType: 'application',
      entityId: app.id,
      params: {
        callTitleZh: call.titleZh,
        callTitleEn: call.titleEn,
        number: receipt ?? app.id.slice(-8),
        reason: opts.reason ?? null,
        deadlineAt: (opts.patch?.resubmit_deadline as string | undefined) ?? null,
      },
    });
  }
  return to;
}
