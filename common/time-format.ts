/** Zones that keep China Standard Time, named as people in China say it: 北京时间. */
const BEIJING_ZONES = new Set(['Asia/Shanghai', 'Asia/Chongqing', 'Asia/Harbin', 'Asia/Macau', 'PRC']);

/** The name of the viewer's zone as shown after a time: 北京时间 / Beijing time, else the short name (UTC, CET). */
export function zoneName(locale: string, zone: string, at: Date = new Date()): string {
  if (BEIJING_ZONES.has(zone)) return locale === 'zh-CN' ? '北京时间' : 'Beijing time';
  const part = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}

/**
 * A timestamp (stored in UTC) in `zone`, in the one format of each language, with the zone named
 * (issue 12 item 8): 2026-12-06 17:40 北京时间 · Dec 6, 2026, 5:40 PM Beijing time. The pages pass the
 * viewer's zone (web/components/time.ts); documents made on the server pass their reader's.
 */
export function formatInZone(iso: string | null | undefined, locale: string, zone: string): string {
  if (!iso) return '—';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '—';
  if (locale === 'zh-CN') {
    const p = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
        .formatToParts(at)
        .map((x) => [x.type, x.value]),
    );
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} ${zoneName(locale, zone, at)}`;
  }
  const shown = new Intl.DateTimeFormat(locale, { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' });
  return `${shown.format(at)} ${zoneName(locale, zone, at)}`;
}
