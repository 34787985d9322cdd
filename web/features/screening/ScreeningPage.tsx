import { Alert, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { APPLICATION_STATES, type ApplicationState } from '../../../common/applications.js';
import { type ApplicationSummary, type ApplicationsQuery, applicationsApi } from '../../api/applications.js';
import { callsApi } from '../../api/calls.js';
import { exportsApi } from '../../api/exports.js';
import { useLocale } from '../../app/locale.js';
import { usePlatformChoice } from '../../app/platformChoice.js';
import { usePlatforms } from '../../app/platforms.js';
import { useApi } from '../../app/useApi.js';
import { DrillNotice, useDrillParams } from '../../components/DrillNotice.js';
import { ExportButton } from '../../components/ExportButton.js';
import { FieldTreeSelect } from '../../components/FieldTreeSelect.js';
import { APPLICATION_STATE_COLORS, APPLICATION_STATES_SHOWN, pick } from '../../components/labels.js';
import { money } from '../../components/money.js';
import { orgName } from '../../components/org-labels.js';
import { PlatformSelect } from '../../components/PlatformSelect.js';
import { ApplicationStateTag } from '../../components/StateTags.js';
import { WIDE } from '../../components/tables.js';
import { zonedTime } from '../../components/time.js';
import { usePagedTable } from '../../components/usePagedTable.js';
import { errorText } from '../../i18n/errors.js';
import { ScreeningBatch, screenable } from './ScreeningBatch.js';

type Sort = NonNullable<ApplicationsQuery['sort']>;
const SORT_OF: Record<string, Sort> = {
  title: 'title',
  state: 'state',
  requested: 'requested',
  submittedAt: 'submittedAt',
};

/** /screening: the program office's list of applications with filters, sorting, counts and export. */
export default function ScreeningPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { list: platforms } = usePlatforms();
  const [params, setParams] = useSearchParams();
  // None chosen: the applications of all the user's platforms (the server keeps to what they may screen).
  const { platformId, setPlatform } = usePlatformChoice();
  const callId = params.get('call') ?? undefined;
  const state = (params.get('state') as ApplicationState | null) ?? undefined;
  const [fieldId, setFieldId] = useState<string>();
  // Opened from a figure of the analytics: the applications first submitted in its years.
  const { submittedFrom, submittedTo } = useDrillParams(['submittedFrom', 'submittedTo'] as const);
  const [sort, setSort] = useState<{ sort: Sort; order: 'asc' | 'desc' }>({
    sort: 'submittedAt',
    order: 'desc',
  });
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next);
  };
  const calls = useApi(
    () => (platformId ? callsApi.platformCalls(platformId) : Promise.resolve(null)),
    [platformId],
  );
  const filters = { platformId, callId, state, fieldId, submittedFrom, submittedTo };
  // One page at a time, the page in the URL; a new filter or order starts at the first.
  const paged = usePagedTable(JSON.stringify([filters, sort]), { defaultPageSize: 50 });
  const query: ApplicationsQuery = { ...filters, ...sort, limit: paged.pageSize, offset: paged.offset };
  const list = useApi(
    () => applicationsApi.list(query),
    [
      platformId,
      callId,
      state,
      fieldId,
      submittedFrom,
      submittedTo,
      sort.sort,
      sort.order,
      paged.pageSize,
      paged.offset,
    ],
  );
  const counts = list.data?.counts ?? {};
  const rows = (list.data?.items ?? []).filter((a) => a.state !== 'draft');
  const [selected, setSelected] = useState<string[]>([]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="screening-page">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <PlatformSelect
            platforms={platforms}
            value={platformId}
            onChange={(id) => setPlatform(id || undefined)}
            allLabel={t('All my platforms')}
          />
          <Select<string>
            allowClear
            disabled={!platformId}
            placeholder={t('All calls')}
            aria-label={t('Call')}
            value={callId}
            onChange={(v) => set('call', v)}
            style={{ minWidth: 260 }}
            data-testid="screening-call"
            options={(calls.data?.items ?? [])
              .filter((c) => c.state !== 'draft')
              .map((c) => ({ value: c.id, label: `${pick(c.titleZh, c.titleEn, locale)} (${c.code})` }))}
          />
          <div style={{ minWidth: 240 }}>
            <FieldTreeSelect value={fieldId ? [fieldId] : []} onChange={(ids) => setFieldId(ids.at(-1))} />
          </div>
        </Space>
        <ExportButton
          testId="export-applications"
          file={(opts) => exportsApi.applications({ ...filters, ...sort }, opts)}
        />
      </Space>
      <Space wrap data-testid="state-counts">
        <Tag.CheckableTag checked={!state} onChange={() => set('state', undefined)}>
          {t('All')} ({Object.values(counts).reduce((s, n) => s + n, 0)})
        </Tag.CheckableTag>
        {APPLICATION_STATES.filter((s) => s !== 'draft').map((s) => (
          <Tag.CheckableTag
            key={s}
            checked={state === s}
            onChange={(on) => set('state', on ? s : undefined)}
            data-testid={`count-${s}`}
          >
            <Tag color={APPLICATION_STATE_COLORS[s]} style={{ marginInlineEnd: 4 }}>
              {t(APPLICATION_STATES_SHOWN[s])}
            </Tag>
            {counts[s] ?? 0}
          </Tag.CheckableTag>
        ))}
      </Space>
      <DrillNotice
        active={!!(submittedFrom || submittedTo)}
        from={submittedFrom}
        to={submittedTo}
        count={list.data?.total}
        onClear={() => setParams(platformId ? { platform: platformId } : {})}
      />
      {list.error ? <Alert type="error" showIcon title={errorText(t, list.error)} /> : null}
      <ScreeningBatch rows={rows} selected={selected} setSelected={setSelected} onDone={list.reload} />
      <Table<ApplicationSummary>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={rows}
        rowSelection={{
          selectedRowKeys: selected,
          hideSelectAll: true,
          onChange: (keys) => setSelected(keys as string[]),
          getCheckboxProps: (a) => ({ disabled: !screenable(a), 'aria-label': a.receiptNo ?? a.id }),
        }}
        pagination={paged.pagination(list.data?.total)}
        data-testid="screening-table"
        scroll={WIDE}
        onChange={(_, __, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const key = SORT_OF[String(s?.columnKey ?? '')];
          setSort(
            key && s?.order
              ? { sort: key, order: s.order === 'ascend' ? 'asc' : 'desc' }
              : { sort: 'submittedAt', order: 'desc' },
          );
        }}
        columns={[
          { title: t('Receipt number'), render: (_, a) => a.receiptNo ?? '—' },
          {
            title: t('work.title'),
            key: 'title',
            sorter: true,
            render: (_, a) => (
              <Link to={`/screening/${a.id}`}>
                {pick(a.titleZh, a.titleEn, locale) || t('Untitled application')}
              </Link>
            ),
          },
          { title: t('Lead'), render: (_, a) => orgName(a.lead, locale) },
          { title: t('Call'), render: (_, a) => a.callCode },
          {
            title: t('State'),
            key: 'state',
            sorter: true,
            render: (_, a) => <ApplicationStateTag state={a.state} />,
          },
          {
            title: t('Requested'),
            key: 'requested',
            sorter: true,
            align: 'right',
            render: (_, a) => money(a.requestedTotalMinor, a.currency, locale),
          },
          {
            title: t('Submitted at'),
            key: 'submittedAt',
            sorter: true,
            render: (_, a) => zonedTime(a.submittedAt, locale),
          },
        ]}
      />
    </Space>
  );
}
