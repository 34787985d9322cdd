import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

/**
 * Every column that points at a technology field. A field referenced here cannot be deleted (only
 * retired); a module that tags its records with fields adds its join table to this list.
 */
export const FIELD_REFERENCES: ReadonlyArray<{ table: keyof DB; column: string; usedBy: string }> = [
  { table: 'tech_fields', column: 'parent_id', usedBy: 'subfields' },
  { table: 'platform_fields', column: 'field_id', usedBy: 'platforms' },
  { table: 'unit_fields', column: 'field_id', usedBy: 'units' },
  { table: 'committee_member_fields', column: 'field_id', usedBy: 'committee_members' },
  { table: 'result_fields', column: 'field_id', usedBy: 'results' },
  { table: 'call_fields', column: 'field_id', usedBy: 'calls' },
  { table: 'project_fields', column: 'field_id', usedBy: 'projects' },
  { table: 'ip_disclosures', column: 'field_id', usedBy: 'ip_disclosures' },
  { table: 'agreements', column: 'field_id', usedBy: 'agreements' },
  { table: 'applications', column: 'field_id', usedBy: 'applications' },
  { table: 'expert_fields', column: 'field_id', usedBy: 'experts' },
];

/** Where a field is used, with counts; empty when it is free to delete. */
export async function fieldUsage(
  db: Kysely<DB>,
  fieldId: string,
): Promise<Array<{ usedBy: string; count: number }>> {
  const out: Array<{ usedBy: string; count: number }> = [];
  for (const ref of FIELD_REFERENCES) {
    const { rows } = await sql<{
      n: number | string;
    }>`select count(*) as n from ${sql.table(ref.table)} where ${sql.ref(ref.column)} = ${fieldId}`.execute(
      db,
    );
    const count = Number(rows[0]?.n ?? 0);
    if (count > 0) out.push({ usedBy: ref.usedBy, count });
  }
  return out;
}
