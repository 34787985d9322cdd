import { Card, Empty, List, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useApi } from '../app/useApi.js';
import { LoadFailed } from './feedback.js';
import { SearchBox } from './SearchBox.js';

/** Changes some search parameters; any change but a page turn goes back to the first page. */
export type SetSearch = (changes: Record<string, string | number | undefined | null>) => void;

/** The search as the URL holds it (q, page and the caller's filters), so a search can be linked. */
export interface SearchState {
  q: string | undefined;
  page: number;
  params: URLSearchParams;
}

export interface PublicSearchProps<T> {
  title: ReactNode;
  subtitle?: ReactNode;
  /** The search box's accessible name (translated), e.g. "Search services". */
  searchLabel: string;
  /** A hint inside the box (an example query); it names nothing. */
  placeholder: string;
  pageSize?: number;
  /** The filters under the search box, drawn by the page from the URL's parameters. */
  filters?(state: SearchState, set: SetSearch): ReactNode;
  /** Loads one page of hits for the state; called again whenever the URL changes. */
  fetcher(state: SearchState, pageSize: number): Promise<{ items: T[]; total: number }>;
  renderItem(item: T): ReactNode;
  rowKey(item: T): string;
  /** The list's header from the total, e.g. "12 results". The pager offers the pages the total covers. */
  totalText(total: number): ReactNode;
  emptyText: ReactNode;
  /** Prefix of the test ids: `<prefix>-search`, `<prefix>-total`, `<prefix>-result`. */
  testIdPrefix: string;
}

const pageOf = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : 1);

/**
 * The one public search (results, services, instruments): a box that searches in Chinese or English, the
 * page's filters, and a paged list; the state lives in the URL so a search can be shared and reloaded.
 */
export function PublicSearch<T>(p: PublicSearchProps<T>) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const pageSize = p.pageSize ?? 10;
  const state: SearchState = { q: params.get('q') ?? undefined, page: pageOf(params.get('page')), params };
  const set: SetSearch = (changes) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(changes)) {
        if (v === undefined || v === null || v === '') next.delete(k);
        else next.set(k, String(v));
      }
      if (!('page' in changes)) next.delete('page');
      return next;
    });
  const found = useApi(() => p.fetcher(state, pageSize), [params.toString()]);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
        {p.title}
      </Typography.Title>
      {p.subtitle ? <Typography.Text type="secondary">{p.subtitle}</Typography.Text> : null}
      <SearchBox
        label={p.searchLabel}
        allowClear
        enterButton={t('Search')}
        size="large"
        defaultValue={state.q}
        placeholder={p.placeholder}
        onSearch={(q) => set({ q: q.trim() })}
        data-testid={`${p.testIdPrefix}-search`}
      />
      {p.filters ? <Space wrap>{p.filters(state, set)}</Space> : null}
      {found.error ? <LoadFailed error={found.error} /> : null}
      <Card>
        <List
          loading={found.loading}
          dataSource={found.data?.items ?? []}
          rowKey={p.rowKey}
          locale={{ emptyText: <Empty description={p.emptyText} /> }}
          header={
            found.data ? (
              <span data-testid={`${p.testIdPrefix}-total`}>{p.totalText(found.data.total)}</span>
            ) : null
          }
          pagination={
            found.data && found.data.total > pageSize
              ? {
                  current: state.page,
                  pageSize,
                  total: found.data.total,
                  showSizeChanger: false,
                  onChange: (page) => set({ page }),
                }
              : false
          }
          renderItem={(item) => (
            <List.Item data-testid={`${p.testIdPrefix}-result`}>{p.renderItem(item)}</List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
