/**
 * The engine's data for subjects that are not applications of a call (a project check: its project's
 * consortium; docs/adr/0042-check-assignment-runs.md). The subject module names each subject's
 * organisations and contact persons; the experts' side is loaded as for a call (conflicts.data.ts).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { organisationNames } from '../../orgs/orgs.lookup.js';
import { peopleByIds } from '../../people/people.lookup.js';
import { declaredConflicts, expertPeopleInScope } from '../experts/experts.service.js';
import { collaborationLinks, collaborationRefs, type Names, named } from './conflicts.collaborations.js';
import { expertSideFacts } from './conflicts.data.js';
import type { ApplicationFacts, CallConflictData } from './conflicts.model.js';

/** One subject to staff: an id (the engine's item), a label, and its consortium. */
export interface ConflictSubject {
  id: string;
  label: string;
  titleZh: string;
  titleEn: string;
  members: { organisationId: string; lead: boolean; contactPersonId: string | null }[];
}

export async function loadSubjectConflictData(
  db: Kysely<DB>,
  subjects: ConflictSubject[],
): Promise<CallConflictData> {
  const experts = await expertPeopleInScope(db, {});
  const [collaborations, declared] = await Promise.all([
    collaborationLinks(db, {}, experts),
    declaredConflicts(db, {}),
  ]);
  const members = subjects.flatMap((s) => s.members);
  const refs = collaborationRefs(collaborations);
  const people = await peopleByIds(db, [
    ...experts.map((e) => e.personId),
    ...members.flatMap((m) => (m.contactPersonId ? [m.contactPersonId] : [])),
    ...declared.flatMap((d) => (d.personId ? [d.personId] : [])),
    ...refs.people.filter((id): id is string => !!id),
  ]);
  const orgs = await organisationNames(db, [
    ...[...people.values()].map((p) => p.organisationId),
    ...members.map((m) => m.organisationId),
    ...declared.map((d) => d.organisationId),
    ...refs.organisations,
  ]);
  const names: Names = {
    person: (id) => (id ? people.get(id) : undefined),
    organisation: (id) => {
      const o = id ? orgs.get(id) : undefined;
      return o ? named(o.id, o.nameZh, o.nameEn) : null;
    },
  };
  const applications = subjects.map(
    (s): ApplicationFacts => ({
      id: s.id,
      receiptNo: s.label,
      titleZh: s.titleZh,
      titleEn: s.titleEn,
      members: s.members.flatMap((m) => {
        const organisation = names.organisation(m.organisationId);
        return organisation ? [{ organisation, lead: m.lead }] : [];
      }),
      participants: s.members.flatMap((m) => {
        const p = m.contactPersonId ? names.person(m.contactPersonId) : undefined;
        return m.contactPersonId && p
          ? [
              {
                personId: m.contactPersonId,
                name: p.nameZh || p.nameEn || '',
                role: 'contact' as const,
                organisation: names.organisation(m.organisationId),
              },
            ]
          : [];
      }),
      avoidRequests: [],
    }),
  );
  return { applications, ...expertSideFacts(experts, collaborations, declared, names) };
}
