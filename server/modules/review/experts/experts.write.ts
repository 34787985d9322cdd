import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { invalidField } from '../../../http/errors.js';
import { liveFieldIds } from '../../fields/fields.lookup.js';
import { survivingOrganisationIds } from '../../orgs/orgs.lookup.js';
import { peopleByIds } from '../../people/people.lookup.js';
import { replaceProfileRows } from './experts.profile.repository.js';
import type { OwnProfileInput } from './experts.schema.js';

type Lists = Pick<OwnProfileInput, 'fieldIds' | 'outputs' | 'declaredConflicts' | 'availability'>;

/** Organisation ids as stored: one merged into another is replaced by the survivor; unknown ones are refused. */
async function organisationsOf(trx: Kysely<DB>, ids: string[]) {
  return survivingOrganisationIds(trx, ids);
}

async function existingPeople(trx: Kysely<DB>, ids: string[]) {
  return new Set((await peopleByIds(trx, ids)).keys());
}

/** Refuses unknown fields, people and organisations with the JSON pointer of the first offending item. */
async function checkReferences(trx: Kysely<DB>, input: Lists) {
  const seen = new Set<string>();
  for (const [i, id] of input.fieldIds.entries()) {
    if (seen.has(id)) throw invalidField(`/fieldIds/${i}`, 'experts.duplicate_field');
    seen.add(id);
  }
  const fields = await liveFieldIds(trx, input.fieldIds);
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
 * with the given lists, inside the caller's transaction, after checking what they refer to; an
 * organisation merged into another is stored as the survivor.
 */
export async function replaceProfileLists(trx: Kysely<DB>, expertId: string, input: Lists, now: string) {
  const orgs = await checkReferences(trx, input);
  const org = (id: string | null | undefined) => (id ? orgs.get(id)! : null);
  await replaceProfileRows(
    trx,
    expertId,
    {
      fieldIds: input.fieldIds,
      outputs: input.outputs.map((o) => ({
        kind: o.kind,
        title: o.title,
        abstract: o.abstract ?? null,
        year: o.year ?? null,
        collaborators: o.collaborators.map((c) => ({
          name: c.name,
          personId: c.personId ?? null,
          organisationId: org(c.organisationId),
        })),
      })),
      declaredConflicts: input.declaredConflicts.map((c) => ({
        organisationId: org(c.organisationId),
        personId: c.personId ?? null,
        reason: c.reason,
      })),
      availability: input.availability.map((w) => ({
        startsOn: w.startsOn,
        endsOn: w.endsOn,
        note: w.note ?? null,
      })),
    },
    now,
  );
}
