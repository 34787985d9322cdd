import type { Kysely } from 'kysely';
import { type ApplicationState, EDITABLE_STATES } from '../../../common/applications.js';
import { updateRow } from '../../db/rows.js';
import type { ApplicationsTable, DB } from '../../db/schema.js';
import { type Trx, write } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { acceptsSubmissions, type CallRecord, loadCall } from '../calls/calls.lookup.js';
import { accessible } from './applications.access.js';
import { personOfUser } from './applications.lookup.js';
import { membersOf, writeBudget, writeConsortium } from './applications.parts.repository.js';
import { canApply } from './applications.policy.js';
import { insertApplication, insertTransition, updateApplication } from './applications.repository.js';
import type { ApplicationContent, CreateApplicationInput, SaveDraftInput } from './applications.schema.js';
import { checkBudget, checkConsortium, checkContent, Problems } from './applications.sections.js';
import {
  insertVersion,
  loadVersion,
  setVersionContent,
  touchVersion,
  versionContent,
} from './applications.versions.repository.js';

/** The call of an application, which exists as long as the application does. */
export async function callOf(db: Kysely<DB>, callId: string): Promise<CallRecord> {
  const call = await loadCall(db, callId);
  if (!call) throw notFound('calls.not_found');
  return call;
}

/** 409 frozen: the current version was submitted (or the application is closed to the applicant). */
export const frozen = (state: string) =>
  new AppError(409, 'applications.frozen', { state, detail: `The application is ${state}` });

/** Checks and writes the sections given; the caller holds the transaction and the application's lock. */
async function applySections(
  trx: Trx,
  leadOrgId: string,
  versionId: string,
  call: CallRecord,
  input: SaveDraftInput,
  currentContent: ApplicationContent,
) {
  const p = new Problems();
  if (input.content) checkContent(p, input.content, call);
  if (input.consortium) await checkConsortium(trx, p, input.consortium, leadOrgId);
  const memberOrgs = new Set(
    input.consortium
      ? input.consortium.map((m) => m.organisationId)
      : (await membersOf(trx, versionId)).map((m) => m.organisationId),
  );
  if (input.budget) checkBudget(p, input.budget, memberOrgs);
  p.throwIfAny();
  const content = input.content ?? currentContent;
  if (input.content) await setVersionContent(trx, versionId, content);
  if (input.consortium) await writeConsortium(trx, versionId, input.consortium, newId);
  if (input.budget) await writeBudget(trx, versionId, input.budget);
  const requested = input.consortium
    ? input.consortium.reduce((s, m) => s + m.requestedMinor, 0)
    : (await membersOf(trx, versionId)).reduce((s, m) => s + m.requestedMinor, 0);
  return {
    titleZh: content.titleZh ?? null,
    titleEn: content.titleEn ?? null,
    fieldId: content.fieldId ?? null,
    requestedTotalMinor: requested,
  };
}

/** Starts an application to an open call for the caller's own organisation (the lead). */
export async function createApplication(
  ctx: Ctx,
  callId: string,
  input: CreateApplicationInput,
): Promise<string> {
  return write(ctx, async (trx, audit) => {
    const call = await loadCall(trx, callId);
    if (!call || call.state === 'draft') throw notFound('calls.not_found');
    if (!canApply(ctx.actor, call.platformId)) throw forbidden();
    if (!acceptsSubmissions(call, ctx.clock.now()))
      throw new AppError(409, 'applications.call_not_open', { closesAt: call.closesAt });
    const person = await personOfUser(trx, ctx.actor!.userId);
    if (!person?.organisationId) throw new AppError(422, 'applications.no_organisation');
    const now = isoNow(ctx.clock);
    const id = newId();
    const versionId = newId();
    await insertApplication(trx, {
      id,
      callId: call.id,
      platformId: call.platformId,
      ownerUserId: ctx.actor!.userId,
      leadOrgId: person.organisationId,
      state: 'draft',
      versionNo: 1,
      titleZh: null,
      titleEn: null,
      fieldId: null,
      requestedTotalMinor: 0,
      currency: call.currency,
      receiptNo: null,
      submittedAt: null,
      resubmitDeadline: null,
      withdrawReason: null,
      createdAt: now,
      updatedAt: now,
    });
    await insertVersion(trx, { id: versionId, applicationId: id, callId: call.id, versionNo: 1, at: now });
    const consortium = input.consortium ?? [
      {
        organisationId: person.organisationId,
        contactPersonId: person.id,
        requestedMinor: 0,
        cofundingMinor: 0,
      },
    ];
    const patch = await applySections(
      trx,
      person.organisationId,
      versionId,
      call,
      { ...input, consortium },
      {},
    );
    await updateApplication(trx, id, patch);
    await insertTransition(trx, {
      id: newId(),
      applicationId: id,
      action: 'create',
      fromState: null,
      toState: 'draft',
      versionNo: 1,
      at: now,
      actorId: ctx.actor!.userId,
      actorLabel: ctx.actor!.displayName,
      reason: null,
    });
    await audit({
      action: 'application.created',
      entityType: 'application',
      entityId: id,
      platformId: call.platformId,
      // The audit keeps the columns' names, as it always recorded them.
      after: { callId: call.id, leadOrgId: person.organisationId, ...updateRow<ApplicationsTable>(patch) },
    });
    return id;
  });
}

/** Saves sections of the current draft version; a frozen version is a 409. */
export async function saveDraft(ctx: Ctx, id: string, input: SaveDraftInput): Promise<void> {
  await write(ctx, async (trx, audit) => {
    const { app } = await accessible(trx, ctx, id, 'edit', { lock: true });
    if (!EDITABLE_STATES.includes(app.state as ApplicationState)) throw frozen(app.state);
    const version = (await loadVersion(trx, id, app.versionNo))!;
    if (version.frozenAt) throw frozen(app.state);
    const call = await callOf(trx, app.callId);
    const before = versionContent(version);
    const patch = await applySections(trx, app.leadOrgId, version.id, call, input, before);
    const now = isoNow(ctx.clock);
    await touchVersion(trx, version.id, now);
    await updateApplication(trx, id, { ...patch, updatedAt: now });
    await audit({
      action: 'application.draft_saved',
      entityType: 'application',
      entityId: id,
      platformId: app.platformId,
      after: {
        versionNo: app.versionNo,
        sections: Object.keys(input).filter((k) => input[k as keyof SaveDraftInput] !== undefined),
        // The audit keeps the columns' names, as it always recorded them.
        ...updateRow<ApplicationsTable>(patch),
      },
    });
  });
}
