import { Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.js';
import { type Service, servicesApi } from '../../api/services.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { localName } from '../../components/labels.js';
import { PlatformSearch } from '../../components/PlatformSearch.js';
import { KIND_LABELS } from '../../components/service-labels.js';
import { ServiceItem } from './ServiceCard.js';

/**
 * The published service catalog of a platform, searched in Chinese or English and filtered by kind,
 * technology field and unit on the shared platform search; the public page and the enterprise's
 * workspace both show it. `action` adds a button to each service (the enterprise's "request").
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
  const fields = useApi(() => api.fields(), []);
  const fieldOptions = (fields.data?.items ?? []).map((f) => ({
    label: localName(f, locale),
    title: localName(f, locale),
    options: [f, ...f.children].map((c) => ({ value: c.id, label: localName(c, locale) })),
  }));
  return (
    <PlatformSearch<Service>
      platforms={platforms}
      title={t('Service catalog')}
      subtitle={t(
        'Testing, calibration, consulting, pilot production, training and machine time offered by the platforms’ units.',
      )}
      searchLabel={t('Search services')}
      placeholder={t('Search in Chinese or English, e.g. 校准 or calibration')}
      testIdPrefix="services"
      rowKey={(s) => s.id}
      totalText={(n) => t('{{n}} services', { n, count: n })}
      emptyText={t('No published service matches')}
      fetcher={({ platformId, unitId, q, page, params }, pageSize) =>
        servicesApi.publicCatalog(platformId, {
          q,
          page,
          pageSize,
          kind: (params.get('kind') ?? undefined) as Service['kind'] | undefined,
          unitId,
          fieldId: params.get('field') ?? undefined,
        })
      }
      filters={({ params }, set) => (
        <>
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
        </>
      )}
      renderItem={(s) => <ServiceItem s={s} extra={action?.(s)} />}
    />
  );
}
