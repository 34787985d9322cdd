import { type ApplicationAction, type ApplicationState, nextState } from '../../../common/applications.js';
import { type Audit, auditIn, type Trx } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import type { CallRecord } from '../calls/calls.lookup.js';
import { notify } from '../notifications/notifications.service.js';
import { concernedUserIds } from './applications.access.js';
import {
  type Application,
  type ApplicationPatch,
  insertTransition,
  moveApplication,
} from './applications.repository.js';

/** 409 naming the current state. */
export const illegal = (state: string) =>
  new AppError(409, 'applications.illegal_transition', {
    state,
    detail: `The application is ${state}`,
  });

/** Throws the 409 unless `action` is legal from the application's state. */
export function assertLegal(app: Application, action: ApplicationAction): ApplicationState {
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

interface TransitionOptions {
  reason?: string | null;
  patch?: ApplicationPatch;
  at?: string;
  /**
   * Takes the receipt number the state change carries (submission). It is called after every read of the
   * transition, just before its writes, because it locks a row every submission of the call needs until
   * the commit (ADR 0024): the fewer statements behind it, the shorter the queue in a deadline rush.
   */
  receipt?: () => Promise<string>;
}

/**
 * Moves the application along one legal transition inside the caller's transaction: the state change
 * (guarded by the state it was read in), the transition row, the audit entry and the notifications of
 * the people concerned all commit together.
 */
export async function transitionApplication(
  trx: Trx,
  audit: Audit,
  ctx: Ctx,
  app: Application,
  call: Pick<CallRecord, 'titleZh' | 'titleEn'>,
  action: ApplicationAction,
  opts: TransitionOptions = {},
): Promise<ApplicationState> {
  const to = assertLegal(app, action);
  const at = opts.at ?? isoNow(ctx.clock);
  const kind = NOTICE[action];
  const recipients = kind ? await concernedUserIds(trx, app) : [];
  const versionNo = opts.patch?.versionNo ?? app.versionNo;
  // The transition row needs no receipt number, so it is written before the number is taken (ADR 0024):
  // one statement fewer while the call's counter row is locked. A lost state race below rolls it back.
  await insertTransition(trx, {
    id: newId(),
    applicationId: app.id,
    action,
    fromState: app.state,
    toState: to,
    versionNo,
    at,
    actorId: ctx.actor?.userId || null,
    actorLabel: ctx.actor?.displayName ?? 'anonymous',
    reason: opts.reason ?? null,
  });
  const patch = opts.receipt ? { ...opts.patch, receiptNo: await opts.receipt() } : opts.patch;
  const lost = await moveApplication(trx, app.id, app.state, { ...patch, state: to, updatedAt: at });
  if (lost) throw illegal(lost.stateNow ?? app.state);
  await audit({
    action: `application.${action}`,
    entityType: 'application',
    entityId: app.id,
    platformId: app.platformId,
    before: { state: app.state, versionNo: app.versionNo },
    after: { state: to, versionNo, ...(patch?.receiptNo ? { receiptNo: patch.receiptNo } : {}) },
    reason: opts.reason ?? undefined,
  });
  if (kind) {
    const receipt = patch?.receiptNo ?? app.receiptNo;
    await notify(trx, ctx, {
      userIds: recipients,
      kind,
      platformId: app.platformId,
      entityType: 'application',
      entityId: app.id,
      params: {
        callTitleZh: call.titleZh,
        callTitleEn: call.titleEn,
        number: receipt ?? app.id.slice(-8),
        reason: opts.reason ?? null,
        deadlineAt: opts.patch?.resubmitDeadline ?? null,
      },
    });
  }
  return to;
}

/**
 * `transitionApplication` for a caller whose transaction is still written by hand (the funding decision
 * in review/decisions): the audit entry is appended as write()'s `audit` would.
 */
export function applyTransition(
  trx: Trx,
  ctx: Ctx,
  app: Application,
  call: Pick<CallRecord, 'titleZh' | 'titleEn'>,
  action: ApplicationAction,
  opts: TransitionOptions = {},
): Promise<ApplicationState> {
  return transitionApplication(trx, auditIn(trx, ctx), ctx, app, call, action, opts);
}
