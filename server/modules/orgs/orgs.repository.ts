import { type Expression, type Insertable, type Kysely, type Selectable, type SqlBool, sql } from 'kysely';
import type { DB, OrganisationsTable } from '../../db/schema.js';
import { nameKey } from './orgs.names.js';
import { ORG_REFERENCES, referenceName } from './orgs.references.js';
import type { EnterpriseSize, OrgType } from './orgs.schema.js';

export type OrgRow = Selectable<OrganisationsTable>;

export const findOrg = (db: Kysely<DB>, id: string) =>
  db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();

export const findOrgByCreditCode = (db: Kysely<DB>, code: string) =>
  db.selectFrom('organisations').select(['id', 'name_zh']).where('credit_code', '=', code).executeTakeFirst();

export async function insertOrg(db: Kysely<DB>, row: Insertable<OrganisationsTable>): Promise<void> {
  await db.insertInto('organisations').values(row).execute();
}

/** `column LIKE %text%` matching the text literally: %, _ and \ in user input are not wildcards. */
function contains(column: string, text: string): Expression<SqlBool> {
  const pattern = `%${text.replace(/[\\%_]/g, '\\$&')}%`;
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}

export interface OrgFilter {
  q?: string;
  type?: OrgType;
  size?: EnterpriseSize;
  includeMerged: boolean;
}

/** One page of organisations by name, and how many match in all. */
export async function listOrgRows(db: Kysely<DB>, f: OrgFilter, page?: { limit: number; offset: number }) {
  let base = db.selectFrom('organisations');
  if (!f.includeMerged) base = base.where('merged_into_id', 'is', null);
  if (f.type) base = base.where('type', '=', f.type);
  if (f.size) base = base.where('enterprise_size', '=', f.size);
  const q = f.q?.toLowerCase();
  if (q) {
    const key = nameKey(q);
    base = base.where((eb) =>
      eb.or([
        contains('name_zh', q),
        contains('name_en', q),
        contains('credit_code', q),
        ...(key ? [contains('name_key', key)] : []),
      ]),
    );
  }
  const total = Number(
    (await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
  );
  let rows = base.selectAll().orderBy('name_zh').orderBy('id');
  if (page) rows = rows.limit(page.limit).offset(page.offset);
  return { rows: await rows.execute(), total };
}

/** How many rows of each referencing column point at the organisation. */
export async function countReferences(db: Kysely<DB>, id: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const r of ORG_REFERENCES) {
    const { rows } = await sql<{
      n: number | string;
    }>`select count(*) as n from ${sql.table(r.table)} where ${sql.ref(r.column)} = ${id}`.execute(db);
    out[referenceName(r)] = Number(rows[0]?.n ?? 0);
  }
  return out;
}

/** Re-points every reference from one organisation to another; returns the rows moved per column. */
export async function moveReferences(
  trx: Kysely<DB>,
  from: string,
  to: string,
): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const r of ORG_REFERENCES) {
    const res =
      await sql`update ${sql.table(r.table)} set ${sql.ref(r.column)} = ${to} where ${sql.ref(r.column)} = ${from}`.execute(
        trx,
      );
    out[referenceName(r)] = Number(res.numAffectedRows ?? 0);
  }
  return out;
}
