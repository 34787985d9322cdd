import { type Kysely, sql } from 'kysely';
import { resultTerms } from '../../modules/results/results.terms.js';
import type { DB } from '../schema.js';

// The search index rebuilt for the pairs of lone Han characters (芯|片 → 芯片; issue 16, ADR 0040), then
// its counts recomputed. Unlike the other migrations this one runs the tokenizer of the code it ships
// with (results.terms.ts, a pure function): a later change of the tokenizer adds its own rebuild.
const PAGE = 500;

export async function up(untyped: Kysely<unknown>): Promise<void> {
  const db = untyped as Kysely<DB>;
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('results')
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const searchable = r.visibility === 'public' && r.state === 'published' ? 1 : 0;
      const terms = resultTerms(r);
      await db.deleteFrom('result_terms').where('result_id', '=', r.id).execute();
      for (let i = 0; i < terms.length; i += 200)
        await db
          .insertInto('result_terms')
          .values(terms.slice(i, i + 200).map((t) => ({ result_id: r.id, ...t, searchable })))
          .execute();
    }
    after = rows.at(-1)!.id;
  }
  await db.deleteFrom('result_search_counts').execute();
  await sql`insert into result_search_counts (term, docs)
    select term, count(*) from result_terms where searchable = 1 group by term`.execute(db);
  await sql`insert into result_search_counts (term, docs)
    select '*', count(*) from results where visibility = 'public' and state = 'published'`.execute(db);
}

/** The pairs stay in the index; the earlier tokenizer's queries never ask for them. */
export async function down(): Promise<void> {}
