/**
 * All SQL on `announcements` (通知公告, issue 12; docs/adr/0015) and the row ⇄ value conversion
 * (camelRow / insertRow / updateRow, ADR 0018).
 */
import type { Kysely, Selectable } from 'kysely';
import type { AnnouncementState } from '../../../common/announcements.js';
import type { DialectSeam } from '../../db/dialect.js';
import { camelRow, insertRow, type RowValue, updateRow } from '../../db/rows.js';
import type { AnnouncementsTable, DB } from '../../db/schema.js';

export type Announcement = Omit<RowValue<AnnouncementsTable>, 'state'> & { state: AnnouncementState };

const toAnnouncement = (row: Selectable<AnnouncementsTable>): Announcement => {
  const a = camelRow(row);
  return { ...a, state: a.state as AnnouncementState };
};

export async function insertAnnouncement(db: Kysely<DB>, a: Announcement): Promise<void> {
  await db.insertInto('announcements').values(insertRow<AnnouncementsTable>(a)).execute();
}

/** Writes every column of the announcement but its id, platform and creation. */
export async function saveAnnouncement(db: Kysely<DB>, a: Announcement): Promise<void> {
  const { id, platformId: _p, createdAt: _c, createdBy: _b, ...rest } = a;
  await db
    .updateTable('announcements')
    .set(updateRow<AnnouncementsTable>(rest))
    .where('id', '=', id)
    .execute();
}

/** One announcement, locked for a write when a seam is given. */
export async function findAnnouncement(
  db: Kysely<DB>,
  seam: DialectSeam | null,
  id: string,
): Promise<Announcement | undefined> {
  const q = db.selectFrom('announcements').selectAll().where('id', '=', id);
  const row = await (seam ? seam.forUpdate(q) : q).executeTakeFirst();
  return row && toAnnouncement(row);
}

/**
 * One page of announcements in the given states (of one platform when named): published ones newest
 * first by their publication, the others after them by their last change.
 */
export async function announcementPage(
  db: Kysely<DB>,
  f: { platformIds: readonly string[] | null; states: readonly AnnouncementState[] },
  page: { page: number; pageSize: number },
): Promise<{ rows: Announcement[]; total: number }> {
  let base = db.selectFrom('announcements').where('state', 'in', [...f.states]);
  if (f.platformIds) {
    if (f.platformIds.length === 0) return { rows: [], total: 0 };
    base = base.where('platform_id', 'in', [...f.platformIds]);
  }
  const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await base
    .selectAll()
    .orderBy((eb) => eb.fn.coalesce('published_at', 'updated_at'), 'desc')
    .orderBy('id', 'desc')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows: rows.map(toAnnouncement), total };
}
