import { Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { OPEN_WORK, REQUEST_STATES, type RequestState } from '../../../common/services.js';
import { exportsApi } from '../../api/exports.js';
import { type RequestsView, type ServiceRequest, servicesApi } from '../../api/services.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { UNIT_ROLES, useServicePlatform } from '../../app/useServicePlatform.js';
import { DrillNotice, useDrillParams } from '../../components/DrillNotice.js';
import { ExportButton } from '../../components/ExportButton.js';
import { LoadFailed } from '../../components/feedback.js';
import { money } from '../../components/money.js';
import { pickFilled } from '../../components/result-labels.js';
import { REQUEST_STATE_COLORS, REQUEST_STATE_LABELS } from '../../components/service-labels.js';
import { openableRow, WIDE } from '../../components/tables.js';
import { formatTime } from '../../components/time.js';
import { usePagedTable } from '../../components/usePagedTable.js';
import { RequestDrawer } from './RequestDrawer.js';

/** The enterprise's own service requests. */
export function MyRequestsPage() {
  return <RequestsList view="mine" />;
}

/** The unit's queue: due dates, capacity and overdue work first. */
export function QueuePage() {
  return <RequestsList view="unit" />;
}

function RequestsList({ view }: { view: Extract<RequestsView, 'mine' | 'unit'> }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { platformId, picker } = useServicePlatform(view === 'mine' ? ['enterprise_user'] : UNIT_ROLES);
  const [params, setParams] = useSearchParams();
  // ?state= so a link (the workbench's quotes to accept, reports to rate) opens the list filtered.
  const state = REQUEST_STATES.find((s) => s === params.get('state'));
  const setState = (v: RequestState | undefined) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (v) next.set('state', v);
      else next.delete('state');
      return next;
    });
  // Opened from a figure of the analytics (view=all): the platform's (or a unit's) requests received
  // in its years, which the platform's admins oversee beyond the units they act for.
  const drill = useDrillParams(['view', 'unitId', 'createdFrom', 'createdTo'] as const);
  const drilled = view === 'unit' && drill.view === 'all';
  const openId = params.get('request');
  const open = (id: string | null) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (id) next.set('request', id);
      else next.delete('request');
      return next;
    });
  // The drilled list (every request of the platform or unit in the figure's years) is paged on the
  // server, the page in the URL; one's own requests and the unit's working queue stay one list of up
  // to 100, sorted and summed here by due date.
  const paged = usePagedTable(platformId ? JSON.stringify([platformId, state, drill]) : null);
  const list = useApi(
    () =>
      platformId
        ? servicesApi.requests({
            platformId,
            view: drilled ? 'all' : view,
            state,
            ...(drilled
              ? {
                  unitId: drill.unitId,
                  createdFrom: drill.createdFrom,
                  createdTo: drill.createdTo,
                  page: paged.page,
                  pageSize: paged.pageSize,
                }
              : { pageSize: 100 }),
          })
        : Promise.resolve({ items: [], total: 0 }),
    [
      platformId,
      view,
      state,
      drilled,
      drill.unitId,
      drill.createdFrom,
      drill.createdTo,
      paged.page,
      paged.pageSize,
    ],
  );
  // The export is the list as shown: its view and filters, every page (docs/exports.md).
  const exportFilters = platformId
    ? {
        platformId,
        view: drilled ? 'all' : view,
        state,
        ...(drilled
          ? { unitId: drill.unitId, createdFrom: drill.createdFrom, createdTo: drill.createdTo }
          : {}),
      }
    : null;
  const items = list.data?.items ?? [];
  const open_ = items.filter((r) => OPEN_WORK.includes(r.state));
  const overdue = items.filter((r) => r.overdue).length;
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
          {view === 'mine' ? t('My service requests') : t('Service queue')}
        </Typography.Title>
      }
      extra={
        <Space wrap>
          {picker}
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('State')}
            aria-label={t('State')}
            value={state}
            onChange={setState}
            options={REQUEST_STATES.map((s) => ({ value: s, label: t(REQUEST_STATE_LABELS[s]) }))}
          />
          {exportFilters ? (
            <ExportButton file={(opts) => exportsApi.serviceRequests(exportFilters, opts)} />
          ) : null}
        </Space>
      }
    >
      {view === 'unit' ? (
        <Space style={{ marginBottom: 12 }} wrap data-testid="queue-summary">
          <Tag>{t('{{n}} open', { n: open_.length })}</Tag>
          <Tag color={overdue ? 'red' : 'default'}>{t('{{n}} overdue', { n: overdue })}</Tag>
          <Tag>{t('{{n}} awaiting a quote', { n: items.filter((r) => r.state === 'submitted').length })}</Tag>
        </Space>
      ) : null}
      <DrillNotice
        active={drilled}
        from={drill.createdFrom}
        to={drill.createdTo}
        count={list.data?.total}
        onClear={() => setParams(platformId ? { platform: platformId } : {})}
      />
      {list.error ? <LoadFailed error={list.error} /> : null}
      <Table<ServiceRequest>
        scroll={WIDE}
        rowKey="id"
        loading={list.loading}
        dataSource={drilled ? items : sortQueue(items, view)}
        pagination={drilled ? paged.pagination(list.data?.total) : false}
        data-testid="requests-table"
        onRow={(r) => openableRow(() => open(r.id))}
        columns={[
          { title: t('Request number'), dataIndex: 'number' },
          {
            title: t('Service'),
            render: (_, r) => (
              <Typography.Link data-testid="request-row">
                {pickFilled(r.service.nameZh, r.service.nameEn, locale)}
              </Typography.Link>
            ),
          },
          {
            title: t('State'),
            render: (_, r) => (
              <Space size={4}>
                <Tag color={REQUEST_STATE_COLORS[r.state]}>{t(REQUEST_STATE_LABELS[r.state])}</Tag>
                {r.overdue ? <Tag color="red">{t('Overdue')}</Tag> : null}
              </Space>
            ),
          },
          { title: t('Quantity'), dataIndex: 'quantity', align: 'right' },
          {
            title: t('Quote'),
            render: (_, r) => (r.quote ? money(r.quote.priceMinor, r.quote.currency, locale) : '—'),
          },
          { title: t('Due on'), render: (_, r) => r.quote?.dueOn ?? r.wantedBy ?? '—' },
          { title: t('Submitted on'), render: (_, r) => formatTime(r.createdAt, locale) },
        ]}
      />
      {openId ? (
        <RequestDrawer
          id={openId}
          enterprise={view === 'mine'}
          onClose={() => open(null)}
          onChanged={list.reload}
        />
      ) : null}
    </Card>
  );
}

/** The queue puts overdue work first, then the earliest due; the enterprise sees its newest first. */
function sortQueue(items: ServiceRequest[], view: 'mine' | 'unit'): ServiceRequest[] {
  if (view === 'mine') return items;
  const due = (r: ServiceRequest) => r.quote?.dueOn ?? r.wantedBy ?? '9999';
  return [...items].sort((a, b) => Number(b.overdue) - Number(a.overdue) || due(a).localeCompare(due(b)));
}
