import type { Kysely } from 'kysely';
import type { OutputKind } from '../../../../common/review.js';
import { camelRow, insertRow, type RowValue } from '../../../db/rows.js';
import type {
  DB,
  ExpertAvailabilityTable,
  ExpertDeclaredConflictsTable,
  ExpertOutputCollaboratorsTable,
  ExpertOutputsTable,
} from '../../../db/schema.js';
import { newId } from '../../../http/context.js';

/**
 * The lists of an expert's profile besides the expert row (outputs and their collaborators, declared
 * conflicts, availability, field links): split from experts.repository.ts, which holds the expert rows.
 */

export interface ExpertOutput extends Omit<RowValue<ExpertOutputsTable>, 'expertId' | 'kind' | 'createdAt'> {
  kind: OutputKind;
}

export type OutputCollaborator = RowValue<ExpertOutputCollaboratorsTable>;

export type DeclaredConflict = Omit<RowValue<ExpertDeclaredConflictsTable>, 'expertId'>;

export type AvailabilityWindow = Omit<RowValue<ExpertAvailabilityTable>, 'expertId'>;

/** The lists that make up a profile besides the expert row, as stored (organisations already resolved). */
export interface ProfileLists {
  fieldIds: string[];
  outputs: {
    kind: string;
    title: string;
    abstract: string | null;
    year: number | null;
    collaborators: { name: string; personId: string | null; organisationId: string | null }[];
  }[];
  declaredConflicts: { organisationId: string | null; personId: string | null; reason: string }[];
  availability: { startsOn: string; endsOn: string; note: string | null }[];
}

/** How many outputs each expert has on file. */
export async function outputCounts(db: Kysely<DB>, expertIds: string[]): Promise<Map<string, number>> {
  if (!expertIds.length) return new Map();
  const rows = await db
    .selectFrom('expert_outputs')
    .select(['expert_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('expert_id', 'in', expertIds)
    .groupBy('expert_id')
    .execute();
  return new Map(rows.map((o) => [o.expert_id, Number(o.n)]));
}

/** Outputs newest first, their collaborators, declared conflicts and availability windows of one expert. */
export async function profileListsOf(db: Kysely<DB>, expertId: string) {
  const outputs = await db
    .selectFrom('expert_outputs')
    .select(['id', 'kind', 'title', 'abstract', 'year'])
    .where('expert_id', '=', expertId)
    .orderBy('year', 'desc')
    .orderBy('id')
    .execute();
  const collaborators = outputs.length
    ? await db
        .selectFrom('expert_output_collaborators')
        .select(['id', 'output_id', 'name', 'person_id', 'organisation_id'])
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
    .select(['id', 'organisation_id', 'person_id', 'reason', 'declared_at'])
    .where('expert_id', '=', expertId)
    .orderBy('declared_at')
    .orderBy('id')
    .execute();
  const availability = await db
    .selectFrom('expert_availability')
    .select(['id', 'starts_on', 'ends_on', 'note'])
    .where('expert_id', '=', expertId)
    .orderBy('starts_on')
    .orderBy('id')
    .execute();
  return {
    outputs: outputs.map((o): ExpertOutput => ({ ...o, kind: o.kind as OutputKind })),
    collaborators: collaborators.map((c): OutputCollaborator => camelRow(c)),
    declaredConflicts: conflicts.map((c): DeclaredConflict => camelRow(c)),
    availability: availability.map((w): AvailabilityWindow => camelRow(w)),
  };
}

/**
 * Replaces the expert's fields, outputs with their collaborators, declared conflicts and availability.
 * Declared conflicts that stay keep their date.
 */
export async function replaceProfileRows(db: Kysely<DB>, expertId: string, input: ProfileLists, now: string) {
  const previous = await db
    .selectFrom('expert_declared_conflicts')
    .select(['organisation_id', 'person_id', 'reason', 'declared_at'])
    .where('expert_id', '=', expertId)
    .execute();
  const declaredAt = new Map(
    previous.map((p) => [`${p.organisation_id}|${p.person_id}|${p.reason}`, p.declared_at]),
  );
  await db.deleteFrom('expert_fields').where('expert_id', '=', expertId).execute();
  await db.deleteFrom('expert_outputs').where('expert_id', '=', expertId).execute();
  await db.deleteFrom('expert_declared_conflicts').where('expert_id', '=', expertId).execute();
  await db.deleteFrom('expert_availability').where('expert_id', '=', expertId).execute();
  if (input.fieldIds.length) {
    await db
      .insertInto('expert_fields')
      .values(input.fieldIds.map((field_id) => ({ expert_id: expertId, field_id })))
      .execute();
  }
  for (const o of input.outputs) {
    const outputId = newId();
    const { collaborators, ...output } = o;
    await db
      .insertInto('expert_outputs')
      .values(insertRow<ExpertOutputsTable>({ id: outputId, expertId, ...output, createdAt: now }))
      .execute();
    if (collaborators.length) {
      await db
        .insertInto('expert_output_collaborators')
        .values(
          collaborators.map((c) =>
            insertRow<ExpertOutputCollaboratorsTable>({ id: newId(), outputId, ...c }),
          ),
        )
        .execute();
    }
  }
  for (const c of input.declaredConflicts) {
    await db
      .insertInto('expert_declared_conflicts')
      .values(
        insertRow<ExpertDeclaredConflictsTable>({
          id: newId(),
          expertId,
          ...c,
          declaredAt: declaredAt.get(`${c.organisationId}|${c.personId}|${c.reason}`) ?? now,
        }),
      )
      .execute();
  }
  if (input.availability.length) {
    await db
      .insertInto('expert_availability')
      .values(
        input.availability.map((w) => insertRow<ExpertAvailabilityTable>({ id: newId(), expertId, ...w })),
      )
      .execute();
  }
}
