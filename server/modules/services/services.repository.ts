import { type Kysely, type Selectable, sql } from 'kysely';
import type { PriceRule, RequestState, ServiceKind, ServiceState } from '../../../common/services.js';
import type { DialectSeam } from '../../db/dialect.js';
import { camelRow, jsonColumn, type RowValue, toJsonColumn } from '../../db/rows.js';
import type {
  DB,
  ServiceRequestsTable,
  ServiceRequestTransitionsTable,
  ServiceSurveysTable,
  ServicesTable,
} from '../../db/schema.js';
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

// ── requests ─────────────────────────────────────────────────────────────────────────────────────

export type ServiceRequest = Omit<RowValue<ServiceRequestsTable>, 'state'> & { state: RequestState };

const toRequest = (row: Selectable<ServiceRequestsTable>): ServiceRequest => {
  const v = camelRow(row);
  return {
    ...v,
    state: v.state as RequestState,
    quotePriceMinor: v.quotePriceMinor === null ? null : Number(v.quotePriceMinor),
  };
};

const requestRow = (r: ServiceRequest): Selectable<ServiceRequestsTable> => ({
  id: r.id,
  platform_id: r.platformId,
  service_id: r.serviceId,
  unit_id: r.unitId,
  requester_id: r.requesterId,
  organisation_id: r.organisationId,
  state: r.state,
  description: r.description,
  quantity: r.quantity,
  wanted_by: r.wantedBy,
  quote_price_minor: r.quotePriceMinor,
  currency: r.currency,
  quote_due_on: r.quoteDueOn,
  quote_terms: r.quoteTerms,
  report_file_name: r.reportFileName,
  report_media_type: r.reportMediaType,
  report_size_bytes: r.reportSizeBytes,
  report_sha256: r.reportSha256,
  delivered_at: r.deliveredAt,
  rating: r.rating,
  rating_comment: r.ratingComment,
  last_reason: r.lastReason,
  created_at: r.createdAt,
  updated_at: r.updatedAt,
});

export async function insertRequest(db: Kysely<DB>, r: ServiceRequest): Promise<void> {
  await db.insertInto('service_requests').values(requestRow(r)).execute();
}

export async function replaceRequest(db: Kysely<DB>, r: ServiceRequest): Promise<void> {
  const { id, ...row } = requestRow(r);
  await db.updateTable('service_requests').set(row).where('id', '=', id).execute();
}

/** The request, locked for the rest of the transaction where the database can lock rows. */
export async function findRequest(db: Kysely<DB>, seam: DialectSeam | null, id: string) {
  const q = db.selectFrom('service_requests').selectAll().where('id', '=', id);
  const row = await (seam ? seam.forUpdate(q) : q).executeTakeFirst();
  return row && toRequest(row);
}

export async function requestPage(
  db: Kysely<DB>,
  f: {
    platformId: string;
    requesterOrOrg?: { userId: string; organisationId: string | null };
    unitIds?: readonly string[];
    state?: string | undefined;
    createdFrom?: string | undefined;
    createdTo?: string | undefined;
    /** Words every one of which the request's service names (zh or en) or its description contain. */
    terms?: readonly string[];
  },
  page: { page: number; pageSize: number },
): Promise<{ rows: ServiceRequest[]; total: number }> {
  let base = db.selectFrom('service_requests').where('platform_id', '=', f.platformId);
  if (f.terms?.length) {
    const named = sql<string>`(select s.name_zh || ' ' || s.name_en from services s where s.id = service_requests.service_id) || ' ' || service_requests.description`;
    for (const condition of containsEveryTerm(named, f.terms)) base = base.where(condition);
  }
  const who = f.requesterOrOrg;
  if (who)
    base = base.where((eb) =>
      who.organisationId
        ? eb.or([eb('requester_id', '=', who.userId), eb('organisation_id', '=', who.organisationId)])
        : eb('requester_id', '=', who.userId),
    );
  if (f.unitIds) base = base.where('unit_id', 'in', f.unitIds.length ? [...f.unitIds] : ['']);
  if (f.state) base = base.where('state', '=', f.state);
  // The same bounds as the analytics' requests received per year (services.stats.repository.ts).
  if (f.createdFrom) base = base.where('created_at', '>=', f.createdFrom);
  if (f.createdTo) base = base.where('created_at', '<=', `${f.createdTo}T23:59:59.999Z`);
  const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await base
    .selectAll()
    // The queue's order: what is due first, then the newest requests.
    .orderBy(sql`case when quote_due_on is null then 1 else 0 end`)
    .orderBy('quote_due_on')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows: rows.map(toRequest), total };
}

/** How many requests of a service are open work (accepted, contracted, in progress) now. */
export async function openWorkCount(db: Kysely<DB>, serviceId: string, states: readonly string[]) {
  const r = await db
    .selectFrom('service_requests')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('service_id', '=', serviceId)
    .where('state', 'in', [...states])
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export type RequestTransition = RowValue<ServiceRequestTransitionsTable>;

export async function insertRequestTransition(db: Kysely<DB>, t: RequestTransition): Promise<void> {
  await db
    .insertInto('service_request_transitions')
    .values({
      id: t.id,
      request_id: t.requestId,
      action: t.action,
      from_state: t.fromState,
      to_state: t.toState,
      at: t.at,
      actor_id: t.actorId,
      reason: t.reason,
    })
    .execute();
}

export async function transitionsOfRequest(db: Kysely<DB>, requestId: string): Promise<RequestTransition[]> {
  const rows = await db
    .selectFrom('service_request_transitions')
    .selectAll()
    .where('request_id', '=', requestId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map(camelRow);
}

// ── impact surveys ───────────────────────────────────────────────────────────────────────────────

export type Survey = RowValue<ServiceSurveysTable>;

export async function insertSurvey(db: Kysely<DB>, s: Survey): Promise<void> {
  await db
    .insertInto('service_surveys')
    .values({
      request_id: s.requestId,
      sales_minor: s.salesMinor,
      savings_minor: s.savingsMinor,
      investment_minor: s.investmentMinor,
      jobs: s.jobs,
      currency: s.currency,
      comment: s.comment,
      answered_at: s.answeredAt,
    })
    .execute();
}

export async function answeredSurveys(db: Kysely<DB>, requestIds: readonly string[]): Promise<Set<string>> {
  if (requestIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('service_surveys')
    .select('request_id')
    .where('request_id', 'in', [...requestIds])
    .execute();
  return new Set(rows.map((r) => r.request_id));
}

/** Survey answers and ratings summed per unit of a platform (outcomes of the unit's services). */
export async function surveyTotalsByUnit(db: Kysely<DB>, platformId: string) {
  const answers = await db
    .selectFrom('service_surveys as s')
    .innerJoin('service_requests as r', 'r.id', 's.request_id')
    .select('r.unit_id')
    .select((eb) => [
      eb.fn.countAll().as('answers'),
      eb.fn.sum<number>('s.sales_minor').as('sales'),
      eb.fn.sum<number>('s.savings_minor').as('savings'),
      eb.fn.sum<number>('s.investment_minor').as('investment'),
      eb.fn.sum<number>('s.jobs').as('jobs'),
    ])
    .where('r.platform_id', '=', platformId)
    .groupBy('r.unit_id')
    .execute();
  const ratings = await db
    .selectFrom('service_requests')
    .select('unit_id')
    .select((eb) => eb.fn.avg<number>('rating').as('avg'))
    .where('platform_id', '=', platformId)
    .where('rating', 'is not', null)
    .groupBy('unit_id')
    .execute();
  return {
    answers,
    ratings: new Map(ratings.map((r) => [r.unit_id, r.avg === null ? null : Number(r.avg)])),
  };
}
