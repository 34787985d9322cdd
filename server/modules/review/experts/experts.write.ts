import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { newId } from '../../../http/context.js';
import { invalidField } from '../../../http/errors.js';
import type { OwnProfileInput } from './experts.schema.js';

type Lists = Pick<OwnProfileInput, 'fieldIds' | 'outputs' | 'declaredConflicts' | 'availability'>;

/** Organisation ids as stored: one merged into another is replaced by the survivor; unknown ones are refused. */
async function organisationsOf(trx: Kysely<DB>, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await trx
    .selectFrom('organisations')
    .select(['id', 'merged_into_id'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.merged_into_id ?? r.id]));
}

async function existingPeople(trx: Kysely<DB>, ids: string[]) {
  if (!ids.length) return new Set<string>();
  const rows = await trx
    .selectFrom('people')
    .select('id')
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Refuses unknown fields, people and organisations with the JSON pointer of the first offending item. */
async function checkReferences(trx: Kysely<DB>, input: Lists) {
  const seen = new Set<string>();
  for (const [i, id] of input.fieldIds.entries()) {
    if (seen.has(id)) throw invalidField(`/fieldIds/${i}`, 'experts.duplicate_field');
    seen.add(id);
  }
  const fields = input.fieldIds.length
    ? new Set(
        (
          await trx
            .selectFrom('tech_fields')
            .select('id')
            .where('id', 'in', input.fieldIds)
            .where('retired_at', 'is', null)
            .execute()
        ).map((f) => f.id),
      )
    : new Set<string>();
  for (const [i, id] of input.fieldIds.entries()) {
    if (!fields.has(id)) throw invalidField(`/fieldIds/${i}`, 'experts.unknown_field');
  }
  const collaborators = input.outputs.flatMap((o, i) =>
    o.collaborators.map((c, j) => ({ c, at: `/outputs/${i}/collaborators/${j}` })),
  );
  const conflicts = input.declaredConflicts.map((c, i) => ({ c, at: `/declaredConflicts/${i}` }));
  const refs = [...collaborators, ...conflicts];
  const orgs = await organisationsOf(
    trx,
    refs.flatMap(({ c }) => (c.organisationId ? [c.organisationId] : [])),
  );
  const people = await existingPeople(
    trx,
    refs.flatMap(({ c }) => (c.personId ? [c.personId] : [])),
  );
  for (const { c, at } of refs) {
    if (c.organisationId && !orgs.has(c.organisationId))
      throw invalidField(`${at}/organisationId`, 'experts.unknown_organisation');
    if (c.personId && !people.has(c.personId)) throw invalidField(`${at}/personId`, 'experts.unknown_person');
  }
  return orgs;
}

/**
 * Replaces the expert's fields, outputs with their collaborators, declared conflicts and availability
 * with the given lists, inside the caller's transaction. Declared conflicts that stay keep their date.
 */
export async function replaceProfileLists(trx: Kysely<DB>, expertId: string, input: Lists, now: string) {
  const orgs = await checkReferences(trx, input);
  const previous = await trx
    .selectFrom('expert_declared_conflicts')
    .select(['organisation_id', 'person_id', 'reason', 'declared_at'])
    .where('expert_id', '=', expertId)
    .execute();
  const declaredAt = new Map(
    previous.map((p) => [`${p.organisation_id}|${p.person_id}|${p.reason}`, p.declared_at]),
  );
  await trx.deleteFrom('expert_fields').where('expert_id', '=', expertId).execute();
  await trx.deleteFrom('expert_outputs').where('expert_id', '=', expertId).execute();
  await trx.deleteFrom('expert_declared_conflicts').where('expert_id', '=', expertId).execute();
  await trx.deleteFrom('expert_availability').where('expert_id', '=', expertId).execute();
  if (input.fieldIds.length) {
    await trx
      .insertInto('expert_fields')
      .values(input.fieldIds.map((field_id) => ({ expert_id: expertId, field_id })))
      .execute();
  }
  for (const o of input.outputs) {
    const outputId = newId();
    await trx
      .insertInto('expert_outputs')
      .values({
        id: outputId,
        expert_id: expertId,
        kind: o.kind,
        title: o.title,
        abstract: o.abstract ?? null,
        year: o.year ?? null,
        created_at: now,
      })
      .execute();
    if (o.collaborators.length) {
      await trx
        .insertInto('expert_output_collaborators')
        .values(
          o.collaborators.map((c) => ({
            id: newId(),
            output_id: outputId,
            name: c.name,
            person_id: c.personId ?? null,
            organisation_id: c.organisationId ? orgs.get(c.organisationId)! : null,
          })),
        )
        .execute();
    }
  }
  for (const c of input.declaredConflicts) {
    const organisationId = c.organisationId ? orgs.get(c.organisationId)! : null;
    const personId = c.personId ?? null;
    await trx
      .insertInto('expert_declared_conflicts')
      .values({
        id: newId(),
        expert_id: expertId,
        organisation_id: organisationId,
        person_id: personId,
        reason: c.reason,
        declared_at: declaredAt.get(`${organisationId}|${personId}|${c.reason}`) ?? now,
      })
      .execute();
  }
  if (input.availability.length) {
    await trx
      .insertInto('expert_availability')
      .values(
        input.availability.map((w) => ({
          id: newId(),
          expert_id: expertId,
          starts_on: w.startsOn,
          ends_on: w.endsOn,
          note: w.note ?? null,
        })),
      )
      .execute();
  }
}
