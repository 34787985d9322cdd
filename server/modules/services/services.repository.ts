import { type Kysely, type Selectable, sql } from 'kysely';
import type { PriceRule, ServiceKind, ServiceState } from '../../../common/services.js';
import type { DialectSeam } from '../../db/dialect.js';
import { camelRow, insertRow, jsonColumn, type RowValue, toJsonColumn } from '../../db/rows.js';
import type { DB, ServicesTable } from '../../db/schema.js';
import { containsEveryTerm } from '../../db/search.js';

type Typed = 'kind' | 'priceRule' | 'state' | 'fieldIdsJson' | 'accreditationJson';

/** A catalog entry as the service sees it: its row in camelCase, JSON columns parsed, enums typed. */
export interface Service extends Omit<RowValue<ServicesTable>, Typed> {
  kind: ServiceKind;
  fieldIds: string[];
  accreditations: Array<{ body: string; number: string }>;
  priceRule: PriceRule;
  state: ServiceState;
}

function toService(row: Selectable<ServicesTable>): Service {
  const { fieldIdsJson, accreditationJson, ...rest } = camelRow(row);
  return {
    ...rest,
    kind: rest.kind as ServiceKind,
    priceRule: rest.priceRule as PriceRule,
    state: rest.state as ServiceState,
    priceMinor: Number(rest.priceMinor),
    fieldIds: jsonColumn(fieldIdsJson),
    accreditations: jsonColumn(accreditationJson),
  };
}

function serviceRow({ fieldIds, accreditations, ...s }: Service) {
  const json = { fieldIdsJson: toJsonColumn(fieldIds), accreditationJson: toJsonColumn(accreditations) };
  return insertRow<ServicesTable>({ ...s, ...json });
}

export async function insertService(db: Kysely<DB>, s: Service): Promise<void> {
  await db.insertInto('services').values(serviceRow(s)).execute();
}

export async function replaceService(db: Kysely<DB>, s: Service): Promise<void> {
  const { id, ...row } = serviceRow(s);
  await db.updateTable('services').set(row).where('id', '=', id).execute();
}

export async function findService(db: Kysely<DB>, seam: DialectSeam | null, id: string) {
  const q = db.selectFrom('services').selectAll().where('id', '=', id);
  const row = await (seam ? seam.forUpdate(q) : q).executeTakeFirst();
  return row && toService(row);
}

/**
 * One page of a platform's catalog. Every query term (the results search's tokenizer, ADR 0009) must
 * occur in the Chinese or English name or description, case-insensitively.
 */
export async function servicePage(
  db: Kysely<DB>,
  f: {
    platformId: string;
    states: readonly ServiceState[];
    kind?: string;
    unitId?: string;
    fieldId?: string;
    terms: string[];
  },
  page: { page: number; pageSize: number },
): Promise<{ rows: Service[]; total: number }> {
  let base = db
    .selectFrom('services')
    .where('platform_id', '=', f.platformId)
    .where('state', 'in', [...f.states]);
  if (f.kind) base = base.where('kind', '=', f.kind);
  if (f.unitId) base = base.where('unit_id', '=', f.unitId);
  // field_ids is a JSON array of uuids: the quoted id occurs in it exactly when the field is listed.
  if (f.fieldId) base = base.where('field_ids_json', 'like', `%"${f.fieldId}"%`);
  const text = sql<string>`name_zh || ' ' || name_en || ' ' || description_zh || ' ' || description_en || ' ' || coalesce(method_standard, '')`;
  for (const condition of containsEveryTerm(text, f.terms)) base = base.where(condition);
  const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await base
    .selectAll()
    .orderBy('name_en')
    .orderBy('id')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows: rows.map(toService), total };
}

export async function serviceNames(db: Kysely<DB>, ids: readonly string[]) {
  if (ids.length === 0)
    return new Map<string, { id: string; nameZh: string; nameEn: string; kind: ServiceKind }>();
  const rows = await db
    .selectFrom('services')
    .select(['id', 'name_zh', 'name_en', 'kind'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, { ...camelRow(r), kind: r.kind as ServiceKind }]));
}

/** How many services name the unit (the units module keeps a unit they name: docs/units.md). */
export async function serviceCountOfUnit(db: Kysely<DB>, unitId: string): Promise<number> {
  const row = await db
    .selectFrom('services')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('unit_id', '=', unitId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
