import { Select, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/endpoints.js';
import { useLocale } from '../app/locale.js';
import { localName } from './labels.js';

export interface PersonRef {
  id: string;
  nameZh: string;
  nameEn: string | null;
  title?: string | null;
}

interface Option {
  value: string;
  label: string;
  hint: string;
}

/**
 * Picks a person of the directory by name (GET /api/people). A Form control: value is the person id;
 * `current` labels the value before any search.
 */
export function PersonPicker({
  value,
  onChange,
  current,
  id,
  testId,
}: {
  value?: string | null;
  onChange?(id: string | null): void;
  current?: PersonRef | null;
  id?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);
  const run = useRef(0);
  // The directory is searched once the picker is used, not when its form is mounted: the forms live in
  // modals rendered up front for every visitor of the units and committee tabs, and most roles may not
  // list people (a 403 on every visit, issue 12 item 15).
  const [used, setUsed] = useState(false);

  useEffect(() => {
    if (!used) return;
    const n = ++run.current;
    const timer = setTimeout(() => {
      setLoading(true);
      api
        .people({ q: q || undefined, limit: 20 })
        .then((list) => {
          if (n !== run.current) return;
          setOptions(
            list.items.map((p) => ({
              value: p.id,
              label: localName(p, locale),
              hint: [p.title, p.organisation ? localName(p.organisation, locale) : null]
                .filter(Boolean)
                .join(' · '),
            })),
          );
        })
        .catch(() => undefined)
        .finally(() => {
          if (n === run.current) setLoading(false);
        });
    }, 250);
    return () => clearTimeout(timer);
  }, [q, locale, used]);

  const shown =
    current && !options.some((o) => o.value === current.id)
      ? [{ value: current.id, label: localName(current, locale), hint: current.title ?? '' }, ...options]
      : options;

  return (
    <Select<string>
      id={id}
      data-testid={testId}
      allowClear
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      placeholder={t('Search people by name')}
      showSearch={{ filterOption: false, onSearch: setQ }}
      onFocus={() => setUsed(true)}
      onOpenChange={(open) => open && setUsed(true)}
      notFoundContent={loading ? <Spin size="small" /> : t('No one found')}
      options={shown}
      optionRender={(o) => (
        <div>
          <div>{o.data.label}</div>
          {o.data.hint ? <div style={{ fontSize: 12, color: '#8c8c8c' }}>{o.data.hint}</div> : null}
        </div>
      )}
    />
  );
}
