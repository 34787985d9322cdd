import type { Kysely } from 'kysely';
import type { RuleOutcome } from '../../../common/eligibility.js';
import type { DB } from '../../db/schema.js';
import type { CallRecord } from '../calls/calls.lookup.js';
import { confirmedTermsOf, type Invitation } from './applications.invitations.repository.js';
import { organisationsById } from './applications.lookup.js';
import { attachmentsOf, budgetOf, type Member, membersOf } from './applications.parts.repository.js';
import type { Application } from './applications.repository.js';
import { Problems } from './applications.sections.js';
import { type Version, versionContent } from './applications.versions.repository.js';
import { evaluateEligibility } from './eligibility.js';

export interface Readiness {
  problems: Problems;
  outcomes: RuleOutcome[];
}

/** A version's consortium, budget lines, attachments and the members' organisations, read together. */
export async function versionParts(db: Kysely<DB>, versionId: string) {
  const [members, budget, attachments] = await Promise.all([
    membersOf(db, versionId),
    budgetOf(db, versionId),
    attachmentsOf(db, versionId),
  ]);
  const orgs = await organisationsById(
    db,
    members.map((m) => m.organisationId),
  );
  return { members, budget, attachments, orgs };
}
export type VersionParts = Awaited<ReturnType<typeof versionParts>>;

/**
 * The strict checks of a submission on one version: completeness, budgets adding up, the ceiling,
 * required attachments, members' confirmations of their current terms, and every eligibility rule.
 * `parts` are the version's rows when the caller has read them already (the submission freezes the
 * same rows into its snapshot, so it reads them once).
 */
export async function readiness(
  db: Kysely<DB>,
  app: Application,
  version: Version,
  call: CallRecord,
  parts?: VersionParts,
): Promise<Readiness> {
  const p = new Problems();
  const content = versionContent(version);
  if (!content.titleZh && !content.titleEn) p.add('/content/titleZh', 'applications.required');
  if (!content.summaryZh && !content.summaryEn) p.add('/content/summaryZh', 'applications.required');
  if (!content.fieldId) p.add('/content/fieldId', 'applications.required');
  else if (!call.fieldIds.includes(content.fieldId))
    p.add('/content/fieldId', 'applications.field_not_in_call');
  if (!content.objectives?.length) p.add('/content/objectives', 'applications.required');
  content.objectives?.forEach((o, i) => {
    if (!o.indicators.length) p.add(`/content/objectives/${i}/indicators`, 'applications.required');
  });
  if (!content.workPlan?.length) p.add('/content/workPlan', 'applications.required');
  content.workPlan?.forEach((w, i) => {
    if (!w.milestones.length) p.add(`/content/workPlan/${i}/milestones`, 'applications.required');
  });

  const { members, budget, attachments, orgs } = parts ?? (await versionParts(db, version.id));
  const invitations = await confirmedTermsOf(db, app.id);
  members.forEach((m, i) => {
    const at = `/consortium/${i}`;
    if (!m.contactPersonId) p.add(`${at}/contactPersonId`, 'applications.required');
    const lines = budget.filter((b) => b.organisationId === m.organisationId);
    if (lines.reduce((s, b) => s + b.amountMinor, 0) !== m.requestedMinor)
      p.add(`${at}/requestedMinor`, 'applications.budget_mismatch');
    if (i > 0 && !invitations.some((inv) => confirms(inv, m))) p.add(at, 'applications.confirmation_missing');
  });
  const requested = members.reduce((s, m) => s + m.requestedMinor, 0);
  if (requested > call.ceilingMinor) p.add('/consortium', 'applications.over_ceiling');
  for (const spec of call.requiredAttachments) {
    if (spec.required && !attachments.some((a) => a.key === spec.key))
      p.add(`/attachments/${spec.key}`, 'applications.attachment_missing');
  }
  const outcomes = evaluateEligibility(call.eligibility, {
    ceilingMinor: call.ceilingMinor,
    members: members.map((m) => {
      const org = orgs.get(m.organisationId);
      return {
        type: org?.type ?? 'other',
        enterpriseSize: org?.enterpriseSize ?? null,
        requestedMinor: m.requestedMinor,
        cofundingMinor: m.cofundingMinor,
      };
    }),
  });
  return { problems: p, outcomes };
}

/** A confirmation holds while the member's organisation and terms are those it confirmed. */
export function confirms(
  inv: Pick<Invitation, 'organisationId' | 'requestedMinor' | 'cofundingMinor' | 'role'>,
  m: Pick<Member, 'organisationId' | 'requestedMinor' | 'cofundingMinor' | 'role'>,
): boolean {
  return (
    inv.organisationId === m.organisationId &&
    inv.requestedMinor === m.requestedMinor &&
    inv.cofundingMinor === m.cofundingMinor &&
    (inv.role ?? null) === (m.role ?? null)
  );
}
