import dayjs, { type Dayjs } from 'dayjs';
import { formatInZone } from '../../common/time-format.js';

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

/**
 * A timestamp (stored in UTC) in the viewer's zone, in the one format of each language, with the zone
 * named (issue 12 item 8): 2026-12-06 17:40 北京时间 · Dec 6, 2026, 5:40 PM Beijing time.
 */
export const formatTime = (
  iso: string | null | undefined,
  locale: string,
  zone: string = viewerZone(),
): string => formatInZone(iso, locale, zone);

/** The same as formatTime: one format for every timestamp shown (kept for the pages that call it so). */
export const zonedTime = formatTime;
