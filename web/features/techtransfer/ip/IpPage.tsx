import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { exportsApi } from '../../../api/exports.js';
import {
  type DisclosureSummary,
  type DisclosureView,
  type FilingView,
  ttApi,
} from '../../../api/techtransfer.js';
import { useApi } from '../../../app/useApi.js';
import { DrillNotice, useDrillParams } from '../../../components/DrillNotice.js';
import { ExportButton } from '../../../components/ExportButton.js';
import { SearchBox } from '../../../components/SearchBox.js';
import { clippedText, openableRow, WIDE } from '../../../components/tables.js';
import { usePagedTable } from '../../../components/usePagedTable.js';
import { errorText } from '../../../i18n/errors.js';
import { FILING_STATUS_LABELS, FILING_TYPE_LABELS, IP_KIND_LABELS } from '../labels.js';
import { useTtPlatform } from '../useTtPlatform.js';
import { DisclosureDrawer } from './DisclosureDrawer.js';
import { DisclosureModal } from './DisclosureModal.js';
import { OtherIpTab } from './OtherIpTab.js';

/** The IP pipeline: invention disclosures (→ filings → patents), all filings, and other IP. */
export default function IpPage() {
  const { t } = useTranslation();
  const tt = useTtPlatform('keep');
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState('');
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<DisclosureView | 'new' | null>(null);
  const tab = params.get('tab') ?? 'disclosures';
  const openId = params.get('disclosure');
  const update = (change: (p: URLSearchParams) => void) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      change(next);
      return next;
    });
  const open = (id: string | null) => update((p) => (id ? p.set('disclosure', id) : p.delete('disclosure')));
  // Opened from a figure of the analytics: disclosures received (from/to), filings filed (from/to) or
  // patents granted (grantedFrom/grantedTo) in its years.
  const drill = useDrillParams(['from', 'to', 'grantedFrom', 'grantedTo'] as const);
  const drilled = Object.keys(drill).length > 0;
  const clearDrill = () =>
    update((p) => {
      for (const k of ['from', 'to', 'grantedFrom', 'grantedTo']) p.delete(k);
    });
  // One page at a time, the page in the URL; a new tab, platform or filter starts at the first.
  const paged = usePagedTable(tt.platformId ? JSON.stringify([tt.platformId, tab, q, drill]) : null);
  const page = { limit: paged.pageSize, offset: paged.offset };
  const disclosures = useApi(
    () =>
      tt.platformId && tab === 'disclosures'
        ? ttApi.disclosures(tt.platformId, {
            q: q.trim() || undefined,
            from: drill.from,
            to: drill.to,
            ...page,
          })
        : Promise.resolve(null),
    [tt.platformId, q, version, tab, drill.from, drill.to, page.limit, page.offset],
  );
  const filings = useApi(
    () =>
      tt.platformId && tab === 'filings'
        ? ttApi.filings(tt.platformId, { ...drill, ...page })
        : Promise.resolve(null),
    [
      tt.platformId,
      version,
      tab,
      drill.from,
      drill.to,
      drill.grantedFrom,
      drill.grantedTo,
      page.limit,
      page.offset,
    ],
  );
  const notice = (count: number | undefined) => (
    <DrillNotice
      active={drilled}
      from={drill.from ?? drill.grantedFrom}
      to={drill.to ?? drill.grantedTo}
      count={count}
      onClear={clearDrill}
    />
  );
  if (!tt.platformId) return <Empty description={t('No platform whose tech-transfer records you keep')} />;
  const changed = () => setVersion((v) => v + 1);
  const platformId = tt.platformId;

  const disclosuresTab = (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <SearchBox
          label={t('Search invention disclosures')}
          allowClear
          placeholder={t('Reference or title')}
          onSearch={setQ}
          style={{ width: 280 }}
          data-testid="disclosure-search"
        />
        <Space wrap>
          <ExportButton
            file={(opts) =>
              exportsApi.disclosures(
                platformId,
                { q: q.trim() || undefined, from: drill.from, to: drill.to },
                opts,
              )
            }
          />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="disclosure-new"
          >
            {t('New invention disclosure')}
          </Button>
        </Space>
      </Space>
      {notice(disclosures.data?.total)}
      {disclosures.error ? <Alert type="error" showIcon title={errorText(t, disclosures.error)} /> : null}
      <Table<DisclosureSummary>
        rowKey="id"
        loading={disclosures.loading}
        dataSource={disclosures.data?.items ?? []}
        data-testid="disclosures-table"
        scroll={WIDE}
        pagination={paged.pagination(disclosures.data?.total)}
        onRow={(d) => openableRow(() => open(d.id))}
        columns={[
          { title: t('Reference number'), dataIndex: 'refNo', width: 140 },
          { title: t('Invention title'), dataIndex: 'title', ...clippedText(320) },
          { title: t('Kind of IP'), render: (_, d) => <Tag>{t(IP_KIND_LABELS[d.ipKind])}</Tag> },
          { title: t('Received on'), dataIndex: 'receivedDate', width: 120 },
          { title: t('Filings'), dataIndex: 'filingCount', align: 'right', width: 90 },
          { title: t('Granted'), dataIndex: 'grantedCount', align: 'right', width: 90 },
        ]}
      />
    </Space>
  );

  const filingsTab = (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
        <ExportButton file={(opts) => exportsApi.filings(platformId, { ...drill }, opts)} />
      </Space>
      {notice(filings.data?.total)}
      {filings.error ? <Alert type="error" showIcon title={errorText(t, filings.error)} /> : null}
      <Table<FilingView>
        rowKey="id"
        loading={filings.loading}
        dataSource={filings.data?.items ?? []}
        data-testid="filings-table"
        scroll={WIDE}
        pagination={paged.pagination(filings.data?.total)}
        onRow={(f) => openableRow(() => open(f.disclosureId))}
        columns={[
          { title: t('Patent office'), dataIndex: 'jurisdiction', width: 80 },
          { title: t('Type'), render: (_, f) => t(FILING_TYPE_LABELS[f.filingType]) },
          { title: t('Application number'), render: (_, f) => f.applicationNumber ?? '—' },
          { title: t('Filed on'), dataIndex: 'filingDate' },
          { title: t('Priority date'), dataIndex: 'priorityDate' },
          { title: t('Patent number'), render: (_, f) => f.patentNumber ?? '—' },
          { title: t('Granted on'), render: (_, f) => f.grantDate ?? '—' },
          { title: t('Status'), render: (_, f) => t(FILING_STATUS_LABELS[f.status]) },
        ]}
      />
    </Space>
  );

  return (
    <Card
      title={
        <Space wrap>
          {t('IP pipeline')}
          {tt.picker}
        </Space>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => update((p) => p.set('tab', k))}
        items={[
          { key: 'disclosures', label: t('Invention disclosures'), children: disclosuresTab },
          { key: 'filings', label: t('Patent filings'), children: filingsTab },
          {
            key: 'other',
            label: t('Other IP'),
            children: <OtherIpTab platformId={tt.platformId} version={version} onChanged={changed} />,
          },
        ]}
      />
      <DisclosureDrawer
        disclosureId={openId}
        version={version}
        onClose={() => open(null)}
        onEdit={(d) => setEditing(d)}
        onChanged={changed}
      />
      <DisclosureModal
        platformId={tt.platformId}
        disclosure={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onDone={(d) => {
          setEditing(null);
          changed();
          open(d.id);
        }}
      />
    </Card>
  );
}
