import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { DialectSeam } from '../../db/dialect.js';
import { camelRow, insertRow, type RowValue, updateRow } from '../../db/rows.js';
import type { DB, OrganisationsTable } from '../../db/schema.js';
import { nameKey } from './orgs.names.js';
import { ORG_REFERENCES, referenceName } from './orgs.references.js';
import type { EnterpriseSize, OrgType } from './orgs.schema.js';

/** An organisation as the service sees it (camelCase). */
export type Org = RowValue<OrganisationsTable>;

export async function findOrg(db: Kysely<DB>, id: string): Promise<Org | undefined> {
  const row = await db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
  return row && camelRow(row);
}

/** The organisation, locked for the rest of the transaction (PostgreSQL; SQLite serialises writers). */
export async function findOrgForUpdate(
  db: Kysely<DB>,
  seam: DialectSeam,
  id: string,
): Promise<Org | undefined> {
  const row = await seam
    .forUpdate(db.selectFrom('organisations').selectAll().where('id', '=', id))
    .executeTakeFirst();
  return row && camelRow(row);
}

/** The organisations, locked in id order so that two transactions locking the same set cannot deadlock. */
export async function lockOrgs(db: Kysely<DB>, seam: DialectSeam, ids: readonly string[]): Promise<Org[]> {
  const rows = await seam
    .forUpdate(
      db
        .selectFrom('organisations')
        .selectAll()
        .where('id', 'in', [...ids].sort()),
    )
    .execute();
  return rows.map(camelRow);
}

export async function findOrgByCreditCode(
  db: Kysely<DB>,
  code: string,
): Promise<{ id: string; nameZh: string } | undefined> {
  const row = await db
    .selectFrom('organisations')
    .select(['id', 'name_zh'])
    .where('credit_code', '=', code)
    .executeTakeFirst();
  return row && camelRow(row);
}

export async function insertOrg(db: Kysely<DB>, org: Org): Promise<void> {
  await db.insertInto('organisations').values(insertRow<OrganisationsTable>(org)).execute();
}

export async function updateOrgRow(db: Kysely<DB>, id: string, patch: Partial<Org>): Promise<void> {
  await db
    .updateTable('organisations')
    .set(updateRow<OrganisationsTable>(patch))
    .where('id', '=', id)
    .execute();
}

/** Every live (unmerged) organisation. */
export async function liveOrgs(db: Kysely<DB>): Promise<Org[]> {
  const rows = await db.selectFrom('organisations').selectAll().where('merged_into_id', 'is', null).execute();
  return rows.map(camelRow);
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
  /** By the English name (the Chinese where there is none), case aside; else by the Chinese name. */
  sort?: 'name_zh' | 'name_en';
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
  let rows =
    f.sort === 'name_en'
      ? base.selectAll().orderBy(sql`lower(coalesce(name_en, name_zh))`).orderBy('id')
      : base.selectAll().orderBy('name_zh').orderBy('id');
  if (page) rows = rows.limit(page.limit).offset(page.offset);
  return { rows: (await rows.execute()).map(camelRow), total };
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

/** An organisation as other modules' matching sees it (imports): ids, names and the credit code. */
export interface OrgCandidate {
  id: string;
  name_zh: string;
  name_en: string | null;
  name_key: string;
  credit_code: string | null;
}

/** Live (unmerged) organisations holding one of the codes, or named one of the names (either language, or its name key). */
export async function orgCandidatesByCodeOrName(
  db: Kysely<DB>,
  codes: string[],
  names: string[],
): Promise<OrgCandidate[]> {
  if (!codes.length && !names.length) return [];
  const keys = names.map(nameKey).filter(Boolean);
  const none = [''];
  return db
    .selectFrom('organisations')
    .select(['id', 'name_zh', 'name_en', 'name_key', 'credit_code'])
    .where('merged_into_id', 'is', null)
    .where((eb) =>
      eb.or([
        eb('credit_code', 'in', codes.length ? codes : none),
        eb('name_zh', 'in', names.length ? names : none),
        eb(eb.fn('lower', ['name_en']), 'in', names.length ? names.map((n) => n.toLowerCase()) : none),
        eb('name_key', 'in', keys.length ? keys : none),
      ]),
    )
    .execute();
}

/** Credit codes of organisations by id, with one query. */
export async function creditCodesByOrgId(
  db: Kysely<DB>,
  ids: (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  if (!wanted.length) return new Map();
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'credit_code'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.flatMap((r) => (r.credit_code ? [[r.id, r.credit_code] as const] : [])));
}

/** The given organisations (merged ones included: callers follow merged_into_id themselves). */
export async function orgsByIds(db: Kysely<DB>, ids: readonly (string | null)[]): Promise<Org[]> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  if (wanted.length === 0) return [];
  const rows = await db.selectFrom('organisations').selectAll().where('id', 'in', wanted).execute();
  return rows.map(camelRow);
}

/**
 * "The agreement's partner is a small business (an SME enterprise)" as a SQL predicate: the
 * tech-transfer report counts such agreements in SQL without naming this table.
 */
export const smePartnerOfAgreement = (eb: ExpressionBuilder<DB, 'agreements'>): Expression<SqlBool> =>
  eb.exists(
    eb
      .selectFrom('organisations')
      .select('organisations.id')
      .whereRef('organisations.id', '=', 'agreements.partner_org_id')
      .where('organisations.type', '=', 'enterprise')
      .where('organisations.enterprise_size', '=', 'sme'),
  );
