import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { fieldSummaries } from '../../fields/fields.service.js';
import { organisationsByIds } from '../../orgs/orgs.lookup.js';
import { peopleByIds } from '../../people/people.lookup.js';
import { outputCounts, profileListsOf } from './experts.profile.repository.js';
import { type Expert, expertFieldLinks } from './experts.repository.js';
import type { ExpertSummary, ExpertView } from './experts.schema.js';

type Named = { id: string; nameZh: string; nameEn: string | null };

const named = (m: Map<string, { id: string; nameZh: string; nameEn: string | null }>) =>
  new Map(
    [...m.values()].map((x): [string, Named] => [x.id, { id: x.id, nameZh: x.nameZh, nameEn: x.nameEn }]),
  );

const present = (ids: (string | null)[]) => ids.filter((i): i is string => !!i);

/** List rows: person, organisation (the person's), fields and how many outputs. */
export async function expertSummaries(db: Kysely<DB>, rows: Expert[]): Promise<ExpertSummary[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const people = await peopleByIds(
    db,
    rows.map((r) => r.personId),
  );
  const orgs = named(
    await organisationsByIds(
      db,
      [...people.values()].map((p) => p.organisationId),
    ),
  );
  const links = await expertFieldLinks(db, ids);
  // fieldSummaries is ordered by code: each expert's fields keep that order.
  const fields = [
    ...(
      await fieldSummaries(
        db,
        links.map((l) => l.fieldId),
      )
    ).values(),
  ];
  const outputCount = await outputCounts(db, ids);
  return rows.map((r) => {
    const p = people.get(r.personId)!;
    const own = new Set(links.filter((l) => l.expertId === r.id).map((l) => l.fieldId));
    return {
      id: r.id,
      person: { id: p.id, nameZh: p.nameZh, nameEn: p.nameEn, title: p.title },
      organisation: (p.organisationId && orgs.get(p.organisationId)) || null,
      category: r.category,
      fields: fields
        .filter((f) => own.has(f.id))
        .map((f) => ({ id: f.id, code: f.code, nameZh: f.nameZh, nameEn: f.nameEn })),
      expertiseZh: r.expertiseZh,
      expertiseEn: r.expertiseEn,
      loadMax: r.loadMax,
      active: r.active,
      outputCount: outputCount.get(r.id) ?? 0,
      hasAccount: p.userId !== null,
      updatedAt: r.updatedAt,
    };
  });
}

/** The whole profile: outputs with collaborators, declared conflicts, availability. */
export async function expertView(db: Kysely<DB>, row: Expert, withNotes: boolean): Promise<ExpertView> {
  const [summary] = await expertSummaries(db, [row]);
  const { outputs, collaborators, declaredConflicts, availability } = await profileListsOf(db, row.id);
  const people = named(
    await peopleByIds(
      db,
      present([...collaborators.map((c) => c.personId), ...declaredConflicts.map((c) => c.personId)]),
    ),
  );
  const orgs = named(
    await organisationsByIds(db, [
      ...collaborators.map((c) => c.organisationId),
      ...declaredConflicts.map((c) => c.organisationId),
    ]),
  );
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
