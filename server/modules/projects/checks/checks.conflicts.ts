import type { Kysely } from 'kysely';
import type { CheckConflictRule } from '../../../../common/project-checks.js';
import type { DB } from '../../../db/schema.js';
import { peopleByIds } from '../../people/people.lookup.js';
import type { ProjectRecord } from '../projects.repository.js';
import type { ProjectStructure } from '../projects.structure.repository.js';

// Part of the check service: why an expert may not evaluate a project (the rules of application review
// for a consortium, applied to the project's consortium). The evidence names the records found.

export interface CheckFinding {
  rule: CheckConflictRule;
  evidence: Record<string, unknown>;
}

/**
 * An expert's person belongs to an organisation of the consortium (the lead included), or is a
 * member's contact person: either way they would judge their own side's work.
 */
export async function conflictsOfExpert(
  db: Kysely<DB>,
  p: ProjectRecord,
  structure: Pick<ProjectStructure, 'members'>,
  expert: { id: string; personId: string },
): Promise<CheckFinding[]> {
  const person = (await peopleByIds(db, [expert.personId])).get(expert.personId);
  const found: CheckFinding[] = [];
  const orgs = new Set([
    ...structure.members.map((m) => m.organisationId),
    ...(p.leadOrgId ? [p.leadOrgId] : []),
  ]);
  if (person?.organisationId && orgs.has(person.organisationId))
    found.push({
      rule: 'same_organisation',
      evidence: { expertId: expert.id, personId: expert.personId, organisationId: person.organisationId },
    });
  for (const m of structure.members)
    if (m.contactPersonId === expert.personId)
      found.push({
        rule: 'project_contact',
        evidence: { expertId: expert.id, personId: expert.personId, organisationId: m.organisationId },
      });
  return found;
}
