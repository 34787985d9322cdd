import { type Kysely, type Selectable, sql } from 'kysely';
import type { PriceRule, ServiceKind, ServiceState } from '../../../common/services.js';
import type { DialectSeam } from '../../db/dialect.js';
import { camelRow, jsonColumn, toJsonColumn } from '../../db/rows.js';
import type { DB, ServicesTable } from '../../db/schema.js';
import { containsEveryTerm } from '../../db/search.js';

/** A catalog entry as the service sees it: JSON columns parsed, enums typed. */
export interface Service {
  id: string;
  platformId: string;
  unitId: string;
  kind: ServiceKind;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  fieldIds: string[];
  methodStandard: string | null;
  accreditations: Array<{ body: string; number: string }>;
  priceRule: PriceRule;
  priceMinor: number;
  currency: string;
  turnaroundDays: number;
  capacityPerMonth: number;
  state: ServiceState;
  createdAt: string;
  updatedAt: string;
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

function serviceRow(s: Service): Selectable<ServicesTable> {
  return {
    id: s.id,
    platform_id: s.platformId,
    unit_id: s.unitId,
    kind: s.kind,
    name_zh: s.nameZh,
    name_en: s.nameEn,
    description_zh: s.descriptionZh,
    description_en: s.descriptionEn,
    field_ids_json: toJsonColumn(s.fieldIds),
    method_standard: s.methodStandard,
    accreditation_json: toJsonColumn(s.accreditations),
    price_rule: s.priceRule,
    price_minor: s.priceMinor,
    currency: s.currency,
    turnaround_days: s.turnaroundDays,
    capacity_per_month: s.capacityPerMonth,
    state: s.state,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
  };
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
  return new Map(
    rows.map((r) => [r.id, { id: r.id, nameZh: r.name_zh, nameEn: r.name_en, kind: r.kind as ServiceKind }]),
  );
}
