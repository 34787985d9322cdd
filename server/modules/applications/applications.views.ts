import type { Kysely } from 'kysely';
import { EDITABLE_STATES, nextState } from '../../../common/applications.js';
import type { DB } from '../../db/schema.js';
import type { Ctx } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { callsByIds } from '../calls/calls.lookup.js';
import { peopleByIds } from '../people/people.lookup.js';
import { accessible } from './applications.access.js';
import { callOf } from './applications.drafts.js';
import { invitationsOfApplication } from './applications.invitations.repository.js';
import { organisationsById } from './applications.lookup.js';
import { attachmentsOf, budgetOf, membersOf } from './applications.parts.repository.js';
import type { Relation } from './applications.policy.js';
import { type Application, transitionsOf } from './applications.repository.js';
import type { ApplicationSummary, ApplicationView, EligibilityView } from './applications.schema.js';
import { screeningsOf } from './applications.screenings.repository.js';
import { confirms, readiness } from './applications.validate.js';
import {
  frozenVersion,
  loadVersion,
  versionContent,
  versionsOf,
} from './applications.versions.repository.js';

const orgView = (o: {
  id: string;
  nameZh: string;
  nameEn: string | null;
  type: string;
  enterpriseSize: string | null;
}) => ({ id: o.id, nameZh: o.nameZh, nameEn: o.nameEn, type: o.type, enterpriseSize: o.enterpriseSize });

/** List rows: the application with its call and lead organisation. */
export async function summaries(db: Kysely<DB>, apps: Application[]): Promise<ApplicationSummary[]> {
  if (!apps.length) return [];
  const calls = await callsByIds(
    db,
    apps.map((a) => a.callId),
  );
  const orgs = await organisationsById(
    db,
    apps.map((a) => a.leadOrgId),
  );
  return apps.map((a) => {
    const call = calls.get(a.callId)!;
    return {
      id: a.id,
      callId: a.callId,
      callCode: call.code,
      callTitleZh: call.titleZh,
      callTitleEn: call.titleEn,
      platformId: a.platformId,
      state: a.state,
      titleZh: a.titleZh,
      titleEn: a.titleEn,
      fieldId: a.fieldId,
      lead: orgView(orgs.get(a.leadOrgId)!),
      requestedTotalMinor: a.requestedTotalMinor,
      currency: a.currency,
      versionNo: a.versionNo,
      receiptNo: a.receiptNo,
      submittedAt: a.submittedAt,
      resubmitDeadline: a.resubmitDeadline,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
    };
  });
}

async function detail(
  db: Kysely<DB>,
  app: Application,
  versionNo: number,
  relations: Set<Relation>,
): Promise<ApplicationView> {
  const version = await loadVersion(db, app.id, versionNo);
  if (!version) throw notFound('applications.version_not_found');
  const [members, budget, attachments, versions, transitions, screenings, invitations] = await Promise.all([
    membersOf(db, version.id),
    budgetOf(db, version.id),
    attachmentsOf(db, version.id),
    versionsOf(db, app.id),
    transitionsOf(db, app.id),
    screeningsOf(db, app.id),
    invitationsOfApplication(db, app.id),
  ]);
  const orgs = await organisationsById(
    db,
    members.map((m) => m.organisationId),
  );
  const contactIds = members.map((m) => m.contactPersonId).filter((x): x is string => !!x);
  const contacts = [...(await peopleByIds(db, contactIds)).values()];
  const [summary] = await summaries(db, [app]);
  const state = app.state;
  const owner = relations.has('owner');
  const editable =
    owner && EDITABLE_STATES.includes(state) && versionNo === app.versionNo && !version.frozenAt;
  return {
    ...summary!,
    content: versionContent(version),
    consortium: members.map((m) => {
      const latest = invitations.find((i) => i.organisationId === m.organisationId && i.state !== 'revoked');
      const c = contacts.find((x) => x.id === m.contactPersonId);
      return {
        position: m.position,
        organisation: orgView(orgs.get(m.organisationId)!),
        contact: c ? { id: c.id, nameZh: c.nameZh, nameEn: c.nameEn } : null,
        role: m.role,
        requestedMinor: m.requestedMinor,
        cofundingMinor: m.cofundingMinor,
        confirmation:
          m.position === 0
            ? 'not_needed'
            : !latest
              ? 'not_invited'
              : latest.state === 'confirmed' && !confirms(latest, m)
                ? 'outdated'
                : (latest.state as 'pending' | 'confirmed' | 'declined'),
      };
    }),
    budget: budget.map((b) => ({
      organisationId: b.organisationId,
      category: b.category as ApplicationView['budget'][number]['category'],
      amountMinor: b.amountMinor,
    })),
    attachments: attachments.map((a) => ({
      id: a.id,
      key: a.key,
      fileName: a.fileName,
      type: a.type as ApplicationView['attachments'][number]['type'],
      mediaType: a.mediaType,
      sizeBytes: a.sizeBytes,
      sha256: a.sha256,
      uploadedAt: a.createdAt,
    })),
    versions,
    transitions,
    screenings: relations.has('officer')
      ? screenings
      : screenings
          .filter((s) => s.outcome)
          .map((s) => ({ answers: [], outcome: s.outcome, reasons: s.reasons, at: s.at, officerLabel: '' })),
    withdrawReason: app.withdrawReason,
    access: {
      canEdit: editable,
      canSubmit: editable,
      canWithdraw: owner && nextState(state, 'withdraw') !== null,
      canInvite: editable,
      canScreen: relations.has('officer') && (state === 'submitted' || state === 'screening'),
    },
  };
}

/** One application as its owner, a confirmed member or an officer sees it (a given version, or the current). */
export async function getApplication(ctx: Ctx, id: string, versionNo?: number): Promise<ApplicationView> {
  const { app, relations } = await accessible(ctx.db, ctx, id, 'read');
  return detail(ctx.db, app, versionNo ?? app.versionNo, relations);
}

/** Every rule's outcome and what is still missing, on the current version, before submitting. */
export async function getEligibility(ctx: Ctx, id: string): Promise<EligibilityView> {
  const { app } = await accessible(ctx.db, ctx, id, 'read');
  const version = (await loadVersion(ctx.db, id, app.versionNo))!;
  const call = await callOf(ctx.db, app.callId);
  const { problems, outcomes } = await readiness(ctx.db, app, version, call);
  return {
    eligible: outcomes.every((o) => o.passed) && problems.list.length === 0,
    outcomes,
    problems: problems.list.map((p) => ({ pointer: p.pointer, code: p.code })),
  };
}

/** A frozen version exactly as submitted. */
export async function getFrozenVersion(ctx: Ctx, id: string, versionNo: number) {
  await accessible(ctx.db, ctx, id, 'read');
  const frozen = await frozenVersion(ctx.db, id, versionNo);
  if (!frozen) throw notFound('applications.version_not_found');
  return frozen;
}
