// Large-instrument sharing (issue 14): instruments, their calendars and bookings. Types are the server's zod schemas.
import type { z } from 'zod';
import type {
  bookingBody,
  bookingList,
  bookingView,
  decisionBody,
  instrumentBody,
  instrumentList,
  instrumentView,
} from '../../server/modules/instruments/instruments.schema.js';
import { request } from './client.js';

export type Instrument = z.infer<typeof instrumentView>;
export type InstrumentList = z.infer<typeof instrumentList>;
export type InstrumentInput = z.input<typeof instrumentBody>;
export type Booking = z.infer<typeof bookingView>;
export type BookingList = z.infer<typeof bookingList>;
export type BookingInput = z.input<typeof bookingBody>;
export type BookingDecisionInput = z.input<typeof decisionBody>;
export interface InstrumentQuery {
  q?: string;
  unitId?: string;
  state?: Instrument['state'];
  page?: number;
  pageSize?: number;
}

const enc = encodeURIComponent;

export const instrumentsApi = {
  publicList: (platformId: string, q: InstrumentQuery) =>
    request<InstrumentList>('GET', `/api/public/platforms/${enc(platformId)}/instruments`, {
      query: { ...q },
      quiet401: true,
    }),
  publicCalendar: (id: string, from: string, to: string) =>
    request<BookingList>('GET', `/api/public/instruments/${enc(id)}/calendar`, {
      query: { from, to },
      quiet401: true,
    }),
  list: (platformId: string, q: InstrumentQuery) =>
    request<InstrumentList>('GET', `/api/platforms/${enc(platformId)}/instruments`, { query: { ...q } }),
  create: (platformId: string, body: InstrumentInput) =>
    request<Instrument>('POST', `/api/platforms/${enc(platformId)}/instruments`, { body }),
  update: (id: string, body: InstrumentInput) =>
    request<Instrument>('PUT', `/api/instruments/${enc(id)}`, { body }),
  setState: (id: string, to: Instrument['state']) =>
    request<Instrument>('POST', `/api/instruments/${enc(id)}/state`, { body: { to } }),
  calendar: (id: string, from: string, to: string) =>
    request<BookingList>('GET', `/api/instruments/${enc(id)}/calendar`, { query: { from, to } }),
  book: (id: string, body: BookingInput) =>
    request<Booking>('POST', `/api/instruments/${enc(id)}/bookings`, { body }),
  block: (id: string, body: BookingInput) =>
    request<Booking>('POST', `/api/instruments/${enc(id)}/maintenance`, { body }),
  bookings: (q: { platformId: string; view: 'mine' | 'unit'; state?: Booking['state'] }) =>
    request<BookingList>('GET', '/api/instrument-bookings', { query: { ...q } }),
  decide: (id: string, body: BookingDecisionInput) =>
    request<Booking>('POST', `/api/instrument-bookings/${enc(id)}/decision`, { body }),
};
