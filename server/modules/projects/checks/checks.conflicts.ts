import { DEFAULT_RULE_SET_ID } from '../../../../common/conflict-rules.js';
import type { Trx } from '../../../db/write.js';
import type { Ctx } from '../../../http/context.js';
import { type ConflictSubject, evaluateSubjectConflicts } from '../../review/conflicts/conflicts.engine.js';
import type { ProjectRecord } from '../projects.repository.js';
import { structureOf } from '../projects.structure.repository.js';
import type { Check } from './checks.repository.js';
import { runsOfCheck } from './checks.runs.repository.js';

// Part of the check service: a check as a subject of the conflicts engine (its project's consortium:
// members, the lead, the members' contact persons), so the rule set's rules apply with their evidence.

export interface Frame {
  check: Check;
  project: ProjectRecord;
}

/** The check as the engine sees it: its id, the project's code and titles, the consortium. */
export async function subjectOf(trx: Trx, f: Frame): Promise<ConflictSubject> {
  const s = await structureOf(trx, f.project.id);
  const members = s.members.map((m) => ({
    organisationId: m.organisationId,
    lead: m.organisationId === f.project.leadOrgId,
    contactPersonId: m.contactPersonId,
  }));
  if (f.project.leadOrgId && !members.some((m) => m.lead))
    members.push({ organisationId: f.project.leadOrgId, lead: true, contactPersonId: null });
  return {
    id: f.check.id,
    label: f.project.code,
    titleZh: f.project.titleZh,
    titleEn: f.project.titleEn,
    members,
  };
}

/**
 * The conflicts of one expert with one check under the rule set of the check's latest run (else the
 * default preset), each rule with its evidence; for a hand assignment (checks.service.ts).
 */
export async function expertConflicts(trx: Trx, ctx: Ctx, f: Frame, expertId: string) {
  const ruleSetId = (await runsOfCheck(trx, f.check.id))[0]?.rule_set_id ?? DEFAULT_RULE_SET_ID;
  const matches = await evaluateSubjectConflicts(
    trx,
    f.project.platformId,
    ruleSetId,
    [await subjectOf(trx, f)],
    ctx.clock.now(),
  );
  return matches
    .filter((m) => m.expertId === expertId)
    .map((m) => ({ rule: m.ruleKey, evidence: { matches: m.evidence }, ruleSetId }));
}
