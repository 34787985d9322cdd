import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parts } from './time.js';

/** The current time, renewed every second while mounted. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * Time left until `until` (ISO UTC), ticking live by the server's clock: `serverNow` (the server's time
 * when it answered) corrects a device clock that is off, since the server decides what is late.
 */
export function Countdown({
  until,
  serverNow,
  testId,
}: {
  until: string;
  serverNow?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const offset = useMemo(() => (serverNow ? Date.parse(serverNow) - Date.now() : 0), [serverNow]);
  const now = useNow() + offset;
  const left = new Date(until).getTime() - now;
  if (left <= 0) return <span data-testid={testId}>{t('Deadline passed')}</span>;
  const { d, h, m, s } = parts(left);
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    <span data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums' }}>
      {d > 0
        ? t('{{d}} d {{hms}} left', { d, hms: `${pad(h)}:${pad(m)}:${pad(s)}` })
        : t('{{hms}} left', { hms: `${pad(h)}:${pad(m)}:${pad(s)}` })}
    </span>
  );
}
