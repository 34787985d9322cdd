import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { type Expert, outputCounts, profileListsOf } from './experts.repository.js';
import type { ExpertSummary, ExpertView } from './experts.schema.js';

type Named = { id: string; nameZh: string; nameEn: string | null };

async function namesOf(db: Kysely<DB>, table: 'people' | 'organisations', ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  if (!wanted.length) return new Map<string, Named>();
  const rows = await db
    .selectFrom(table)
    .select(['id', 'name_zh', 'name_en'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, nameZh: r.name_zh, nameEn: r.name_en }]));
}

/** List rows: person, organisation (the person's), fields and how many outputs. */
export async function expertSummaries(db: Kysely<DB>, rows: Expert[]): Promise<ExpertSummary[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const people = await db
    .selectFrom('people')
    .select(['id', 'name_zh', 'name_en', 'title', 'organisation_id', 'user_id'])
    .where(
      'id',
      'in',
      rows.map((r) => r.personId),
    )
    .execute();
  const personById = new Map(people.map((p) => [p.id, p]));
  const orgs = await namesOf(
    db,
    'organisations',
    people.map((p) => p.organisation_id),
  );
  const fields = await db
    .selectFrom('expert_fields as ef')
    .innerJoin('tech_fields as f', 'f.id', 'ef.field_id')
    .select(['ef.expert_id', 'f.id', 'f.code', 'f.name_zh', 'f.name_en'])
    .where('ef.expert_id', 'in', ids)
    .orderBy('f.code')
    .execute();
  const outputCount = await outputCounts(db, ids);
  return rows.map((r) => {
    const p = personById.get(r.personId)!;
    return {
      id: r.id,
      person: { id: p.id, nameZh: p.name_zh, nameEn: p.name_en, title: p.title },
      organisation: (p.organisation_id && orgs.get(p.organisation_id)) || null,
      category: r.category,
      fields: fields
        .filter((f) => f.expert_id === r.id)
        .map((f) => ({ id: f.id, code: f.code, nameZh: f.name_zh, nameEn: f.name_en })),
      expertiseZh: r.expertiseZh,
      expertiseEn: r.expertiseEn,
      loadMax: r.loadMax,
      active: r.active,
      outputCount: outputCount.get(r.id) ?? 0,
      hasAccount: p.user_id !== null,
      updatedAt: r.updatedAt,
    };
  });
}

/** The whole profile: outputs with collaborators, declared conflicts, availability. */
export async function expertView(db: Kysely<DB>, row: Expert, withNotes: boolean): Promise<ExpertView> {
  const [summary] = await expertSummaries(db, [row]);
  const { outputs, collaborators, declaredConflicts, availability } = await profileListsOf(db, row.id);
  const people = await namesOf(db, 'people', [
    ...collaborators.map((c) => c.personId),
    ...declaredConflicts.map((c) => c.personId),
  ]);
  const orgs = await namesOf(db, 'organisations', [
    ...collaborators.map((c) => c.organisationId),
    ...declaredConflicts.map((c) => c.organisationId),
  ]);
  const pick = (m: Map<string, Named>, id: string | null) => (id && m.get(id)) || null;
  return {
    ...summary!,
    notes: withNotes ? row.notes : null,
    outputs: outputs.map((o) => ({
      ...o,
      collaborators: collaborators
        .filter((c) => c.outputId === o.id)
        .map((c) => ({
          id: c.id,
          name: c.name,
          person: pick(people, c.personId),
          organisation: pick(orgs, c.organisationId),
        })),
    })),
    declaredConflicts: declaredConflicts.map((c) => ({
      id: c.id,
      organisation: pick(orgs, c.organisationId),
      person: pick(people, c.personId),
      reason: c.reason,
      declaredAt: c.declaredAt,
    })),
    availability,
    createdAt: row.createdAt,
  };
}
