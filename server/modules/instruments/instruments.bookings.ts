import type { Kysely } from 'kysely';
import { ERROR_MESSAGES, type ErrorCode } from '../../../common/error-codes.js';
import {
  BOOKING_MOVES,
  type BookingDecision,
  bookingPrice,
  HOLDS_SLOTS,
  onWholeHour,
  slotStarts,
  staffHoursPerDay,
  withinOpenHours,
} from '../../../common/instruments.js';
import type { DB } from '../../db/schema.js';
import { write } from '../../db/write.js';
import { type Ctx, hasRole, isoNow, newId } from '../../http/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../http/errors.js';
import { organisationOfAccount } from '../people/people.service.js';
import { unitOn } from '../services/services.service.js';
import { unitAuthority } from '../units/units.service.js';
import { actsForUnit, bookerKind, overseesInstruments, seesAllBookings } from './instruments.policy.js';
import {
  type Booking,
  bookingList,
  bookingsBetween,
  findBooking,
  findInstrument,
  type Instrument,
  insertBooking,
  instrumentsByIds,
  replaceBooking,
  staffHeldHours,
  takenSlots,
  unitIdsOfPlatformInstruments,
} from './instruments.repository.js';
import type {
  BookingInput,
  BookingsQuery,
  BookingView,
  CalendarQuery,
  DecisionInput,
} from './instruments.schema.js';
import { keptInstrument, visibleInstrument } from './instruments.service.js';

/** The longest maintenance block, and the widest calendar window one request may read. */
const MAX_BLOCK_HOURS = 24 * 7;
const MAX_WINDOW_MS = 31 * 24 * 3_600_000;

const fieldProblem = (status: number, code: ErrorCode, pointer: string, extra: object = {}) =>
  new AppError(status, code, {
    errors: [{ in: 'body', pointer, code, message: ERROR_MESSAGES[code] }],
    ...extra,
  });

/** 409 naming the first held hour among the slots asked for; maintenance is told apart. */
async function refuseTaken(db: Kysely<DB>, instrumentId: string, slots: readonly string[]) {
  const taken = await takenSlots(db, instrumentId, slots);
  const first = taken.find((t) => t.kind === 'maintenance') ?? taken[0];
  if (!first) return;
  const code = first.kind === 'maintenance' ? 'instruments.in_maintenance' : 'instruments.slot_taken';
  throw fieldProblem(409, code, '/startsAt', {
    detail: `${ERROR_MESSAGES[code]}: ${first.slotStart}`,
    slot: first.slotStart,
  });
}

function checkSpan(input: BookingInput) {
  if (!onWholeHour(input.startsAt)) throw invalidField('/startsAt', 'instruments.booking_order');
  if (!onWholeHour(input.endsAt) || input.endsAt <= input.startsAt)
    throw invalidField('/endsAt', 'instruments.booking_order');
}

/** The green channel: a staff booking must leave each day's enterprise share of open hours free. */
async function checkStaffShare(db: Kysely<DB>, i: Instrument, slots: readonly string[]) {
  const allowed = staffHoursPerDay(i.openHour, i.closeHour, i.enterpriseSharePercent);
  const perDay = new Map<string, number>();
  for (const s of slots) perDay.set(s.slice(0, 10), (perDay.get(s.slice(0, 10)) ?? 0) + 1);
  for (const [day, hours] of perDay) {
    const next = new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString();
    const held = await staffHeldHours(db, i.id, `${day}T00:00:00.000Z`, next);
    if (held + hours > allowed)
      throw fieldProblem(409, 'instruments.enterprise_share', '/startsAt', {
        day,
        staffHoursLeft: allowed - held,
      });
  }
}

/**
 * Books machine hours (a request the unit approves) or, for the unit, blocks them for maintenance.
 * The slot rows' primary key is what refuses a double booking: when two requests pass the calendar
 * check together, the loser's insert fails, `write` reruns it once and the check names the taken
 * hour; should it lose again to a third request, the refusal is read after the rollback.
 */
export async function bookInstrument(
  ctx: Ctx,
  instrumentId: string,
  input: BookingInput,
  kind: 'booking' | 'maintenance',
): Promise<BookingView> {
  checkSpan(input);
  const slots = slotStarts(input.startsAt, input.endsAt);
  let enterprise = false;
  if (kind === 'maintenance') {
    const { instrument } = await keptInstrument(ctx.db, ctx, instrumentId, false);
    if (instrument.state === 'retired') throw new AppError(409, 'instruments.not_bookable');
    if (slots.length > MAX_BLOCK_HOURS) throw fieldProblem(422, 'instruments.too_long', '/endsAt');
  } else {
    const i = await visibleInstrument(ctx, instrumentId, false);
    const who = bookerKind(ctx.actor, i.platformId);
    if (!who) throw forbidden();
    enterprise = who === 'enterprise';
    if (i.state !== 'published') throw new AppError(409, 'instruments.not_bookable');
    if (slots.length > i.maxBookingHours)
      throw fieldProblem(422, 'instruments.over_capacity', '/endsAt', { maxBookingHours: i.maxBookingHours });
    if (!withinOpenHours(slots, i.openHour, i.closeHour))
      throw fieldProblem(422, 'instruments.outside_hours', '/startsAt', {
        openHour: i.openHour,
        closeHour: i.closeHour,
      });
  }
  const organisationId =
    kind === 'booking' && ctx.actor ? await organisationOfAccount(ctx.db, ctx.actor.userId) : null;
  let booking: Booking;
  try {
    booking = await write(
      ctx,
      async (trx, audit) => {
        const i = await findInstrument(trx, ctx.seam, instrumentId);
        if (!i) throw notFound('instruments.not_found');
        await refuseTaken(trx, i.id, slots);
        if (kind === 'booking' && !enterprise) await checkStaffShare(trx, i, slots);
        const b: Booking = {
          id: newId(),
          instrumentId: i.id,
          kind,
          bookerId: ctx.actor?.userId || null,
          organisationId: enterprise ? organisationId : null,
          forEnterprise: enterprise,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          purpose: input.purpose,
          state: kind === 'maintenance' ? 'approved' : 'requested',
          priceMinor: kind === 'maintenance' ? null : bookingPrice(slots.length, i.hourlyRateMinor),
          decidedBy: null,
          decidedAt: null,
          decisionReason: null,
          createdAt: isoNow(ctx.clock),
        };
        await insertBooking(trx, b, slots);
        await audit({
          action: kind === 'maintenance' ? 'instrument.maintenance_blocked' : 'instrument.booked',
          entityType: 'instrument_booking',
          entityId: b.id,
          platformId: i.platformId,
          after: { instrumentId: i.id, startsAt: b.startsAt, endsAt: b.endsAt, forEnterprise: enterprise },
        });
        return b;
      },
      { retryOnUniqueViolation: true },
    );
  } catch (err) {
    if (!ctx.seam.isUniqueViolation(err)) throw err;
    await refuseTaken(ctx.db, instrumentId, slots);
    throw err;
  }
  return (await bookingViews(ctx, [booking]))[0]!;
}

interface Sides {
  unit: boolean;
  booker: boolean;
}

async function sidesOf(db: Kysely<DB>, ctx: Ctx, b: Booking, i: Instrument): Promise<Sides> {
  const unit = await unitAuthority(db, i.unitId);
  const actorOrg = ctx.actor ? await organisationOfAccount(db, ctx.actor.userId) : null;
  return {
    unit: !!unit && actsForUnit(ctx.actor, unit),
    booker:
      !!ctx.actor &&
      b.kind === 'booking' &&
      (b.bookerId === ctx.actor.userId || (!!b.organisationId && b.organisationId === actorOrg)),
  };
}

function actionsFor(b: Booking, sides: Sides): BookingDecision[] {
  return (Object.keys(BOOKING_MOVES) as BookingDecision[]).filter((a) => {
    const m = BOOKING_MOVES[a];
    if (!m.from.includes(b.state)) return false;
    // A maintenance block is lifted by the unit that set it.
    if (b.kind === 'maintenance') return a === 'cancel' && sides.unit;
    return m.by === 'unit' ? sides.unit : sides.booker;
  });
}

/** Views for the caller: who booked and why only for the booker's side, the unit and the platform. */
async function bookingViews(ctx: Ctx, rows: Booking[], showAll = true): Promise<BookingView[]> {
  const instruments = await instrumentsByIds(
    ctx.db,
    rows.map((b) => b.instrumentId),
  );
  const out: BookingView[] = [];
  for (const b of rows) {
    const i = instruments.get(b.instrumentId)!;
    const sides = ctx.actor ? await sidesOf(ctx.db, ctx, b, i) : { unit: false, booker: false };
    const open = showAll || sides.unit || sides.booker;
    out.push({
      id: b.id,
      instrument: { id: i.id, nameZh: i.nameZh, nameEn: i.nameEn, unitId: i.unitId },
      kind: b.kind,
      state: b.state,
      startsAt: b.startsAt,
      endsAt: b.endsAt,
      bookerId: open ? b.bookerId : null,
      purpose: open ? b.purpose : null,
      forEnterprise: b.forEnterprise,
      priceMinor: open ? b.priceMinor : null,
      decisionReason: open ? b.decisionReason : null,
      createdAt: b.createdAt,
      actions: actionsFor(b, sides),
    });
  }
  return out;
}

/** The unit approves or rejects a requested booking; the booker cancels one not yet used. */
export async function decideBooking(ctx: Ctx, id: string, input: DecisionInput): Promise<BookingView> {
  const b = await write(ctx, async (trx, audit) => {
    const before = await findBooking(trx, ctx.seam, id);
    if (!before) throw notFound('instruments.booking_not_found');
    const i = (await findInstrument(trx, null, before.instrumentId))!;
    const sides = await sidesOf(trx, ctx, before, i);
    if (!sides.unit && !sides.booker && !seesAllBookings(ctx.actor, i.platformId))
      throw notFound('instruments.booking_not_found');
    const move = BOOKING_MOVES[input.action];
    if (!move.from.includes(before.state))
      throw new AppError(409, 'instruments.illegal_decision', { currentState: before.state });
    if (!actionsFor(before, sides).includes(input.action)) throw forbidden();
    if (input.action === 'reject' && !input.reason) throw invalidField('/reason', 'services.reason_required');
    const after: Booking = {
      ...before,
      state: move.to,
      decidedBy: ctx.actor?.userId || null,
      decidedAt: isoNow(ctx.clock),
      decisionReason: input.reason ?? null,
    };
    await replaceBooking(trx, after, HOLDS_SLOTS.includes(after.state));
    await audit({
      action: `instrument_booking.${after.state}`,
      entityType: 'instrument_booking',
      entityId: id,
      platformId: i.platformId,
      before: { state: before.state },
      after: { state: after.state },
      reason: input.reason,
    });
    return after;
  });
  return (await bookingViews(ctx, [b]))[0]!;
}

/**
 * The calendar of an instrument between two instants: the hours held (requested, approved,
 * maintenance). The public and other bookers see when, not who or why.
 */
export async function instrumentCalendar(ctx: Ctx, id: string, q: CalendarQuery, publicOnly: boolean) {
  const i = await visibleInstrument(ctx, id, publicOnly);
  const window = (code: ErrorCode) =>
    new AppError(400, 'request.validation_failed', {
      errors: [{ in: 'querystring', pointer: '/to', code, message: ERROR_MESSAGES[code] }],
    });
  if (q.to <= q.from) throw window('instruments.booking_order');
  if (Date.parse(q.to) - Date.parse(q.from) > MAX_WINDOW_MS) throw window('instruments.window_too_wide');
  const rows = await bookingsBetween(ctx.db, i.id, q.from, q.to, HOLDS_SLOTS);
  return { items: await bookingViews(publicOnly ? { ...ctx, actor: null } : ctx, rows, false) };
}

/** The caller's bookings (view=mine) or the approval queue of the units it acts for (view=unit). */
export async function listBookings(ctx: Ctx, q: BookingsQuery) {
  const actor = ctx.actor!;
  if (q.view === 'mine') {
    const organisationId = await organisationOfAccount(ctx.db, actor.userId);
    const rows = await bookingList(ctx.db, {
      platformId: q.platformId,
      booker: { userId: actor.userId, organisationId },
      state: q.state,
    });
    return { items: await bookingViews(ctx, rows) };
  }
  const oversees = overseesInstruments(actor, q.platformId);
  const unitIds: string[] = [];
  for (const unitId of await unitIdsOfPlatformInstruments(ctx.db, q.platformId)) {
    const unit = await unitOn(ctx.db, q.platformId, unitId);
    if (oversees || actsForUnit(actor, unit)) unitIds.push(unitId);
  }
  if (!oversees && !hasRole(actor, 'lab_director', q.platformId)) throw forbidden();
  const rows = await bookingList(ctx.db, { platformId: q.platformId, unitIds, state: q.state });
  return { items: await bookingViews(ctx, rows) };
}
