import type { BookingDecision, BookingState } from '../../../common/instruments.js';
import { CATALOG_STATE_COLORS, CATALOG_STATE_LABELS } from '../../components/CatalogState.js';
import { tk } from '../../i18n/index.js';

// English source labels of common/instruments.ts; the catalog test checks each has its Chinese.

/** A catalog record's states: the same words and colours as every catalog page (catalog/CatalogState.tsx). */
export const INSTRUMENT_STATE_LABELS = CATALOG_STATE_LABELS;
export const INSTRUMENT_STATE_COLORS = CATALOG_STATE_COLORS;

export const BOOKING_STATE_LABELS: Record<BookingState, string> = {
  requested: tk('Awaiting approval'),
  approved: tk('booking.state.approved'),
  rejected: tk('Rejected'),
  cancelled: tk('Cancelled'),
};

export const BOOKING_STATE_COLORS: Record<BookingState, string> = {
  requested: 'gold',
  approved: 'green',
  rejected: 'red',
  cancelled: 'default',
};

export const DECISION_LABELS: Record<BookingDecision, string> = {
  approve: tk('Approve'),
  reject: tk('Reject'),
  cancel: tk('Cancel booking'),
};

/** "09:00" for a whole UTC hour. */
export const hourText = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** The UTC day (YYYY-MM-DD) and hour of an ISO instant. */
export const dayOf = (iso: string) => iso.slice(0, 10);
export const hourOf = (iso: string) => new Date(iso).getUTCHours();

/** The Monday (UTC) of the week holding `day`, as YYYY-MM-DD. */
export function mondayOf(day: string): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

export const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + n * 86_400_000).toISOString().slice(0, 10);
