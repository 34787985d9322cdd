import { Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/endpoints.js';
import { useLocale } from '../app/locale.js';
import { useApi } from '../app/useApi.js';
import { Centered, LoadFailed } from './feedback.js';
import { localName } from './labels.js';
import { defaultPlatform, PlatformSelect } from './PlatformSelect.js';
import { PublicSearch, type PublicSearchProps, type SearchState, type SetSearch } from './PublicSearch.js';

/** The search within one platform: its id (chosen, or the default one) and the unit chosen, if any. */
export interface PlatformSearchState extends SearchState {
  platformId: string;
  unitId: string | undefined;
}

export interface PlatformSearchProps<T> extends Omit<PublicSearchProps<T>, 'fetcher' | 'filters'> {
  /** The platforms to choose from: all public ones when absent, else these (e.g. the enterprise's). */
  platforms?: string[];
  /** Loads one page of hits in the chosen platform. */
  fetcher(state: PlatformSearchState, pageSize: number): Promise<{ items: T[]; total: number }>;
  /** The page's own filters, shown between the platform and the unit. */
  filters?(state: SearchState, set: SetSearch): ReactNode;
}

/**
 * The public search (PublicSearch) scoped to one platform and filtered by its units, in the URL as
 * ?platform= and ?unit=: what the service catalog and the shared instruments search with; the results
 * portal, which searches every platform at once, uses PublicSearch itself.
 */
export function PlatformSearch<T>({ platforms, fetcher, filters, ...rest }: PlatformSearchProps<T>) {
  const all = useApi(() => api.platforms(), []);
  const list = (all.data?.items ?? []).filter((p) => !platforms || platforms.includes(p.id));
  // The first search needs the platform to search in: a fetch before the platforms load would find
  // nothing and, the URL unchanged, never run again.
  if (!all.data) return all.error ? <LoadFailed error={all.error} /> : <Centered />;
  const platformOf = (params: URLSearchParams) => params.get('platform') ?? defaultPlatform(list);
  return (
    <PublicSearch<T>
      {...rest}
      fetcher={async (state, pageSize) => {
        const platformId = platformOf(state.params);
        if (!platformId) return { items: [], total: 0 };
        return fetcher({ ...state, platformId, unitId: state.params.get('unit') ?? undefined }, pageSize);
      }}
      filters={(state, set) => {
        const platformId = platformOf(state.params);
        return (
          <>
            <PlatformSelect
              platforms={list}
              value={platformId}
              onChange={(id) => set({ platform: id, unit: null })}
            />
            {filters?.(state, set)}
            {platformId ? (
              <UnitFilter
                platformId={platformId}
                value={state.params.get('unit')}
                onChange={(v) => set({ unit: v })}
              />
            ) : null}
          </>
        );
      }}
    />
  );
}

/** The units of a platform as a filter. */
function UnitFilter({
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
