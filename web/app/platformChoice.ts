import { useCallback, useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';

/** Where the choice is remembered between visits and pages (this browser only). */
export const PLATFORM_CHOICE_KEY = 'commonlab.platform';

const remembered = (): string | null => {
  try {
    return localStorage.getItem(PLATFORM_CHOICE_KEY);
  } catch {
    return null;
  }
};

/**
 * The one platform choice the lists share (issue 12 item 2): `?platform=` in the URL, so a link names
 * it; otherwise the choice remembered from the last list, written back into the URL; otherwise none,
 * which means "all my platforms" (the server's lists already keep to what the user may see).
 */
export function usePlatformChoice(): {
  platformId: string | undefined;
  setPlatform(id: string | undefined): void;
} {
  const [params, setParams] = useSearchParams();
  const inUrl = params.get('platform');
  const stored = inUrl ? null : remembered();
  useEffect(() => {
    if (inUrl || !stored) return;
    const next = new URLSearchParams(params);
    next.set('platform', stored);
    setParams(next, { replace: true });
  }, [inUrl, stored, params, setParams]);
  const setPlatform = useCallback(
    (id: string | undefined) => {
      try {
        if (id) localStorage.setItem(PLATFORM_CHOICE_KEY, id);
        else localStorage.removeItem(PLATFORM_CHOICE_KEY);
      } catch {
        // Private mode without storage: the URL still carries the choice.
      }
      // Another platform: the filters of the old one (call, state) no longer apply.
      setParams(id ? { platform: id } : {});
    },
    [setParams],
  );
  return { platformId: inUrl ?? stored ?? undefined, setPlatform };
}
