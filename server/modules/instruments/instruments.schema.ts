import { z } from 'zod';
import { BOOKING_DECISIONS, BOOKING_STATES, INSTRUMENT_STATES } from '../../../common/instruments.js';

const text = (max: number) => z.string().trim().min(1).max(max);
/** Money in integer minor units: never negative, never fractional (ADR 0002). */
const minor = z.number().int().min(0).max(1e13);
const hour = z.number().int().min(0).max(24);
/** A whole UTC hour, e.g. 2030-03-04T09:00:00.000Z (checked again by the service: on the hour). */
const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());

export const instrumentBody = z
  .strictObject({
    unitId: z.uuid(),
    nameZh: text(200),
    nameEn: text(200),
    model: text(200),
    valueMinor: minor,
    currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO-4217 code'),
    location: text(300),
    fieldIds: z.array(z.uuid()).max(20).default([]),
    /** Bookable hours of each day, [openHour, closeHour) in UTC. */
    openHour: hour,
    closeHour: hour,
    /** The share of each day's open hours kept for enterprises (green channel), percent. */
    enterpriseSharePercent: z.number().int().min(0).max(100),
    hourlyRateMinor: minor,
    /** Capacity: the most machine hours one booking may take. */
    maxBookingHours: z.number().int().min(1).max(168),
  })
  .superRefine((v, ctx) => {
    if (v.closeHour <= v.openHour)
      ctx.addIssue({
        code: 'custom',
        path: ['closeHour'],
        message: 'Closing hour must come after opening hour',
      });
  });
export type InstrumentInput = z.infer<typeof instrumentBody>;

const unitRef = z.object({ id: z.uuid(), nameZh: z.string(), nameEn: z.string() });

export const instrumentView = z.object({
  id: z.uuid(),
  platformId: z.uuid(),
  unit: unitRef,
  nameZh: z.string(),
  nameEn: z.string(),
  model: z.string(),
  valueMinor: z.number().int(),
  currency: z.string(),
  location: z.string(),
  fieldIds: z.array(z.uuid()),
  openHour: z.number().int(),
  closeHour: z.number().int(),
  enterpriseSharePercent: z.number().int(),
  hourlyRateMinor: z.number().int(),
  maxBookingHours: z.number().int(),
  state: z.enum(INSTRUMENT_STATES),
  updatedAt: z.string(),
});
export type InstrumentView = z.infer<typeof instrumentView>;
export const instrumentList = z.object({ items: z.array(instrumentView), total: z.number().int() });

export const instrumentIdParams = z.strictObject({ id: z.uuid() });
export const bookingIdParams = z.strictObject({ id: z.uuid() });
export const platformParams = z.strictObject({ platformId: z.uuid() });
export const instrumentStateBody = z.strictObject({ to: z.enum(INSTRUMENT_STATES) });

export const instrumentQuery = z.strictObject({
  /** Words in Chinese or English, matched against both languages (ADR 0009). */
  q: z.string().trim().max(200).optional(),
  unitId: z.uuid().optional(),
  state: z.enum(INSTRUMENT_STATES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type InstrumentQuery = z.infer<typeof instrumentQuery>;

export const bookingBody = z.strictObject({
  startsAt: instant,
  endsAt: instant,
  purpose: text(1000),
});
export type BookingInput = z.infer<typeof bookingBody>;

export const decisionBody = z.strictObject({
  action: z.enum(BOOKING_DECISIONS),
  reason: z.string().trim().max(1000).optional(),
});
export type DecisionInput = z.infer<typeof decisionBody>;

/** A window of the calendar: at most 31 days. */
export const calendarQuery = z.strictObject({ from: instant, to: instant });
export type CalendarQuery = z.infer<typeof calendarQuery>;

export const bookingView = z.object({
  id: z.uuid(),
  instrument: z.object({ id: z.uuid(), nameZh: z.string(), nameEn: z.string(), unitId: z.uuid() }),
  kind: z.enum(['booking', 'maintenance']),
  state: z.enum(BOOKING_STATES),
  startsAt: z.string(),
  endsAt: z.string(),
  /** Who booked and why: for the booker's side and the unit; hidden from everyone else on a calendar. */
  bookerId: z.uuid().nullable(),
  purpose: z.string().nullable(),
  forEnterprise: z.boolean(),
  priceMinor: z.number().int().nullable(),
  decisionReason: z.string().nullable(),
  createdAt: z.string(),
  /** The moves the caller may take now. */
  actions: z.array(z.enum(BOOKING_DECISIONS)),
});
export type BookingView = z.infer<typeof bookingView>;
export const bookingList = z.object({ items: z.array(bookingView) });

export const bookingsQuery = z.strictObject({
  platformId: z.uuid(),
  /** mine: the caller's and its organisation's bookings; unit: the approval queue of its units. */
  view: z.enum(['mine', 'unit']).default('mine'),
  state: z.enum(BOOKING_STATES).optional(),
});
export type BookingsQuery = z.infer<typeof bookingsQuery>;
