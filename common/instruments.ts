/**
 * Large-instrument sharing (大型仪器共享, DOMAIN.md §8, issue 14): the pure rules of an instrument's life
 * and of booking its machine hours, so the server enforces them and the web offers only legal moves.
 * Hours are whole UTC hours; a booking covers [startsAt, endsAt).
 */
export const INSTRUMENT_STATES = ['draft', 'published', 'retired'] as const;
export type InstrumentState = (typeof INSTRUMENT_STATES)[number];
export const INSTRUMENT_MOVES: Record<InstrumentState, readonly InstrumentState[]> = {
  draft: ['published', 'retired'],
  published: ['retired'],
  retired: [],
};

/** A booking is requested, then approved or rejected by the unit; the booker may cancel it. */
export const BOOKING_STATES = ['requested', 'approved', 'rejected', 'cancelled'] as const;
export type BookingState = (typeof BOOKING_STATES)[number];
/** The states that hold the booking's machine hours. */
export const HOLDS_SLOTS: readonly BookingState[] = ['requested', 'approved'];

export const BOOKING_DECISIONS = ['approve', 'reject', 'cancel'] as const;
export type BookingDecision = (typeof BOOKING_DECISIONS)[number];
export const BOOKING_MOVES: Record<
  BookingDecision,
  { from: readonly BookingState[]; to: BookingState; by: 'unit' | 'booker' }
> = {
  approve: { from: ['requested'], to: 'approved', by: 'unit' },
  reject: { from: ['requested'], to: 'rejected', by: 'unit' },
  cancel: { from: ['requested', 'approved'], to: 'cancelled', by: 'booker' },
};

const HOUR = 3_600_000;

/** The machine hours a booking covers, as ISO timestamps of each hour's start. */
export function slotStarts(startsAt: string, endsAt: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(startsAt); t < Date.parse(endsAt); t += HOUR) out.push(new Date(t).toISOString());
  return out;
}

/** Whether a timestamp falls on a whole UTC hour. */
export const onWholeHour = (iso: string) => {
  const t = Date.parse(iso);
  return Number.isFinite(t) && t % HOUR === 0;
};

/** Whether every hour of the booking lies within the instrument's daily open hours [open, close). */
export function withinOpenHours(slots: readonly string[], openHour: number, closeHour: number): boolean {
  return slots.every((s) => {
    const h = new Date(s).getUTCHours();
    return h >= openHour && h < closeHour;
  });
}

/**
 * The machine hours of one day that bookers other than enterprises may hold: the rest of the open
 * hours is the enterprises' green channel (绿色通道, as Shanghai keeps a share for SMEs).
 */
export function staffHoursPerDay(
  openHour: number,
  closeHour: number,
  enterpriseSharePercent: number,
): number {
  const open = closeHour - openHour;
  return open - Math.ceil((open * enterpriseSharePercent) / 100);
}

/** The price of a booking: machine hours times the hourly rate, in minor units. */
export const bookingPrice = (hours: number, hourlyRateMinor: number) => hours * hourlyRateMinor;
