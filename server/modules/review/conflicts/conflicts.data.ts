/**
 * Loads what the conflict engine needs for one call in a fixed number of queries (no per-row look-ups):
 * the consortia of its applications, the active experts, their collaborations and declarations. Each
 * module gives its own links (applications, experts, IP, the avoid lists here); the people and orgs
 * modules name them in one read each at the end. Organisation merges move every reference in place
 * (orgs.references.ts), so ids compare directly.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import {
  confirmedInvitees,
  currentMembers,
  reviewedApplications,
} from '../../applications/applications.lookup.js';
import { organisationNames } from '../../orgs/orgs.lookup.js';
import { peopleByIds, peopleOfUsers } from '../../people/people.lookup.js';
import { declaredConflicts, expertPeopleInScope } from '../experts/experts.service.js';
import {
  collaborationFacts,
  collaborationLinks,
  collaborationRefs,
  type Names,
  named,
} from './conflicts.collaborations.js';
import type { ApplicationFacts, CallConflictData, ExpertFacts } from './conflicts.model.js';
import { avoidRequestsOf } from './conflicts.repository.js';
import type { LoadScope } from './conflicts.scope.js';

export async function loadCallConflictData(
  db: Kysely<DB>,
  callId: string,
  scope: LoadScope = {},
): Promise<CallConflictData> {
  const [apps, experts] = await Promise.all([
    reviewedApplications(db, callId, scope),
    expertPeopleInScope(db, scope),
  ]);
  const appIds = apps.map((a) => a.id);
  const [members, owners, invitees, avoid, collaborations, declared] = await Promise.all([
    appIds.length ? currentMembers(db, callId, scope) : [],
    peopleOfUsers(
      db,
      apps.map((a) => a.ownerUserId),
    ),
    confirmedInvitees(db, appIds),
    avoidRequestsOf(db, appIds),
    collaborationLinks(db, scope, experts),
    declaredConflicts(db, scope),
  ]);
  const refs = collaborationRefs(collaborations);
  const people = await peopleByIds(db, [
    ...experts.map((e) => e.personId),
    ...members.flatMap((m) => (m.contactPersonId ? [m.contactPersonId] : [])),
    ...invitees.map((i) => i.personId),
    ...declared.flatMap((d) => (d.personId ? [d.personId] : [])),
    ...refs.people.filter((id): id is string => !!id),
  ]);
  const orgs = await organisationNames(db, [
    ...[...people.values(), ...owners.values()].map((p) => p.organisationId),
    ...members.map((m) => m.organisationId),
    ...invitees.map((i) => i.organisationId),
    ...avoid.map((r) => r.organisationId),
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

  const byId = new Map<string, ApplicationFacts>();
  for (const a of apps) {
    byId.set(a.id, {
      id: a.id,
      receiptNo: a.receiptNo,
      titleZh: a.titleZh,
      titleEn: a.titleEn,
      members: [],
      participants: [],
      avoidRequests: [],
    });
  }
  const leadOf = new Map(apps.map((a) => [a.id, a.leadOrgId]));
  for (const m of members) {
    const app = byId.get(m.applicationId);
    if (!app) continue;
    const organisation = names.organisation(m.organisationId)!;
    app.members.push({ organisation, lead: leadOf.get(app.id) === m.organisationId });
    if (m.contactPersonId) {
      const p = names.person(m.contactPersonId);
      app.participants.push({
        personId: m.contactPersonId,
        name: p?.nameZh || p?.nameEn || '',
        role: 'contact',
        organisation,
      });
    }
  }
  const ownerRows = apps.flatMap((a) => {
    const p = owners.get(a.ownerUserId);
    return p ? [{ applicationId: a.id, person: p }] : [];
  });
  const inviteeRows = invitees.flatMap((i) => {
    const p = names.person(i.personId);
    return p
      ? [
          {
            applicationId: i.applicationId,
            person: { ...p, id: i.personId, organisationId: i.organisationId },
          },
        ]
      : [];
  });
  for (const [rows, role] of [
    [ownerRows, 'owner'],
    [inviteeRows, 'invited'],
  ] as const) {
    for (const { applicationId, person } of rows) {
      const app = byId.get(applicationId);
      if (!app || app.participants.some((p) => p.personId === person.id)) continue;
      app.participants.push({
        personId: person.id,
        name: person.nameZh || person.nameEn || '',
        role,
        organisation: names.organisation(person.organisationId),
      });
    }
  }
  for (const r of avoid) {
    byId.get(r.applicationId)?.avoidRequests.push({
      id: r.id,
      name: r.name,
      reason: r.reason,
      organisation: names.organisation(r.organisationId),
    });
  }

  return {
    applications: [...byId.values()],
    ...expertSideFacts(experts, collaborations, declared, names),
  };
}

type ExpertPerson = Awaited<ReturnType<typeof expertPeopleInScope>>[number];
type Declared = Awaited<ReturnType<typeof declaredConflicts>>[number];
type Links = Awaited<ReturnType<typeof collaborationLinks>>;

/** The experts' side of the engine's data (themselves, collaborations, declarations), named. */
export function expertSideFacts(
  experts: ExpertPerson[],
  collaborations: Links,
  declared: Declared[],
  names: Names,
): Omit<CallConflictData, 'applications'> {
  const expertFacts: ExpertFacts[] = experts.map((e) => {
    const p = names.person(e.personId);
    return {
      id: e.id,
      personId: e.personId,
      nameZh: p?.nameZh ?? '',
      nameEn: p?.nameEn ?? null,
      organisation: names.organisation(p?.organisationId ?? null),
    };
  });
  return {
    experts: expertFacts,
    collaborations: collaborationFacts(collaborations, names),
    declarations: declared.map((d) => {
      const p = names.person(d.personId);
      return {
        id: d.id,
        expertId: d.expertId,
        reason: d.reason,
        organisation: names.organisation(d.organisationId),
        person: d.personId ? named(d.personId, p?.nameZh ?? null, p?.nameEn ?? null) : null,
      };
    }),
  };
}
