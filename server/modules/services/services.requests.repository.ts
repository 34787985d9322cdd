import { type Kysely, type Selectable, sql } from 'kysely';
import type { RequestState } from '../../../common/services.js';
import type { DialectSeam } from '../../db/dialect.js';
import { camelRow, insertRow, type RowValue } from '../../db/rows.js';
import type { DB, ServiceRequestsTable, ServiceRequestTransitionsTable } from '../../db/schema.js';
import { containsEveryTerm } from '../../db/search.js';

// All SQL on service_requests and service_request_transitions: an enterprise's requests for a service
// and the moves each made (the catalog itself: services.repository.ts).

export type ServiceRequest = Omit<RowValue<ServiceRequestsTable>, 'state'> & { state: RequestState };

const toRequest = (row: Selectable<ServiceRequestsTable>): ServiceRequest => {
  const v = camelRow(row);
  return {
    ...v,
    state: v.state as RequestState,
    quotePriceMinor: v.quotePriceMinor === null ? null : Number(v.quotePriceMinor),
  };
};

const requestRow = (r: ServiceRequest) => insertRow<ServiceRequestsTable>(r);

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
    /** Words every one of which the request's number, service names (zh or en) or description contain. */
    terms?: readonly string[];
  },
  page: { page: number; pageSize: number },
): Promise<{ rows: ServiceRequest[]; total: number }> {
  let base = db.selectFrom('service_requests').where('platform_id', '=', f.platformId);
  if (f.terms?.length) {
    const named = sql<string>`service_requests.number || ' ' || (select s.name_zh || ' ' || s.name_en from services s where s.id = service_requests.service_id) || ' ' || service_requests.description`;
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
    .values(insertRow<ServiceRequestTransitionsTable>(t))
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

/** How many service requests name the unit (the units module keeps a unit they name: docs/units.md). */
export async function requestCountOfUnit(db: Kysely<DB>, unitId: string): Promise<number> {
  const row = await db
    .selectFrom('service_requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('unit_id', '=', unitId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
