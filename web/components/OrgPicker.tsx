import { Select, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/endpoints.js';
import { useLocale } from '../app/locale.js';
import { ORG_TYPE_LABELS, orgName } from './org-labels.js';

interface OrgRef {
  id: string;
  nameZh: string;
  nameEn: string | null;
}

/**
 * Picks an organisation of the registry by searching names and credit codes (merged ones are not
 * offered). A Form control: value is the organisation id; `current` labels the value before any search.
 */
export function OrgPicker({
  value,
  onChange,
  current,
  id,
  'aria-label': ariaLabel,
}: {
  value?: string | null;
  onChange?(id: string | null): void;
  current?: OrgRef | null;
  /** Given by a Form.Item with a label, which then names the picker. */
  id?: string;
  /** The picker's name where no Form.Item label names it. */
  'aria-label'?: string;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<{ value: string; label: string; hint: string }[]>([]);
  const [loading, setLoading] = useState(false);
  const run = useRef(0);

  useEffect(() => {
    const n = ++run.current;
    const timer = setTimeout(() => {
      setLoading(true);
      api
        .orgs({ q: q || undefined, limit: 20 })
        .then((list) => {
          if (n !== run.current) return;
          setOptions(
            list.items.map((o) => ({
              value: o.id,
              label: orgName(o, locale),
              hint: [t(ORG_TYPE_LABELS[o.type]), o.creditCode].filter(Boolean).join(' · '),
            })),
          );
        })
        .catch(() => undefined)
        .finally(() => {
          if (n === run.current) setLoading(false);
        });
    }, 250);
    return () => clearTimeout(timer);
  }, [q, locale, t]);

  const shown =
    current && !options.some((o) => o.value === current.id)
      ? [{ value: current.id, label: orgName(current, locale), hint: '' }, ...options]
      : options;

  return (
    <Select<string>
      id={id}
      aria-label={ariaLabel}
      allowClear
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      placeholder={t('Search the organisation registry')}
      showSearch={{ filterOption: false, onSearch: setQ }}
      notFoundContent={loading ? <Spin size="small" /> : undefined}
      options={shown}
      optionRender={(o) => (
        <div>
          <div>{o.data.label}</div>
          {o.data.hint ? <div style={{ fontSize: 12, color: '#8c8c8c' }}>{o.data.hint}</div> : null}
        </div>
      )}
      data-testid="org-picker"
    />
  );
}
