import { type RawBuilder, sql } from 'kysely';

/**
 * The catalog searches' word match (services, instruments; ADR 0009): one condition per query term,
 * each true when the lower-cased `text` contains the term. LIKE wildcards are dropped from the term,
 * so a term matches only itself. The terms come from the results search's tokenizer, already lower-cased.
 */
export function containsEveryTerm(text: RawBuilder<string>, terms: readonly string[]): RawBuilder<boolean>[] {
  return terms.map((term) => sql<boolean>`lower(${text}) like ${`%${term.replace(/[%_\\]/g, '')}%`}`);
}
