import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';

/**
 * The query parameters a list was opened with from a figure of the analytics (common/analytics.ts
 * `drillLink`), read from the URL: the list applies them as filters, so it shows the records behind
 * the figure. Absent parameters are undefined.
 */
export function useDrillParams<K extends string>(names: readonly K[]): Partial<Record<K, string>> {
  const [params] = useSearchParams();
  const out: Partial<Record<K, string>> = {};
  for (const n of names) {
    const v = params.get(n);
    if (v) out[n] = v;
  }
  return out;
}

/**
 * Shown above a list opened from a figure: the period it is cut to, how many records it holds (the
 * figure's value) and a way back to the whole list.
 */
export function DrillNotice({
  active,
  from,
  to,
  count,
  onClear,
}: {
  active: boolean;
  from?: string | undefined;
  to?: string | undefined;
  count: number | undefined;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  if (!active) return null;
  const period = from || to ? (from === to ? from : `${from ?? '…'} – ${to ?? '…'}`) : null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="drill-notice"
      title={period ? t('Opened from the analytics: {{period}}', { period }) : t('Opened from the analytics')}
      description={count === undefined ? null : t('{{count}} records', { count })}
      action={
        <Button size="small" onClick={onClear}>
          {t('Show all')}
        </Button>
      }
    />
  );
}
