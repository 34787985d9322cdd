import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../common/canonical-json.js';
import { scheduleOf } from '../../../common/projects.amendments.js';
import type { Trx } from '../../db/write.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow } from '../../http/context.js';
import { AppError, forbidden, invalidField } from '../../http/errors.js';
import { loadApplication } from '../applications/applications.lookup.js';
import { peopleByIds } from '../people/people.lookup.js';
import {
  type AgreementRecord,
  findAgreement,
  freezeAgreement,
  saveAgreementDraft,
  signAgreement,
} from './projects.agreement.repository.js';
import { type AgreementContent, type AgreementView, agreementContent } from './projects.agreement.schema.js';
import { can } from './projects.policy.js';
import { findProject, type ProjectRecord } from './projects.repository.js';
import { projectResource, readableProject } from './projects.service.js';
import { structureOf } from './projects.structure.repository.js';

/**
 * 任务书 (issue 13): the officer drafts it while the project is contracting; the officer and the lead
 * organisation each sign; the second signature freezes it (canonical JSON + sha256, like a submitted
 * application version). Changes after that go through amendments (projects.amendments.ts), which freeze
 * new versions; the budget through 预算调剂.
 */

const frozenError = () => new AppError(409, 'projects.agreement_frozen');
const notContracting = (state: string) =>
  new AppError(409, 'projects.illegal_transition', { state, detail: `The project is ${state}` });

/**
 * The lead organisation's side: the account of the lead member's contact person, and the owner of the
 * application the project came from. They sign the 任务书, submit the reports and get their reminders.
 */
export async function leadSideUserIds(db: Trx, p: ProjectRecord): Promise<string[]> {
  if (p.kind !== 'extramural') return [];
  const lead = (await structureOf(db, p.id)).members.find((m) => m.position === 0);
  const contact = lead?.contactPersonId
    ? (await peopleByIds(db, [lead.contactPersonId])).get(lead.contactPersonId)
    : undefined;
  const app = p.applicationId ? await loadApplication(db, p.applicationId) : undefined;
  return [...new Set([contact?.userId, app?.ownerUserId].filter((id): id is string => !!id))];
}

export async function isLeadSigner(db: Trx, ctx: Pick<Ctx, 'actor'>, p: ProjectRecord): Promise<boolean> {
  const userId = ctx.actor?.userId;
  return !!userId && (await leadSideUserIds(db, p)).includes(userId);
}

const total = (c: AgreementContent) =>
  c.budget.reduce((s, b) => s + b.equipmentMinor + b.operationsMinor + b.labourMinor + b.indirectMinor, 0);

async function view(db: Trx, ctx: Ctx, p: ProjectRecord, a: AgreementRecord): Promise<AgreementView> {
  const content = agreementContent.parse(a.content);
  const manage = can(ctx.actor, 'projects.manage', await projectResource(db, p));
  const open = !a.frozenAt && p.state === 'contracting';
  return {
    projectId: p.id,
    content,
    totalMinor: total(content),
    schedule: scheduleOf(p.startsOn, p.endsOn, content.schedule),
    officerSigned: a.officerSignedAt ? { by: a.officerSignedBy, at: a.officerSignedAt } : null,
    leadSigned: a.leadSignedAt ? { by: a.leadSignedBy, at: a.leadSignedAt } : null,
    frozenAt: a.frozenAt,
    checksum: a.checksum,
    version: a.version,
    access: {
      edit: open && manage,
      signAsOfficer: open && manage && !a.officerSignedAt,
      signAsLead: open && !a.leadSignedAt && (await isLeadSigner(db, ctx, p)),
    },
  };
}

export async function getAgreement(ctx: Ctx, projectId: string): Promise<AgreementView> {
  const p = await readableProject(ctx, projectId);
  const a = await findAgreement(ctx.db, projectId);
  if (!a) throw new AppError(404, 'projects.agreement_not_found');
  return view(ctx.db, ctx, p, a);
}

/**
 * Saves the draft 任务书 (the officer, while contracting). Every budget line names a member of the
 * consortium, at most once; the total may not exceed the approved budget. Saving withdraws signatures
 * given to the previous terms.
 */
export async function saveAgreement(
  ctx: Ctx,
  projectId: string,
  content: AgreementContent,
): Promise<AgreementView> {
  await readableProject(ctx, projectId);
  await write(ctx, async (trx, audit) => {
    const p = (await findProject(trx, projectId, ctx.seam))!;
    if (!can(ctx.actor, 'projects.manage', await projectResource(trx, p))) throw forbidden();
    if ((await findAgreement(trx, projectId))?.frozenAt) throw frozenError();
    if (p.state !== 'contracting') throw notContracting(p.state);
    const members = new Set((await structureOf(trx, projectId)).members.map((m) => m.organisationId));
    const seen = new Set<string>();
    for (const [i, b] of content.budget.entries()) {
      if (!members.has(b.organisationId))
        throw invalidField(`/budget/${i}/organisationId`, 'projects.not_a_member');
      if (seen.has(b.organisationId))
        throw invalidField(`/budget/${i}/organisationId`, 'projects.member_repeated');
      seen.add(b.organisationId);
    }
    if (total(content) > p.budgetMinor)
      throw new AppError(422, 'projects.agreement_over_budget', {
        headroomMinor: p.budgetMinor,
        errors: [{ in: 'body', pointer: '/budget', code: 'projects.agreement_over_budget', message: '' }],
      });
    const at = isoNow(ctx.clock);
    await saveAgreementDraft(trx, projectId, content, at);
    await audit({
      action: 'project.agreement_saved',
      entityType: 'project',
      entityId: projectId,
      platformId: p.platformId,
      after: {
        totalMinor: total(content),
        indicators: content.indicators.length,
        milestones: content.milestones.length,
      },
    });
  });
  return getAgreement(ctx, projectId);
}

/** One side signs; when both have, the 任务书 is frozen with its checksum. */
export async function signProjectAgreement(
  ctx: Ctx,
  projectId: string,
  side: 'officer' | 'lead',
): Promise<AgreementView> {
  await readableProject(ctx, projectId);
  await write(ctx, async (trx, audit) => {
    const p = (await findProject(trx, projectId, ctx.seam))!;
    const allowed =
      side === 'officer'
        ? can(ctx.actor, 'projects.manage', await projectResource(trx, p))
        : await isLeadSigner(trx, ctx, p);
    if (!allowed) throw forbidden();
    const a = await findAgreement(trx, projectId);
    if (!a) throw new AppError(404, 'projects.agreement_not_found');
    if (a.frozenAt) throw frozenError();
    if (p.state !== 'contracting') throw notContracting(p.state);
    if (side === 'officer' ? a.officerSignedAt : a.leadSignedAt)
      throw new AppError(409, 'projects.already_signed');
    const at = isoNow(ctx.clock);
    const userId = ctx.actor?.userId || null;
    await signAgreement(trx, projectId, side, userId, at);
    const signed = (await findAgreement(trx, projectId))!;
    let checksum: string | null = null;
    if (signed.officerSignedAt && signed.leadSignedAt) {
      const content = agreementContent.parse(signed.content);
      const json = canonicalJson({
        projectId,
        code: p.code,
        currency: p.currency,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        content,
        schedule: scheduleOf(p.startsOn, p.endsOn, content.schedule),
        officer: { by: signed.officerSignedBy, at: signed.officerSignedAt },
        lead: { by: signed.leadSignedBy, at: signed.leadSignedAt },
      });
      checksum = createHash('sha256').update(json).digest('hex');
      await freezeAgreement(trx, projectId, { json, checksum }, at);
    }
    await audit({
      action: 'project.agreement_signed',
      entityType: 'project',
      entityId: projectId,
      platformId: p.platformId,
      after: { side, frozen: checksum !== null, checksum },
    });
  });
  return getAgreement(ctx, projectId);
}

/** Whether the project's 任务书 is signed by both sides (execution of a contracting project needs it). */
export async function agreementFrozen(db: Trx, projectId: string): Promise<boolean> {
  return !!(await findAgreement(db, projectId))?.frozenAt;
}
