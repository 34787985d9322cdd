import { Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.js';
import { type Service, servicesApi } from '../../api/services.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { Centered, LoadFailed } from '../../components/feedback.js';
import { localName } from '../../components/labels.js';
import { defaultPlatform, PlatformSelect } from '../../components/PlatformSelect.js';
import { PublicSearch } from '../../components/PublicSearch.js';
import { KIND_LABELS } from './labels.js';
import { ServiceItem } from './ServiceCard.js';

/**
 * The published service catalog of a platform, searched in Chinese or English and filtered by kind,
 * technology field and unit; the public page and the enterprise's workspace both show it. `action`
 * adds a button to each service (the enterprise's "request").
 */
export function ServiceSearch({
  platforms,
  action,
}: {
  /** The platforms to choose from (all public ones, or the enterprise's). */
  platforms?: string[];
  action?(s: Service): ReactNode;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const all = useApi(() => api.platforms(), []);
  const list = (all.data?.items ?? []).filter((p) => !platforms || platforms.includes(p.id));
  const fields = useApi(() => api.fields(), []);
  const fieldOptions = (fields.data?.items ?? []).map((f) => ({
    label: localName(f, locale),
    title: localName(f, locale),
    options: [f, ...f.children].map((c) => ({ value: c.id, label: localName(c, locale) })),
  }));
  // The first search needs the platform to search in: a fetch before the platforms load would find
  // nothing and, the URL unchanged, never run again.
  if (!all.data) return all.error ? <LoadFailed error={all.error} /> : <Centered />;
  return (
    <PublicSearch<Service>
      title={t('Service catalog')}
      subtitle={t(
        'Testing, calibration, consulting, pilot production, training and machine time offered by the platforms’ units.',
      )}
      placeholder={t('Search in Chinese or English, e.g. 校准 or calibration')}
      testIdPrefix="services"
      rowKey={(s) => s.id}
      totalText={(n) => t('{{n}} services', { n, count: n })}
      emptyText={t('No published service matches')}
      fetcher={async ({ q, page, params }, pageSize) => {
        const platformId = params.get('platform') ?? defaultPlatform(list);
        if (!platformId) return { items: [], total: 0 };
        return servicesApi.publicCatalog(platformId, {
          q,
          page,
          pageSize,
          kind: (params.get('kind') ?? undefined) as Service['kind'] | undefined,
          unitId: params.get('unit') ?? undefined,
          fieldId: params.get('field') ?? undefined,
        });
      }}
      filters={({ params }, set) => {
        const platformId = params.get('platform') ?? defaultPlatform(list);
        return (
          <>
            <PlatformSelect
              platforms={list}
              value={platformId}
              onChange={(id) => set({ platform: id, unit: null })}
            />
            <Select
              allowClear
              style={{ width: 200 }}
              placeholder={t('Kind of service')}
              aria-label={t('Kind of service')}
              value={params.get('kind') ?? undefined}
              options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label: t(label) }))}
              onChange={(v) => set({ kind: v })}
              data-testid="filter-kind"
            />
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 240 }}
              placeholder={t('Technology field')}
              aria-label={t('Technology field')}
              value={params.get('field') ?? undefined}
              options={fieldOptions}
              onChange={(v) => set({ field: v })}
            />
            {platformId ? (
              <UnitFilter
                platformId={platformId}
                value={params.get('unit')}
                onChange={(v) => set({ unit: v })}
              />
            ) : null}
          </>
        );
      }}
      renderItem={(s) => <ServiceItem s={s} extra={action?.(s)} />}
    />
  );
}

/** The units of a platform as a filter (the service and the instrument searches). */
export function UnitFilter({
  platformId,
  value,
  onChange,
}: {
  platformId: string;
  value: string | null;
  onChange(v: string | undefined): void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const units = useApi(() => api.units(platformId), [platformId]);
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: 260 }}
      placeholder={t('Unit')}
      aria-label={t('Unit')}
      value={value ?? undefined}
      options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: localName(u, locale) }))}
      onChange={onChange}
    />
  );
}
