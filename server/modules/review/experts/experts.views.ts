import type { Kysely, Selectable } from 'kysely';
import type { ExpertCategory, OutputKind } from '../../../../common/review.js';
import type { ExpertsTable } from '../../../db/schema/experts.js';
import type { DB } from '../../../db/schema.js';
import type { ExpertSummary, ExpertView } from './experts.schema.js';

export type ExpertRow = Selectable<ExpertsTable>;
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
export async function expertSummaries(db: Kysely<DB>, rows: ExpertRow[]): Promise<ExpertSummary[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const people = await db
    .selectFrom('people')
    .select(['id', 'name_zh', 'name_en', 'title', 'organisation_id', 'user_id'])
    .where(
      'id',
      'in',
      rows.map((r) => r.person_id),
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
  const outputs = await db
    .selectFrom('expert_outputs')
    .select(['expert_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('expert_id', 'in', ids)
    .groupBy('expert_id')
    .execute();
  const outputCount = new Map(outputs.map((o) => [o.expert_id, Number(o.n)]));
  return rows.map((r) => {
    const p = personById.get(r.person_id)!;
    return {
      id: r.id,
      person: { id: p.id, nameZh: p.name_zh, nameEn: p.name_en, title: p.title },
      organisation: (p.organisation_id && orgs.get(p.organisation_id)) || null,
      category: r.category as ExpertCategory,
      fields: fields
        .filter((f) => f.expert_id === r.id)
        .map((f) => ({ id: f.id, code: f.code, nameZh: f.name_zh, nameEn: f.name_en })),
      expertiseZh: r.expertise_zh,
      expertiseEn: r.expertise_en,
      loadMax: r.load_max,
      active: !!r.active,
      outputCount: outputCount.get(r.id) ?? 0,
      hasAccount: p.user_id !== null,
      updatedAt: r.updated_at,
    };
  });
}

/** The whole profile: outputs with collaborators, declared conflicts, availability. */
export async function expertView(db: Kysely<DB>, row: ExpertRow, withNotes: boolean): Promise<ExpertView> {
  const [summary] = await expertSummaries(db, [row]);
  const outputs = await db
    .selectFrom('expert_outputs')
    .selectAll()
    .where('expert_id', '=', row.id)
    .orderBy('year', 'desc')
    .orderBy('id')
    .execute();
  const collaborators = outputs.length
    ? await db
        .selectFrom('expert_output_collaborators')
        .selectAll()
        .where(
          'output_id',
          'in',
          outputs.map((o) => o.id),
        )
        .orderBy('id')
        .execute()
    : [];
  const conflicts = await db
    .selectFrom('expert_declared_conflicts')
    .selectAll()
    .where('expert_id', '=', row.id)
    .orderBy('declared_at')
    .orderBy('id')
    .execute();
  const availability = await db
    .selectFrom('expert_availability')
    .selectAll()
    .where('expert_id', '=', row.id)
    .orderBy('starts_on')
    .orderBy('id')
    .execute();
  const people = await namesOf(db, 'people', [
    ...collaborators.map((c) => c.person_id),
    ...conflicts.map((c) => c.person_id),
  ]);
  const orgs = await namesOf(db, 'organisations', [
    ...collaborators.map((c) => c.organisation_id),
    ...conflicts.map((c) => c.organisation_id),
  ]);
  const pick = (m: Map<string, Named>, id: string | null) => (id && m.get(id)) || null;
  return {
    ...summary!,
    notes: withNotes ? row.notes : null,
    outputs: outputs.map((o) => ({
      id: o.id,
      kind: o.kind as OutputKind,
      title: o.title,
      abstract: o.abstract,
      year: o.year,
      collaborators: collaborators
        .filter((c) => c.output_id === o.id)
        .map((c) => ({
          id: c.id,
          name: c.name,
          person: pick(people, c.person_id),
          organisation: pick(orgs, c.organisation_id),
        })),
    })),
    declaredConflicts: conflicts.map((c) => ({
      id: c.id,
      organisation: pick(orgs, c.organisation_id),
      person: pick(people, c.person_id),
      reason: c.reason,
      declaredAt: c.declared_at,
    })),
    availability: availability.map((w) => ({
      id: w.id,
      startsOn: w.starts_on,
      endsOn: w.ends_on,
      note: w.note,
    })),
    createdAt: row.created_at,
  };
}
