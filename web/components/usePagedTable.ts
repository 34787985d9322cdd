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

/**
 * Server-side paging of a list table (docs/analytics.md "Drill-down"): the page and its size live in
 * the URL (`page`, `pageSize`, or `<prefix>page` … for a second table on the page), so a drill link, a
 * reload and the back button open the same view; the list asks the server for that page only and
 * antd's pagination shows the server's total. A change of `filters` (any value naming the list's
 * filters, e.g. their JSON) goes back to the first page.
 */
export function usePagedTable(
  filters: string,
  opts: { prefix?: string; defaultPageSize?: number } = {},
): PagedTable {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const prefix = opts.prefix ?? '';
  const pageKey = `${prefix}page`;
  const sizeKey = `${prefix}pageSize`;
  const defaultSize = opts.defaultPageSize ?? PAGE_SIZES[0];
  const page = positive(params.get(pageKey)) ?? 1;
  const asked = positive(params.get(sizeKey));
  const pageSize = asked && (PAGE_SIZES as readonly number[]).includes(asked) ? asked : defaultSize;
  const go = (p: number, size: number) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (p > 1) next.set(pageKey, String(p));
      else next.delete(pageKey);
      if (size !== defaultSize) next.set(sizeKey, String(size));
      else next.delete(sizeKey);
      return next;
    });
  const seen = useRef(filters);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of the filters resets the page
  useEffect(() => {
    if (seen.current === filters) return;
    seen.current = filters;
    if (page > 1) go(1, pageSize);
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
