import { type Kysely, type Selectable, sql } from 'kysely';
import type { BookingState, InstrumentState } from '../../../common/instruments.js';
import type { DialectSeam } from '../../db/dialect.js';
import { camelRow, flag, insertRow, jsonColumn, type RowValue, toFlag, toJsonColumn } from '../../db/rows.js';
import type { DB, InstrumentBookingsTable, InstrumentsTable } from '../../db/schema.js';
import { containsEveryTerm } from '../../db/search.js';

type SlotsTable = DB['instrument_slots'];

/** An instrument as the service sees it: its row in camelCase, fields parsed, the state typed. */
export interface Instrument extends Omit<RowValue<InstrumentsTable>, 'fieldIdsJson' | 'published' | 'state'> {
  fieldIds: string[];
  state: InstrumentState;
}

function toInstrument(row: Selectable<InstrumentsTable>): Instrument {
  const { fieldIdsJson, published: _p, ...rest } = camelRow(row);
  return {
    ...rest,
    state: rest.state as InstrumentState,
    valueMinor: Number(rest.valueMinor),
    hourlyRateMinor: Number(rest.hourlyRateMinor),
    fieldIds: jsonColumn(fieldIdsJson),
  };
}

function instrumentRow({ fieldIds, ...i }: Instrument) {
  // The 0020 flag kept in step with the state for whatever reads it.
  const published = toFlag(i.state === 'published');
  return insertRow<InstrumentsTable>({ ...i, fieldIdsJson: toJsonColumn(fieldIds), published });
}

export async function insertInstrument(db: Kysely<DB>, i: Instrument): Promise<void> {
  await db.insertInto('instruments').values(instrumentRow(i)).execute();
}

export async function replaceInstrument(db: Kysely<DB>, i: Instrument): Promise<void> {
  const { id, ...row } = instrumentRow(i);
  await db.updateTable('instruments').set(row).where('id', '=', id).execute();
}

export async function findInstrument(db: Kysely<DB>, seam: DialectSeam | null, id: string) {
  const q = db.selectFrom('instruments').selectAll().where('id', '=', id);
  const row = await (seam ? seam.forUpdate(q) : q).executeTakeFirst();
  return row && toInstrument(row);
}

/**
 * One page of a platform's instruments. Every query term (the results search's tokenizer, ADR 0009)
 * must occur in the Chinese or English name, the model or the location, case-insensitively.
 */
export async function instrumentPage(
  db: Kysely<DB>,
  f: { platformId: string; states: readonly InstrumentState[]; unitId?: string; terms: string[] },
  page: { page: number; pageSize: number },
): Promise<{ rows: Instrument[]; total: number }> {
  let base = db
    .selectFrom('instruments')
    .where('platform_id', '=', f.platformId)
    .where('state', 'in', [...f.states]);
  if (f.unitId) base = base.where('unit_id', '=', f.unitId);
  const text = sql<string>`name_zh || ' ' || name_en || ' ' || model || ' ' || location`;
  for (const condition of containsEveryTerm(text, f.terms)) base = base.where(condition);
  const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await base
    .selectAll()
    .orderBy('name_en')
    .orderBy('id')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows: rows.map(toInstrument), total };
}

// ── bookings and slots ───────────────────────────────────────────────────────────────────────────

type BookingTyped = 'kind' | 'state' | 'forEnterprise';

/** A booking: its row in camelCase, the flag a boolean, kind and state typed. */
export interface Booking extends Omit<RowValue<InstrumentBookingsTable>, BookingTyped> {
  kind: 'booking' | 'maintenance';
  state: BookingState;
  forEnterprise: boolean;
}

function toBooking(row: Selectable<InstrumentBookingsTable>): Booking {
  const v = camelRow(row);
  return {
    ...v,
    kind: v.kind as Booking['kind'],
    state: v.state as BookingState,
    forEnterprise: flag(v.forEnterprise),
    priceMinor: v.priceMinor === null ? null : Number(v.priceMinor),
  };
}

const bookingRow = (b: Booking) =>
  insertRow<InstrumentBookingsTable>({ ...b, forEnterprise: toFlag(b.forEnterprise) });

/** The booking and one slot row per machine hour; the slots' primary key refuses a double booking. */
export async function insertBooking(db: Kysely<DB>, b: Booking, slots: readonly string[]): Promise<void> {
  await db.insertInto('instrument_bookings').values(bookingRow(b)).execute();
  if (slots.length > 0)
    await db
      .insertInto('instrument_slots')
      .values(
        slots.map((slotStart) =>
          insertRow<SlotsTable>({ instrumentId: b.instrumentId, slotStart, bookingId: b.id }),
        ),
      )
      .execute();
}

/** Writes the booking's new state; a booking that no longer holds its hours gives its slots back. */
export async function replaceBooking(db: Kysely<DB>, b: Booking, holdsSlots: boolean): Promise<void> {
  const { id, ...row } = bookingRow(b);
  await db.updateTable('instrument_bookings').set(row).where('id', '=', id).execute();
  if (!holdsSlots) await db.deleteFrom('instrument_slots').where('booking_id', '=', id).execute();
}

export async function findBooking(db: Kysely<DB>, seam: DialectSeam | null, id: string) {
  const q = db.selectFrom('instrument_bookings').selectAll().where('id', '=', id);
  const row = await (seam ? seam.forUpdate(q) : q).executeTakeFirst();
  return row && toBooking(row);
}

/** The held slots among `slots`, with the kind of booking holding each. */
export async function takenSlots(db: Kysely<DB>, instrumentId: string, slots: readonly string[]) {
  if (slots.length === 0) return [];
  const rows = await db
    .selectFrom('instrument_slots as s')
    .innerJoin('instrument_bookings as b', 'b.id', 's.booking_id')
    .select(['s.slot_start', 'b.kind'])
    .where('s.instrument_id', '=', instrumentId)
    .where('s.slot_start', 'in', [...slots])
    .orderBy('s.slot_start')
    .execute();
  return rows.map(camelRow).map((r) => ({ ...r, kind: r.kind as Booking['kind'] }));
}

/** Machine hours held by non-enterprise bookings in [from, to) — the staff side of the green channel. */
export async function staffHeldHours(db: Kysely<DB>, instrumentId: string, from: string, to: string) {
  const row = await db
    .selectFrom('instrument_slots as s')
    .innerJoin('instrument_bookings as b', 'b.id', 's.booking_id')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('s.instrument_id', '=', instrumentId)
    .where('b.kind', '=', 'booking')
    .where('b.for_enterprise', '=', 0)
    .where('s.slot_start', '>=', from)
    .where('s.slot_start', '<', to)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Bookings of an instrument overlapping [from, to), in any state the caller asks for. */
export async function bookingsBetween(
  db: Kysely<DB>,
  instrumentId: string,
  from: string,
  to: string,
  states: readonly BookingState[],
): Promise<Booking[]> {
  const rows = await db
    .selectFrom('instrument_bookings')
    .selectAll()
    .where('instrument_id', '=', instrumentId)
    .where('starts_at', '<', to)
    .where('ends_at', '>', from)
    .where('state', 'in', [...states])
    .orderBy('starts_at')
    .execute();
  return rows.map(toBooking);
}

/** Bookings (not maintenance) of a platform, filtered by booker/organisation or by units; latest first. */
export async function bookingList(
  db: Kysely<DB>,
  f: {
    platformId: string;
    booker?: { userId: string; organisationId: string | null };
    unitIds?: readonly string[];
    state?: BookingState;
  },
): Promise<Booking[]> {
  let q = db
    .selectFrom('instrument_bookings as b')
    .innerJoin('instruments as i', 'i.id', 'b.instrument_id')
    .selectAll('b')
    .where('i.platform_id', '=', f.platformId)
    .where('b.kind', '=', 'booking');
  const who = f.booker;
  if (who)
    q = q.where((eb) =>
      who.organisationId
        ? eb.or([eb('b.booker_id', '=', who.userId), eb('b.organisation_id', '=', who.organisationId)])
        : eb('b.booker_id', '=', who.userId),
    );
  if (f.unitIds) {
    if (f.unitIds.length === 0) return [];
    q = q.where('i.unit_id', 'in', [...f.unitIds]);
  }
  if (f.state) q = q.where('b.state', '=', f.state);
  const rows = await q.orderBy('b.starts_at', 'desc').orderBy('b.id').limit(500).execute();
  return rows.map(toBooking);
}

/** Names of instruments by id, for lists of bookings. */
export async function instrumentsByIds(db: Kysely<DB>, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, Instrument>();
  const rows = await db
    .selectFrom('instruments')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, toInstrument(r)]));
}

/** Ids of a platform's units' instruments — for the unit queue. */
export async function unitIdsOfPlatformInstruments(db: Kysely<DB>, platformId: string) {
  const rows = await db
    .selectFrom('instruments')
    .select('unit_id')
    .distinct()
    .where('platform_id', '=', platformId)
    .execute();
  return rows.map((r) => r.unit_id);
}

/** How many instruments name the unit (the units module keeps a unit they name: docs/units.md). */
export async function instrumentCountOfUnit(db: Kysely<DB>, unitId: string): Promise<number> {
  const row = await db
    .selectFrom('instruments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('unit_id', '=', unitId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
