import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** How many consortium members of projects name the person as their contact. */
export async function projectContactEntriesOf(db: Kysely<DB>, personId: string): Promise<number> {
  const row = await db
    .selectFrom('project_members')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('contact_person_id', '=', personId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
