import type { Kysely } from 'kysely';
import type { DialectSeam } from '../../db/dialect.js';
import { camelRow, insertRow, type RowValue, updateRow } from '../../db/rows.js';
import type { DB, InquiriesTable, InquiryTransitionsTable } from '../../db/schema.js';

/** An inquiry and one step of its funnel, as camelCase values (the rows convert here, ADR 0018). */
export type Inquiry = RowValue<InquiriesTable>;
export type InquiryTransition = RowValue<InquiryTransitionsTable>;

export async function insertInquiry(db: Kysely<DB>, inquiry: Inquiry): Promise<void> {
  await db.insertInto('inquiries').values(insertRow<InquiriesTable>(inquiry)).execute();
}

export async function insertTransition(db: Kysely<DB>, t: InquiryTransition): Promise<void> {
  await db.insertInto('inquiry_transitions').values(insertRow<InquiryTransitionsTable>(t)).execute();
}

/** The inquiry, locked for the rest of the transaction where the database can lock rows. */
export async function findInquiryForUpdate(
  db: Kysely<DB>,
  seam: DialectSeam,
  id: string,
): Promise<Inquiry | undefined> {
  const row = await seam
    .forUpdate(db.selectFrom('inquiries').selectAll().where('id', '=', id))
    .executeTakeFirst();
  return row && camelRow(row);
}

/** Whether the inquiry exists on the platform. */
export async function inquiryExistsOn(db: Kysely<DB>, id: string, platformId: string): Promise<boolean> {
  const row = await db
    .selectFrom('inquiries')
    .select('id')
    .where('id', '=', id)
    .where('platform_id', '=', platformId)
    .executeTakeFirst();
  return !!row;
}

export async function updateInquiryState(
  db: Kysely<DB>,
  id: string,
  s: Pick<Inquiry, 'state' | 'closeReason' | 'licenceId' | 'updatedAt'>,
): Promise<void> {
  await db.updateTable('inquiries').set(updateRow<InquiriesTable>(s)).where('id', '=', id).execute();
}

/** The transitions of the given inquiries, oldest first. */
export async function transitionsOf(
  db: Kysely<DB>,
  inquiryIds: readonly string[],
): Promise<InquiryTransition[]> {
  const rows = await db
    .selectFrom('inquiry_transitions')
    .selectAll()
    .where('inquiry_id', 'in', [...inquiryIds])
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map(camelRow);
}

/** One page of inquiries, newest first, and the count of all that match. */
export async function inquiryPage(
  db: Kysely<DB>,
  f: { platformIds?: readonly string[]; platformId?: string; state?: string },
  page: { page: number; pageSize: number },
): Promise<{ rows: Inquiry[]; total: number }> {
  let base = db.selectFrom('inquiries');
  if (f.platformIds) base = base.where('platform_id', 'in', [...f.platformIds]);
  if (f.platformId) base = base.where('platform_id', '=', f.platformId);
  if (f.state) base = base.where('state', '=', f.state);
  const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await base
    .selectAll()
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows: rows.map(camelRow), total };
}

/**
 * The inquiries a platform received in [from, before) with their current state, and per state how many
 * of them ever reached it (from the transitions, so one licensed after an NDA counts at both).
 */
export async function funnelCounts(
  db: Kysely<DB>,
  q: { platformId: string; from?: string; before?: string },
) {
  const current = await db
    .selectFrom('inquiries')
    .select(['id', 'state'])
    .where('platform_id', '=', q.platformId)
    .$if(!!q.from, (qb) => qb.where('received_at', '>=', q.from!))
    .$if(!!q.before, (qb) => qb.where('received_at', '<', q.before!))
    .execute();
  const reached = await db
    .selectFrom('inquiry_transitions as t')
    .innerJoin('inquiries as i', 'i.id', 't.inquiry_id')
    .select('t.to_state')
    .select((eb) => eb.fn.count<number>('t.inquiry_id').distinct().as('n'))
    .where('i.platform_id', '=', q.platformId)
    .$if(!!q.from, (qb) => qb.where('i.received_at', '>=', q.from!))
    .$if(!!q.before, (qb) => qb.where('i.received_at', '<', q.before!))
    .groupBy('t.to_state')
    .execute();
  return {
    states: current.map((r) => r.state),
    reached: new Map(reached.map((r) => [r.to_state, Number(r.n)])),
  };
}
