import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { api } from '../api/endpoints.js';
import type { PlatformSummary } from '../api/types.js';
import { platformName } from '../i18n/labels.js';
import { useLocale } from './locale.js';
import { useApi } from './useApi.js';

interface Platforms {
  list: PlatformSummary[];
  loading: boolean;
  /** The platform's name in the current language, or its id while the list loads. */
  nameOf(id: string | null | undefined): string;
}

const PlatformsContext = createContext<Platforms>({ list: [], loading: false, nameOf: (id) => id ?? '—' });

export const usePlatforms = (): Platforms => useContext(PlatformsContext);

/** Loads the platform list once per signed-in shell; many pages show platform names next to ids. */
export function PlatformsProvider({ children }: { children: ReactNode }) {
  const { locale } = useLocale();
  const { data, loading } = useApi(() => api.platforms(), []);
  const value = useMemo<Platforms>(() => {
    const list = data?.items ?? [];
    const byId = new Map(list.map((p) => [p.id, p]));
    return { list, loading, nameOf: (id) => (id ? (platformName(byId.get(id), locale) ?? id) : '—') };
  }, [data, loading, locale]);
  return <PlatformsContext.Provider value={value}>{children}</PlatformsContext.Provider>;
}
