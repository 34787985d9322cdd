import type { Kysely } from 'kysely';
import { insertRow, type RowValue } from '../../db/rows.js';
import type { DB, ServiceSurveysTable } from '../../db/schema.js';

// All SQL on service_surveys: the impact survey an enterprise answers after a request is delivered.

export type Survey = RowValue<ServiceSurveysTable>;

export async function insertSurvey(db: Kysely<DB>, s: Survey): Promise<void> {
  await db.insertInto('service_surveys').values(insertRow<ServiceSurveysTable>(s)).execute();
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
