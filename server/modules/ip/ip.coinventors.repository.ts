/** Co-inventorship for the conflict engine (review/conflicts): who shared a disclosure with whom. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/**
 * The other inventors of every disclosure one of the people is an inventor of, with the disclosure's
 * reference, title and date (its organisation is the other inventor's person's, when linked).
 */
export async function coInventorsOf(db: Kysely<DB>, personIds: readonly string[]) {
  if (!personIds.length) return [];
  const rows = await db
    .selectFrom('ip_inventors as mine')
    .innerJoin('ip_disclosures as d', 'd.id', 'mine.disclosure_id')
    .innerJoin('ip_inventors as other', (j) =>
      j.onRef('other.disclosure_id', '=', 'mine.disclosure_id').onRef('other.id', '!=', 'mine.id'),
    )
    .select([
      'mine.person_id as personId',
      'd.id as disclosureId',
      'd.ref_no as refNo',
      'd.title',
      'd.received_date as receivedDate',
      'other.person_id as otherPersonId',
      'other.name as otherName',
    ])
    .where('mine.person_id', 'in', [...new Set(personIds)])
    .execute();
  // Only inventors linked to one of the people are selected, so `personId` is never null here.
  return rows.map((r) => ({ ...r, personId: r.personId! }));
}

/** How many inventor entries name the person (they keep the person on file). */
export async function inventorEntriesOf(db: Kysely<DB>, personId: string): Promise<number> {
  const row = await db
    .selectFrom('ip_inventors')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('person_id', '=', personId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
