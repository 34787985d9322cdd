import dayjs, { type Dayjs } from 'dayjs';

/** The viewer's IANA time zone (pickers show and read local time; the API gets UTC). */
export const viewerZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A picker's local value as the ISO-8601 UTC text the API stores. */
export const toUtc = (d: Dayjs | null | undefined): string | undefined =>
  d ? d.toDate().toISOString() : undefined;
export const fromUtc = (iso: string | null | undefined): Dayjs | undefined => (iso ? dayjs(iso) : undefined);

/** Splits a duration into days, hours, minutes and seconds. */
export function parts(ms: number): { d: number; h: number; m: number; s: number } {
  const total = Math.max(0, Math.floor(ms / 1000));
  return {
    d: Math.floor(total / 86_400),
    h: Math.floor((total % 86_400) / 3600),
    m: Math.floor((total % 3600) / 60),
    s: total % 60,
  };
}

/** A timestamp in the viewer's language and zone, with the zone named. */
export function zonedTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '—';
  // dateStyle/timeStyle cannot be combined with timeZoneName, so the parts are named one by one.
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** Date and time in the viewer's language and time zone (timestamps are stored in UTC). */
export function formatTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
