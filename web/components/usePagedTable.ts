import type { TablePaginationConfig } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';

export const PAGE_SIZES = [20, 50, 100] as const;

export interface PagedTable {
  /** The page shown (from 1) and its size, read from the URL. */
  page: number;
  pageSize: number;
  /** The same as the offset/limit pair lists that take those ask for. */
  offset: number;
  /** antd's pagination for the list's total (the server's count of every matching record). */
  pagination(total: number | undefined): TablePaginationConfig;
}

const positive = (v: string | null): number | undefined => {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 ? n : undefined;
};

interface Keys {
  defaultSize: number;
}

/** The page (from 1) and its size a URL asks for; a missing or invalid value is the first page or the default size. */
export function pageOf(params: URLSearchParams, k: Keys): { page: number; pageSize: number } {
  const asked = positive(params.get('pageSize'));
  return {
    page: positive(params.get('page')) ?? 1,
    pageSize: asked && (PAGE_SIZES as readonly number[]).includes(asked) ? asked : k.defaultSize,
  };
}

/** The URL's parameters with the page and size set; the first page and the default size are left out. */
export function withPage(params: URLSearchParams, page: number, size: number, k: Keys): URLSearchParams {
  const next = new URLSearchParams(params);
  if (page > 1) next.set('page', String(page));
  else next.delete('page');
  if (size !== k.defaultSize) next.set('pageSize', String(size));
  else next.delete('pageSize');
  return next;
}

/**
 * Server-side paging of a list table (docs/analytics.md "Drill-down"): the page and its size live in
 * the URL (`page`, `pageSize`), so a drill link, a reload and the back button open the same view; the
 * list asks the server for that page only and antd's pagination shows the server's total. A change of
 * `filters` (any value naming the list's filters, e.g. their JSON) goes back to the first page; null
 * says they are not known yet (the list's platform is still loading), so the page a URL opened with is
 * kept until they are.
 */
export function usePagedTable(filters: string | null, opts: { defaultPageSize?: number } = {}): PagedTable {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const keys = { defaultSize: opts.defaultPageSize ?? PAGE_SIZES[0] };
  const { page, pageSize } = pageOf(params, keys);
  const go = (p: number, size: number) => setParams((prev) => withPage(prev, p, size, keys));
  const seen = useRef<string | null>(filters);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of the filters resets the page
  useEffect(() => {
    // Unknown filters (the list's platform still loading) are no change: a reload keeps its page.
    if (filters === null || seen.current === filters) return;
    const known = seen.current !== null;
    seen.current = filters;
    if (known && page > 1) go(1, pageSize);
  }, [filters]);
  return {
    page,
    pageSize,
    offset: (page - 1) * pageSize,
    pagination: (total) => ({
      current: page,
      pageSize,
      total: total ?? 0,
      showSizeChanger: true,
      pageSizeOptions: PAGE_SIZES.map(String),
      showTotal: (n) => t('{{count}} records', { count: n }),
      // A new size starts again at the first page, whose records the user has not skipped.
      onChange: (p, size) => go(size === pageSize ? p : 1, size),
    }),
  };
}
