import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Select, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { RESULT_STATES, RESULT_TYPES } from '../../../common/results.js';
import { exportsApi } from '../../api/exports.js';
import { type ResultItem, resultsApi } from '../../api/results.js';
import { useLocale } from '../../app/locale.js';
import { usePlatforms } from '../../app/platforms.js';
import { useSignedIn } from '../../app/session.js';
import { useApi } from '../../app/useApi.js';
import { DrillNotice } from '../../components/DrillNotice.js';
import { ExportButton } from '../../components/ExportButton.js';
import { IllustrativeTag, LoadFailed } from '../../components/feedback.js';
import { localName } from '../../components/labels.js';
import {
  pickFilled,
  STATE_COLORS,
  STATE_LABELS,
  stateOptions,
  TYPE_LABELS,
  trlText,
  typeOptions,
  VISIBILITY_LABELS,
} from '../../components/result-labels.js';
import { SearchBox } from '../../components/SearchBox.js';
import { saveFile } from '../../components/save-file.js';
import { WIDE } from '../../components/tables.js';
import { formatTime } from '../../components/time.js';
import { usePagedTable } from '../../components/usePagedTable.js';
import { errorText } from '../../i18n/errors.js';
import { canPublishOn } from './access.js';
import { ResultFormDrawer } from './ResultFormDrawer.js';

type Row = NonNullable<ReturnType<typeof useList>['data']>['items'][number];
type Filters = Omit<Parameters<typeof resultsApi.list>[0], 'page' | 'pageSize'>;
const FILTER_KEYS = ['q', 'platformId', 'unitId', 'type', 'state', 'yearFrom', 'yearTo'] as const;

const year = (v: string | null) => (v && /^\d{4}$/.test(v) ? Number(v) : undefined);
/** The list's filters as the URL says them; an unknown type or state is no filter. */
function filtersOf(params: URLSearchParams): Filters {
  return {
    q: params.get('q') || undefined,
    platformId: params.get('platformId') ?? params.get('platform') ?? undefined,
    unitId: params.get('unitId') ?? params.get('unit') ?? undefined,
    type: RESULT_TYPES.find((v) => v === params.get('type')),
    state: RESULT_STATES.find((v) => v === params.get('state')),
    yearFrom: year(params.get('yearFrom')),
    yearTo: year(params.get('yearTo')),
  };
}
/** The URL with these filters (the workbench's short names replaced) and back at the first page. */
function withFilters(prev: URLSearchParams, f: Filters): URLSearchParams {
  const next = new URLSearchParams(prev);
  for (const k of [...FILTER_KEYS, 'platform', 'unit', 'page']) next.delete(k);
  for (const k of FILTER_KEYS) {
    const v = f[k];
    if (v !== undefined && v !== '') next.set(k, String(v));
  }
  return next;
}
const useList = (q: Parameters<typeof resultsApi.list>[0]) =>
  useApi(() => resultsApi.list(q), [JSON.stringify(q)]);

/** The results catalog (成果库) for staff: every result of their platforms, drafts and internal ones included. */
export default function ResultsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const platforms = usePlatforms();
  const { user } = useSignedIn();
  // Every filter, the search text and the page live in the URL (docs/web-conventions.md), so a reload,
  // back/forward and a shared link open the same list; the analytics' drill links (common/analytics.ts)
  // and the workbench's "outputs of my unit" link (?platform=, ?unit=) open it with theirs.
  const [params, setParams] = useSearchParams();
  const q = filtersOf(params);
  // A change of filter drops the page in the same URL change (setQ), so the paging hook's own reset is
  // not wanted: it would also fire on back/forward and lose the page that history entry had.
  const paged = usePagedTable('results');
  const setQ = (next: Filters) => setParams((prev) => withFilters(prev, next));
  const list = useList({ ...q, page: paged.page, pageSize: paged.pageSize });
  const [editing, setEditing] = useState<ResultItem | 'new' | null>(null);
  const act = async (what: () => Promise<unknown>) => {
    try {
      await what();
      list.reload();
    } catch (e) {
      message.error(errorText(t, e));
    }
  };
  const open = async (id: string) => {
    try {
      setEditing(await resultsApi.get(id));
    } catch (e) {
      message.error(errorText(t, e));
    }
  };
  const exportCsv = () => act(async () => saveFile(await resultsApi.exportCsv(locale, q.platformId)));
  const canCreateOn = list.data?.canCreateOn ?? [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <SearchBox
            label={t('Search results')}
            // Remounted with the URL's text, so back/forward show the search the list was filtered by.
            key={q.q ?? ''}
            defaultValue={q.q}
            allowClear
            placeholder={t('Search in Chinese or English')}
            onSearch={(v) => setQ({ ...q, q: v.trim() || undefined })}
            style={{ width: 260 }}
            data-testid="results-search"
          />
          <Select
            allowClear
            placeholder={t('Platform')}
            aria-label={t('Platform')}
            style={{ width: 200 }}
            options={platforms.list.map((p) => ({ value: p.id, label: localName(p, locale) }))}
            value={q.platformId}
            onChange={(v) => setQ({ ...q, platformId: v })}
          />
          <Select
            allowClear
            placeholder={t('Type')}
            aria-label={t('Type')}
            style={{ width: 180 }}
            options={typeOptions(t)}
            value={q.type}
            onChange={(v) => setQ({ ...q, type: v })}
          />
          <Select
            allowClear
            placeholder={t('State')}
            aria-label={t('State')}
            style={{ width: 130 }}
            options={stateOptions(t)}
            value={q.state}
            onChange={(v) => setQ({ ...q, state: v })}
          />
          {q.unitId ? (
            <Tag closable data-testid="unit-filter" onClose={() => setQ({ ...q, unitId: undefined })}>
              {(() => {
                const unit = list.data?.items.find((r) => r.unit)?.unit;
                return unit ? localName(unit, locale) : t('One unit only');
              })()}
            </Tag>
          ) : null}
        </Space>
        <Space>
          <Button icon={<DownloadOutlined />} onClick={exportCsv}>
            CSV
          </Button>
          <ExportButton file={(opts) => exportsApi.results(q, opts)} />
          {canCreateOn.length ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="result-new"
            >
              {t('New result')}
            </Button>
          ) : null}
        </Space>
      </Space>
      <DrillNotice
        active={q.yearFrom !== undefined || q.yearTo !== undefined || q.unitId !== undefined}
        from={q.yearFrom?.toString()}
        to={q.yearTo?.toString()}
        count={list.data?.total}
        onClear={() => setParams({})}
      />
      {list.error ? <LoadFailed error={list.error} /> : null}
      <Card>
        <Table<Row>
          scroll={WIDE}
          rowKey="id"
          data-testid="results-table"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={paged.pagination(list.data?.total)}
          columns={[
            {
              title: t('work.title'),
              render: (_, r) => (
                <Space wrap>
                  <Button type="link" style={{ padding: 0 }} onClick={() => open(r.id)}>
                    {pickFilled(r.titleZh, r.titleEn, locale)}
                  </Button>
                  {r.isIllustrative ? <IllustrativeTag /> : null}
                </Space>
              ),
            },
            { title: t('Type'), render: (_, r) => t(TYPE_LABELS[r.type]) },
            {
              title: t('State'),
              render: (_, r) => (
                <Space size={4}>
                  <Tag color={STATE_COLORS[r.state]} data-testid="result-state">
                    {t(STATE_LABELS[r.state])}
                  </Tag>
                  <Tag>{t(VISIBILITY_LABELS[r.visibility])}</Tag>
                </Space>
              ),
            },
            {
              title: 'TRL',
              render: (_, r) =>
                r.trl ? <Tooltip title={trlText(r.trl.level, locale)}>{r.trl.level}</Tooltip> : '—',
            },
            { title: t('Platform'), render: (_, r) => localName(r.platform, locale) },
            { title: t('Unit'), render: (_, r) => (r.unit ? localName(r.unit, locale) : '—') },
            { title: t('Updated'), render: (_, r) => formatTime(r.updatedAt, locale) },
            {
              title: '',
              render: (_, r) => (
                <Space size={4}>
                  {!canPublishOn(user, r.platform.id) ? null : r.state !== 'published' ? (
                    <Button
                      size="small"
                      onClick={() => act(() => resultsApi.publish(r.id))}
                      data-testid="result-publish"
                    >
                      {t('Publish')}
                    </Button>
                  ) : (
                    <Button size="small" onClick={() => act(() => resultsApi.withdraw(r.id))}>
                      {t('Withdraw')}
                    </Button>
                  )}
                  {r.state === 'draft' ? (
                    <Popconfirm
                      title={t('Delete this draft?')}
                      onConfirm={() => act(() => resultsApi.remove(r.id))}
                    >
                      <Button size="small" danger>
                        {t('Delete')}
                      </Button>
                    </Popconfirm>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing ? (
        <ResultFormDrawer
          result={editing === 'new' ? null : editing}
          platformIds={canCreateOn}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            list.reload();
          }}
        />
      ) : null}
    </Space>
  );
}
