/**
 * The collaborations the conflict engine weighs (co-authors and project partners of an expert's outputs,
 * co-inventors on the platforms' invention disclosures, co-applicants in submitted applications), each
 * with its date and the organisation and person it links the expert to; part of conflicts.data.ts's load.
 * The experts, IP and applications modules give the links; the people and orgs modules the names.
 */
import type { Kysely } from 'kysely';
import type { CollaborationSource } from '../../../../common/conflict-rules.js';
import type { DB } from '../../../db/schema.js';
import { coApplicantsOf } from '../../applications/applications.lookup.js';
import { coInventorsOf } from '../../ip/ip.lookup.js';
import { outputCollaborators } from '../experts/experts.service.js';
import type { CollaborationFact, Named } from './conflicts.model.js';
import type { LoadScope } from './conflicts.scope.js';

export const named = (id: string | null, zh: string | null, en: string | null): Named | null =>
  id ? { id, name: zh || en || id } : null;

const OUTPUT_SOURCE: Record<string, CollaborationSource> = {
  publication: 'co_author',
  project: 'co_author',
  patent: 'co_inventor',
};

/** The links of the experts in scope, before their people and organisations are named. */
export async function collaborationLinks(
  db: Kysely<DB>,
  scope: LoadScope,
  experts: readonly { id: string; personId: string }[],
) {
  const personIds = experts.map((e) => e.personId);
  const [outputs, inventors, coApplicants] = await Promise.all([
    outputCollaborators(db, scope),
    // Co-inventors: the other inventors of a disclosure the expert's person is an inventor of.
    coInventorsOf(db, personIds),
    // Co-applicants: the other members (organisation and contact) of any submitted application version
    // in which the expert's person was a member's contact.
    coApplicantsOf(db, personIds),
  ]);
  return { experts, outputs, inventors, coApplicants };
}
export type CollaborationLinks = Awaited<ReturnType<typeof collaborationLinks>>;

/** The people whose organisation and name a collaboration shows, and the organisations it names. */
export function collaborationRefs(l: CollaborationLinks) {
  return {
    people: [
      ...l.inventors.map((r) => r.otherPersonId),
      ...l.coApplicants.map((r) => r.otherContactPersonId),
    ],
    organisations: [
      ...l.outputs.map((r) => r.organisationId),
      ...l.coApplicants.map((r) => r.otherOrganisationId),
    ],
  };
}

export interface Names {
  person(
    id: string | null,
  ): { nameZh: string; nameEn: string | null; organisationId: string | null } | undefined;
  organisation(id: string | null): Named | null;
}

/** The collaborations as the engine weighs them, named. */
export function collaborationFacts(l: CollaborationLinks, names: Names): CollaborationFact[] {
  const expertsOf = new Map<string, string[]>();
  for (const e of l.experts) expertsOf.set(e.personId, [...(expertsOf.get(e.personId) ?? []), e.id]);
  const out: CollaborationFact[] = [];
  for (const r of l.outputs) {
    out.push({
      expertId: r.expertId,
      source: OUTPUT_SOURCE[r.kind] ?? 'co_author',
      at: r.year === null ? null : `${String(r.year).padStart(4, '0')}-12-31`,
      personId: r.personId,
      personName: r.name,
      organisation: names.organisation(r.organisationId),
      via: { kind: 'output', outputId: r.outputId, outputKind: r.kind, title: r.title, year: r.year },
    });
  }
  for (const r of l.inventors) {
    for (const expertId of expertsOf.get(r.personId) ?? []) {
      out.push({
        expertId,
        source: 'co_inventor',
        at: r.receivedDate,
        personId: r.otherPersonId,
        personName: r.otherName,
        organisation: names.organisation(names.person(r.otherPersonId)?.organisationId ?? null),
        via: {
          kind: 'ip_disclosure',
          disclosureId: r.disclosureId,
          refNo: r.refNo,
          title: r.title,
          date: r.receivedDate,
        },
      });
    }
  }
  for (const r of l.coApplicants) {
    const person = names.person(r.otherContactPersonId);
    for (const expertId of expertsOf.get(r.personId) ?? []) {
      out.push({
        expertId,
        source: 'co_applicant',
        at: r.frozenAt.slice(0, 10),
        personId: r.otherContactPersonId,
        personName: person ? person.nameZh || person.nameEn : null,
        organisation: names.organisation(r.otherOrganisationId),
        via: {
          kind: 'application',
          applicationId: r.applicationId,
          receiptNo: r.receiptNo,
          title: r.titleZh || r.titleEn,
          date: r.frozenAt.slice(0, 10),
        },
      });
    }
  }
  return out;
}
