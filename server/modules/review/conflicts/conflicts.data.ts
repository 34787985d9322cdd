/**
 * Loads what the conflict engine needs for one call in a fixed number of queries (joins, no per-row
 * look-ups): the consortia of its applications, the active experts, their collaborations and
 * declarations. Organisation merges move every reference in place (orgs.references.ts), so ids compare
 * directly.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { loadCollaborations, named } from './conflicts.collaborations.js';
import type { ApplicationFacts, CallConflictData, ExpertFacts } from './conflicts.model.js';
import { applicationsInScope, expertsInScope, type LoadScope } from './conflicts.scope.js';

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
  const apps = db
    .selectFrom('applications as a')
    .select(['a.id', 'a.receipt_no', 'a.title_zh', 'a.title_en', 'a.owner_user_id', 'a.lead_org_id'])
    .where(applicationsInScope(callId, scope));
  const appRows = await apps.orderBy('a.receipt_no').orderBy('a.id').execute();
  if (appRows.length === 0) return [];
  const members = db
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
    .where(applicationsInScope(callId, scope));

  const owners = db
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
    .where(applicationsInScope(callId, scope));

  const invitees = db
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
    .where(applicationsInScope(callId, scope))
    .where('i.state', '=', 'confirmed');

  const avoid = db
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
    .where(applicationsInScope(callId, scope));

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
  const q = db
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
    ])
    .where(expertsInScope(scope));
  const rows = await q.orderBy('e.id').execute();
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    organisation: named(r.org_id, r.org_zh, r.org_en),
  }));
}

async function loadDeclarations(db: Kysely<DB>, scope: LoadScope): Promise<CallConflictData['declarations']> {
  const q = db
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
    ])
    .where(expertsInScope(scope));
  const rows = await q.orderBy('d.declared_at').orderBy('d.id').execute();
  return rows.map((r) => ({
    id: r.id,
    expertId: r.expert_id,
    reason: r.reason,
    organisation: named(r.organisation_id, r.org_zh, r.org_en),
    person: named(r.person_id, r.person_zh, r.person_en),
  }));
}
