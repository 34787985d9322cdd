import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { canonicalJson } from '../../../common/canonical-json.js';
import type { DB } from '../../db/schema.js';
import { write } from '../../db/write.js';
import type { Ctx } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { effectiveCallState, loadCall } from '../calls/calls.lookup.js';
import { peopleByIds } from '../people/people.lookup.js';
import { accessible } from './applications.access.js';
import { organisationsById } from './applications.lookup.js';
import { receiptView } from './applications.receipts.js';
import { type Application, nextReceiptSeq } from './applications.repository.js';
import type { ReceiptView } from './applications.schema.js';
import { assertLegal, transitionApplication } from './applications.transitions.js';
import { readiness, type VersionParts, versionParts } from './applications.validate.js';
import {
  freezeVersion,
  loadVersion,
  type Version,
  versionContent,
} from './applications.versions.repository.js';

/** The whole version as submitted: what the checksum covers and what stays readable afterwards. */
async function snapshotOf(
  db: Kysely<DB>,
  app: Application,
  version: Version,
  { members, budget, attachments, orgs }: VersionParts,
  callCode: string,
  at: string,
) {
  const contactIds = members.map((m) => m.contactPersonId).filter((x): x is string => !!x);
  const contacts = [...(await peopleByIds(db, contactIds)).values()];
  return {
    applicationId: app.id,
    callId: app.callId,
    callCode,
    versionNo: version.versionNo,
    submittedAt: at,
    currency: app.currency,
    content: versionContent(version),
    consortium: members.map((m) => {
      const org = orgs.get(m.organisationId)!;
      const contact = contacts.find((c) => c.id === m.contactPersonId);
      return {
        position: m.position,
        organisationId: m.organisationId,
        organisationNameZh: org.nameZh,
        organisationNameEn: org.nameEn,
        organisationType: org.type,
        enterpriseSize: org.enterpriseSize,
        contactPersonId: m.contactPersonId,
        contactNameZh: contact?.nameZh ?? null,
        role: m.role,
        requestedMinor: m.requestedMinor,
        cofundingMinor: m.cofundingMinor,
      };
    }),
    budget: budget.map(({ organisationId, category, amountMinor }) => ({
      organisationId,
      category,
      amountMinor,
    })),
    attachments: attachments.map(({ key, fileName, type, mediaType, sizeBytes, sha256 }) => ({
      key,
      fileName,
      type,
      mediaType,
      sizeBytes,
      sha256,
    })),
  };
}

/**
 * Submits (or resubmits) the current version. The deadline is checked against the instant the server
 * took the request (`ctx.clock`), so a request that arrived in time is not refused for waiting on a
 * lock. Freezing the version (snapshot + checksum), the receipt number, the state change, its audit
 * entry and the notifications commit in one transaction, or nothing does.
 */
export async function submitApplication(ctx: Ctx, id: string): Promise<ReceiptView> {
  const taken = ctx.clock.now();
  const at = taken.toISOString();
  return write(ctx, async (trx, audit) => {
    const { app } = await accessible(trx, ctx, id, 'edit', { lock: true });
    const action = app.state === 'returned' ? 'resubmit' : 'submit';
    assertLegal(app, action);
    let call = (await loadCall(trx, app.callId))!;
    if (action === 'submit' && effectiveCallState(call, taken) !== 'open') {
      // Read again behind the call's row lock: a deadline extension committing right now is waited for.
      // The lock is taken only on refusal, so accepted submissions do not queue on the call.
      call = (await loadCall(trx, app.callId, { lock: ctx.seam }))!;
    }
    if (action === 'submit') {
      const state = effectiveCallState(call, taken);
      if (state !== 'open') {
        const code = state === 'upcoming' ? 'applications.call_not_open' : 'applications.deadline_passed';
        throw new AppError(409, code, { closesAt: call.closesAt, serverTime: at });
      }
    } else if (!app.resubmitDeadline || at >= app.resubmitDeadline) {
      throw new AppError(409, 'applications.resubmit_window_closed', {
        resubmitDeadline: app.resubmitDeadline,
        serverTime: at,
      });
    }
    const version = (await loadVersion(trx, id, app.versionNo))!;
    // Read once: the checks and the snapshot see the same rows (the application row is locked).
    const parts = await versionParts(trx, version.id);
    const { problems, outcomes } = await readiness(trx, app, version, call, parts);
    const failed = outcomes.filter((o) => !o.passed);
    problems.throwIfAny(422, 'applications.not_submittable');
    if (failed.length) {
      throw new AppError(422, 'applications.ineligible', {
        rules: failed,
        errors: failed.map((o) => ({
          in: 'body',
          pointer: o.path ?? '',
          code: `eligibility.${o.kind}`,
          message: o.reason,
        })),
      });
    }
    const frozen = await snapshotOf(trx, app, version, parts, call.code, at);
    const snapshot = canonicalJson(frozen);
    const checksum = createHash('sha256').update(snapshot).digest('hex');
    const lead =
      parts.orgs.get(app.leadOrgId) ?? (await organisationsById(trx, [app.leadOrgId])).get(app.leadOrgId)!;
    let receiptNo = '';
    await transitionApplication(trx, audit, ctx, app, call, action, {
      at,
      patch: { submittedAt: at, resubmitDeadline: null },
      // Every read and check is done: the receipt number is taken last (ADR 0024), so the call's counter row
      // is locked for the last few writes and the commit, not across this request's reads and hashing.
      receipt: async () => {
        const seq = await nextReceiptSeq(trx, call.id);
        receiptNo = `${call.code}-${String(seq).padStart(4, '0')}`;
        await freezeVersion(trx, version.id, { at, snapshot, checksum, receiptSeq: seq, receiptNo });
        return receiptNo;
      },
    });
    return receiptView({
      applicationId: id,
      callCode: call.code,
      receiptNo,
      versionNo: version.versionNo,
      submittedAt: at,
      checksum,
      content: frozen.content,
      leadNameZh: lead.nameZh,
    });
  });
}
