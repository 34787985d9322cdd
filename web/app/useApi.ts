import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
  /**
   * Shows `data` at once, as if just loaded, and drops any answer still on its way: for the object a
   * write returned, so the page never shows (or offers buttons of) the state before the write.
   */
  set(data: T): void;
}

/** Runs a read call when deps change; a late answer for old deps is dropped, not shown. */
export function useApi<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const run = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: deps are the caller's, like useEffect's
  useEffect(() => {
    const id = ++run.current;
    setLoading(true);
    load()
      .then((d) => {
        if (id !== run.current) return;
        setData(d);
        setError(null);
      })
      .catch((e: unknown) => {
        if (id === run.current) setError(e);
      })
      .finally(() => {
        if (id === run.current) setLoading(false);
      });
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  const set = useCallback((d: T) => {
    run.current++;
    setData(d);
    setError(null);
    setLoading(false);
  }, []);
  return { data, error, loading, reload, set };
}
