/**
 * The collaborations the conflict engine weighs (co-authors and project partners of an expert's outputs,
 * co-inventors on the platforms' invention disclosures, co-applicants in submitted applications), each
 * with its date and the organisation and person it links the expert to; part of conflicts.data.ts's load.
 */
import type { Kysely } from 'kysely';
import type { CollaborationSource } from '../../../../common/conflict-rules.js';
import type { DB } from '../../../db/schema.js';
import type { CollaborationFact, Named } from './conflicts.model.js';
import { expertsInScope, type LoadScope } from './conflicts.scope.js';

export const named = (id: string | null, zh: string | null, en: string | null): Named | null =>
  id ? { id, name: zh || en || id } : null;

const OUTPUT_SOURCE: Record<string, CollaborationSource> = {
  publication: 'co_author',
  project: 'co_author',
  patent: 'co_inventor',
};

export async function loadCollaborations(db: Kysely<DB>, scope: LoadScope): Promise<CollaborationFact[]> {
  const outputs = await db
    .selectFrom('expert_output_collaborators as c')
    .innerJoin('expert_outputs as x', 'x.id', 'c.output_id')
    .innerJoin('experts as e', 'e.id', 'x.expert_id')
    .leftJoin('organisations as o', 'o.id', 'c.organisation_id')
    .select([
      'e.id as expert_id',
      'x.id as output_id',
      'x.kind',
      'x.title',
      'x.year',
      'c.person_id',
      'c.name',
      'c.organisation_id',
      'o.name_zh as org_zh',
      'o.name_en as org_en',
    ])
    .where(expertsInScope(scope))
    .execute();

  // Co-inventors on the invention disclosures of the platforms: the other inventors of a disclosure
  // the expert's person is an inventor of, with their organisation.
  const inventors = await db
    .selectFrom('ip_inventors as mine')
    .innerJoin('experts as e', 'e.person_id', 'mine.person_id')
    .innerJoin('ip_disclosures as d', 'd.id', 'mine.disclosure_id')
    .innerJoin('ip_inventors as other', (j) =>
      j.onRef('other.disclosure_id', '=', 'mine.disclosure_id').onRef('other.id', '!=', 'mine.id'),
    )
    .leftJoin('people as op', 'op.id', 'other.person_id')
    .leftJoin('organisations as o', 'o.id', 'op.organisation_id')
    .select([
      'e.id as expert_id',
      'd.id as disclosure_id',
      'd.ref_no',
      'd.title',
      'd.received_date',
      'other.person_id',
      'other.name',
      'o.id as org_id',
      'o.name_zh as org_zh',
      'o.name_en as org_en',
    ])
    .where(expertsInScope(scope))
    .execute();

  // Co-applicants: the other members (organisation and contact) of any submitted application version
  // in which the expert's person was a member's contact.
  const coApplicants = await db
    .selectFrom('application_members as mine')
    .innerJoin('experts as e', 'e.person_id', 'mine.contact_person_id')
    .innerJoin('application_versions as v', 'v.id', 'mine.version_id')
    .innerJoin('applications as a', 'a.id', 'v.application_id')
    .innerJoin('application_members as other', (j) =>
      j.onRef('other.version_id', '=', 'mine.version_id').onRef('other.id', '!=', 'mine.id'),
    )
    .innerJoin('organisations as o', 'o.id', 'other.organisation_id')
    .leftJoin('people as op', 'op.id', 'other.contact_person_id')
    .select([
      'e.id as expert_id',
      'a.id as application_id',
      'a.receipt_no',
      'a.title_zh',
      'a.title_en',
      'v.frozen_at',
      'other.contact_person_id',
      'op.name_zh as person_zh',
      'op.name_en as person_en',
      'o.id as org_id',
      'o.name_zh as org_zh',
      'o.name_en as org_en',
    ])
    .where('v.frozen_at', 'is not', null)
    .where(expertsInScope(scope))
    .execute();

  const out: CollaborationFact[] = [];
  for (const r of outputs) {
    out.push({
      expertId: r.expert_id,
      source: OUTPUT_SOURCE[r.kind] ?? 'co_author',
      at: r.year === null ? null : `${String(r.year).padStart(4, '0')}-12-31`,
      personId: r.person_id,
      personName: r.name,
      organisation: named(r.organisation_id, r.org_zh, r.org_en),
      via: { kind: 'output', outputId: r.output_id, outputKind: r.kind, title: r.title, year: r.year },
    });
  }
  for (const r of inventors) {
    out.push({
      expertId: r.expert_id,
      source: 'co_inventor',
      at: r.received_date,
      personId: r.person_id,
      personName: r.name,
      organisation: named(r.org_id, r.org_zh, r.org_en),
      via: {
        kind: 'ip_disclosure',
        disclosureId: r.disclosure_id,
        refNo: r.ref_no,
        title: r.title,
        date: r.received_date,
      },
    });
  }
  for (const r of coApplicants) {
    out.push({
      expertId: r.expert_id,
      source: 'co_applicant',
      at: r.frozen_at!.slice(0, 10),
      personId: r.contact_person_id,
      personName: r.person_zh || r.person_en,
      organisation: named(r.org_id, r.org_zh, r.org_en),
      via: {
        kind: 'application',
        applicationId: r.application_id,
        receiptNo: r.receipt_no,
        title: r.title_zh || r.title_en,
        date: r.frozen_at!.slice(0, 10),
      },
    });
  }
  return out;
}
