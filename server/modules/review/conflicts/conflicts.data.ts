/**
 * Loads what the conflict engine needs for one call in a fixed number of queries (joins, no per-row
 * look-ups): the consortia of its applications, the active experts, their collaborations and
 * declarations. Organisation merges move every reference in place (orgs.references.ts), so ids compare
 * directly.
 */
import type { Kysely } from 'kysely';
import type { CollaborationSource } from '../../../../common/conflict-rules.js';
import type { DB } from '../../../db/schema.js';
import type {
  ApplicationFacts,
  CallConflictData,
  CollaborationFact,
  ExpertFacts,
  Named,
} from './conflicts.model.js';

export interface LoadScope {
  /** One application of the call, whatever its state (explain); default: the call's in_review ones. */
  applicationId?: string;
  /** One expert, active or not (explain); default: every active expert. */
  expertId?: string;
}

const named = (id: string | null, zh: string | null, en: string | null): Named | null =>
  id ? { id, name: zh || en || id } : null;

const OUTPUT_SOURCE: Record<string, CollaborationSource> = {
  publication: 'co_author',
  project: 'co_author',
  patent: 'co_inventor',
};

export async function loadCallConflictData(
  db: Kysely<DB>,
  callId: string,
  scope: LoadScope = {},
): Promise<CallConflictData> {
  const applications = await loadApplications(db, callId, scope);
  const experts = await loadExperts(db, scope);
  const [collaborations, declarations] = await Promise.all([
    loadCollaborations(db, scope),
    loadDeclarations(db, scope),
  ]);
  return { applications, experts, collaborations, declarations };
}

async function loadApplications(
  db: Kysely<DB>,
  callId: string,
  scope: LoadScope,
): Promise<ApplicationFacts[]> {
  let apps = db
    .selectFrom('applications as a')
    .select(['a.id', 'a.receipt_no', 'a.title_zh', 'a.title_en', 'a.owner_user_id', 'a.lead_org_id'])
    .where('a.call_id', '=', callId);
  apps = apps
    .$if(!!scope.applicationId, (q) => q.where('a.id', '=', scope.applicationId!))
    .$if(!scope.applicationId, (q) => q.where('a.state', '=', 'in_review'));
  const appRows = await apps.orderBy('a.receipt_no').orderBy('a.id').execute();
  if (appRows.length === 0) return [];
  let members = db
    .selectFrom('application_members as m')
    .innerJoin('application_versions as v', 'v.id', 'm.version_id')
    .innerJoin('applications as a', (j) =>
      j.onRef('a.id', '=', 'v.application_id').onRef('a.version_no', '=', 'v.version_no'),
    )
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .leftJoin('people as p', 'p.id', 'm.contact_person_id')
    .leftJoin('organisations as po', 'po.id', 'p.organisation_id')
    .select([
      'a.id as application_id',
      'm.organisation_id',
      'm.contact_person_id',
      'o.name_zh as org_zh',
      'o.name_en as org_en',
      'p.name_zh as person_zh',
      'p.name_en as person_en',
      'm.position',
    ])
    .where('a.call_id', '=', callId);
  members = members
    .$if(!!scope.applicationId, (q) => q.where('a.id', '=', scope.applicationId!))
    .$if(!scope.applicationId, (q) => q.where('a.state', '=', 'in_review'));

  let owners = db
    .selectFrom('applications as a')
    .innerJoin('people as p', 'p.user_id', 'a.owner_user_id')
    .leftJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select([
      'a.id as application_id',
      'p.id as person_id',
      'p.name_zh',
      'p.name_en',
      'o.id as org_id',
      'o.name_zh as org_zh',
      'o.name_en as org_en',
    ])
    .where('a.call_id', '=', callId);
  owners = owners
    .$if(!!scope.applicationId, (q) => q.where('a.id', '=', scope.applicationId!))
    .$if(!scope.applicationId, (q) => q.where('a.state', '=', 'in_review'));

  let invitees = db
    .selectFrom('application_invitations as i')
    .innerJoin('applications as a', 'a.id', 'i.application_id')
    .innerJoin('people as p', 'p.id', 'i.person_id')
    .innerJoin('organisations as o', 'o.id', 'i.organisation_id')
    .select([
      'a.id as application_id',
      'p.id as person_id',
      'p.name_zh',
      'p.name_en',
      'o.id as org_id',
      'o.name_zh as org_zh',
      'o.name_en as org_en',
    ])
    .where('a.call_id', '=', callId)
    .where('i.state', '=', 'confirmed');
  invitees = invitees
    .$if(!!scope.applicationId, (q) => q.where('a.id', '=', scope.applicationId!))
    .$if(!scope.applicationId, (q) => q.where('a.state', '=', 'in_review'));

  let avoid = db
    .selectFrom('application_avoid_requests as r')
    .innerJoin('applications as a', 'a.id', 'r.application_id')
    .leftJoin('organisations as o', 'o.id', 'r.organisation_id')
    .select([
      'r.id',
      'a.id as application_id',
      'r.name',
      'r.reason',
      'r.organisation_id',
      'o.name_zh as org_zh',
      'o.name_en as org_en',
    ])
    .where('a.call_id', '=', callId);
  avoid = avoid
    .$if(!!scope.applicationId, (q) => q.where('a.id', '=', scope.applicationId!))
    .$if(!scope.applicationId, (q) => q.where('a.state', '=', 'in_review'));

  const [memberRows, ownerRows, inviteeRows, avoidRows] = await Promise.all([
    members.orderBy('m.position').execute(),
    owners.execute(),
    invitees.execute(),
    avoid.orderBy('r.created_at').orderBy('r.id').execute(),
  ]);

  const byId = new Map<string, ApplicationFacts>();
  for (const a of appRows) {
    byId.set(a.id, {
      id: a.id,
      receiptNo: a.receipt_no,
      titleZh: a.title_zh,
      titleEn: a.title_en,
      members: [],
      participants: [],
      avoidRequests: [],
    });
  }
  const leadOf = new Map(appRows.map((a) => [a.id, a.lead_org_id]));
  for (const m of memberRows) {
    const app = byId.get(m.application_id);
    if (!app) continue;
    const organisation = named(m.organisation_id, m.org_zh, m.org_en)!;
    app.members.push({ organisation, lead: leadOf.get(app.id) === m.organisation_id });
    if (m.contact_person_id) {
      app.participants.push({
        personId: m.contact_person_id,
        name: m.person_zh || m.person_en || '',
        role: 'contact',
        organisation,
      });
    }
  }
  for (const [rows, role] of [
    [ownerRows, 'owner'],
    [inviteeRows, 'invited'],
  ] as const) {
    for (const r of rows) {
      const app = byId.get(r.application_id);
      if (!app || app.participants.some((p) => p.personId === r.person_id)) continue;
      app.participants.push({
        personId: r.person_id,
        name: r.name_zh || r.name_en || '',
        role,
        organisation: named(r.org_id, r.org_zh, r.org_en),
      });
    }
  }
  for (const r of avoidRows) {
    byId.get(r.application_id)?.avoidRequests.push({
      id: r.id,
      name: r.name,
      reason: r.reason,
      organisation: named(r.organisation_id, r.org_zh, r.org_en),
    });
  }
  return [...byId.values()];
}

async function loadExperts(db: Kysely<DB>, scope: LoadScope): Promise<ExpertFacts[]> {
  let q = db
    .selectFrom('experts as e')
    .innerJoin('people as p', 'p.id', 'e.person_id')
    .leftJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select([
      'e.id',
      'e.person_id',
      'p.name_zh',
      'p.name_en',
      'o.id as org_id',
      'o.name_zh as org_zh',
      'o.name_en as org_en',
    ]);
  q = scope.expertId ? q.where('e.id', '=', scope.expertId) : q.where('e.active', '=', 1);
  const rows = await q.orderBy('e.id').execute();
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    organisation: named(r.org_id, r.org_zh, r.org_en),
  }));
}

async function loadCollaborations(db: Kysely<DB>, scope: LoadScope): Promise<CollaborationFact[]> {
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
    .$if(!!scope.expertId, (q) => q.where('e.id', '=', scope.expertId!))
    .$if(!scope.expertId, (q) => q.where('e.active', '=', 1))
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
    .$if(!!scope.expertId, (q) => q.where('e.id', '=', scope.expertId!))
    .$if(!scope.expertId, (q) => q.where('e.active', '=', 1))
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
    .$if(!!scope.expertId, (q) => q.where('e.id', '=', scope.expertId!))
    .$if(!scope.expertId, (q) => q.where('e.active', '=', 1))
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

async function loadDeclarations(db: Kysely<DB>, scope: LoadScope): Promise<CallConflictData['declarations']> {
  let q = db
    .selectFrom('expert_declared_conflicts as d')
    .innerJoin('experts as e', 'e.id', 'd.expert_id')
    .leftJoin('organisations as o', 'o.id', 'd.organisation_id')
    .leftJoin('people as p', 'p.id', 'd.person_id')
    .select([
      'd.id',
      'e.id as expert_id',
      'd.reason',
      'd.organisation_id',
      'o.name_zh as org_zh',
      'o.name_en as org_en',
      'd.person_id',
      'p.name_zh as person_zh',
      'p.name_en as person_en',
    ]);
  q = scope.expertId ? q.where('e.id', '=', scope.expertId) : q.where('e.active', '=', 1);
  const rows = await q.orderBy('d.declared_at').orderBy('d.id').execute();
  return rows.map((r) => ({
    id: r.id,
    expertId: r.expert_id,
    reason: r.reason,
    organisation: named(r.organisation_id, r.org_zh, r.org_en),
    person: named(r.person_id, r.person_zh, r.person_en),
  }));
}
