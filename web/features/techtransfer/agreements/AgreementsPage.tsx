import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { AGREEMENT_KINDS, type AgreementKind } from '../../../../common/ip.js';
import { api } from '../../../api/endpoints.js';
import { exportsApi } from '../../../api/exports.js';
import { type AgreementSummary, type AgreementView, ttApi } from '../../../api/techtransfer.js';
import { useLocale } from '../../../app/locale.js';
import { useApi } from '../../../app/useApi.js';
import { DrillNotice, useDrillParams } from '../../../components/DrillNotice.js';
import { ExportButton } from '../../../components/ExportButton.js';
import { SearchBox } from '../../../components/SearchBox.js';
import { clippedText, openableRow, WIDE } from '../../../components/tables.js';
import { usePagedTable } from '../../../components/usePagedTable.js';
import { errorText } from '../../../i18n/errors.js';
import { AGREEMENT_KIND_LABELS, EXCLUSIVITY_LABELS, LICENCE_KIND_LABELS } from '../labels.js';
import { useTtPlatform } from '../useTtPlatform.js';
import { AgreementDrawer, money } from './AgreementDrawer.js';
import { AgreementModal } from './AgreementModal.js';
import { DistributionRuleCard } from './DistributionRuleCard.js';

/**
 * Licences, options, CRADAs, transfers, equity deals and 技术开发/咨询/服务 contracts of a platform, with
 * their receipts (in each agreement's drawer) and the rule that distributes income to inventors.
 */
export default function AgreementsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const tt = useTtPlatform('keep');
  const [params, setParams] = useSearchParams();
  // Opened from a figure of the analytics: the licences (?kind=licence) executed in its years.
  const drill = useDrillParams(['kind', 'executedFrom', 'executedTo'] as const);
  const [kind, setKind] = useState<AgreementKind | undefined>(AGREEMENT_KINDS.find((k) => k === drill.kind));
  const [q, setQ] = useState('');
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<AgreementView | 'new' | null>(null);
  const openId = params.get('agreement');
  const open = (id: string | null) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (id) next.set('agreement', id);
      else next.delete('agreement');
      return next;
    });
  // One page at a time, the page in the URL; a new platform or filter starts at the first.
  const paged = usePagedTable(
    tt.platformId ? JSON.stringify([tt.platformId, kind, q, drill.executedFrom, drill.executedTo]) : null,
  );
  const list = useApi(
    () =>
      tt.platformId
        ? ttApi.agreements(tt.platformId, {
            kind,
            q: q.trim() || undefined,
            executedFrom: drill.executedFrom,
            executedTo: drill.executedTo,
            limit: paged.pageSize,
            offset: paged.offset,
          })
        : Promise.resolve(null),
    [tt.platformId, kind, q, version, drill.executedFrom, drill.executedTo, paged.pageSize, paged.offset],
  );
  const detail = useApi(
    () => (tt.platformId ? api.platform(tt.platformId) : Promise.resolve(null)),
    [tt.platformId],
  );
  if (!tt.platformId) return <Empty description={t('No platform whose tech-transfer records you keep')} />;
  const currency = detail.data?.defaultCurrency ?? 'CNY';
  const changed = () => setVersion((v) => v + 1);
  const platformId = tt.platformId;
  const partnerName = (a: AgreementSummary) =>
    locale === 'zh-CN' ? a.partner.nameZh : (a.partner.nameEn ?? a.partner.nameZh);

  const agreements = (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Space wrap>
          <Select<AgreementKind>
            allowClear
            aria-label={t('Kind')}
            placeholder={t('All kinds')}
            value={kind}
            onChange={setKind}
            style={{ minWidth: 220 }}
            data-testid="agreement-kind-filter"
            options={AGREEMENT_KINDS.map((k) => ({ value: k, label: t(AGREEMENT_KIND_LABELS[k]) }))}
          />
          <SearchBox
            label={t('Search agreements')}
            allowClear
            placeholder={t('Reference or title')}
            onSearch={setQ}
            style={{ width: 260 }}
            data-testid="agreement-search"
          />
        </Space>
        <Space wrap>
          <ExportButton
            file={(opts) =>
              exportsApi.agreements(
                platformId,
                {
                  kind,
                  q: q.trim() || undefined,
                  executedFrom: drill.executedFrom,
                  executedTo: drill.executedTo,
                },
                opts,
              )
            }
          />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="agreement-new"
          >
            {t('New agreement')}
          </Button>
        </Space>
      </Space>
      <DrillNotice
        active={!!(drill.executedFrom || drill.executedTo)}
        from={drill.executedFrom}
        to={drill.executedTo}
        count={list.data?.total}
        onClear={() => {
          setKind(undefined);
          setParams(tt.platformId ? { platform: tt.platformId } : {});
        }}
      />
      {list.error ? <Alert type="error" showIcon title={errorText(t, list.error)} /> : null}
      <Table<AgreementSummary>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        data-testid="agreements-table"
        scroll={WIDE}
        pagination={paged.pagination(list.data?.total)}
        onRow={(a) => openableRow(() => open(a.id))}
        columns={[
          { title: t('Reference number'), dataIndex: 'refNo', width: 140 },
          { title: t('Agreement title'), dataIndex: 'title', ...clippedText(320) },
          {
            title: t('Kind'),
            render: (_, a) => (
              <Space size={4} wrap>
                <Tag color="blue">{t(AGREEMENT_KIND_LABELS[a.kind])}</Tag>
                {a.licenceKind && <Tag>{t(LICENCE_KIND_LABELS[a.licenceKind])}</Tag>}
                {a.exclusivity && <Tag>{t(EXCLUSIVITY_LABELS[a.exclusivity])}</Tag>}
              </Space>
            ),
          },
          { title: t('Licensee or partner'), render: (_, a) => partnerName(a) },
          { title: t('Executed on'), dataIndex: 'executionDate', width: 120 },
          {
            title: t('Status'),
            render: (_, a) =>
              a.terminationDate ? (
                <Tag color="red">{t('Terminated')}</Tag>
              ) : a.endDate && a.endDate < new Date().toISOString().slice(0, 10) ? (
                <Tag>{t('Ended')}</Tag>
              ) : (
                <Tag color="green">{t('In force')}</Tag>
              ),
          },
          {
            title: t('Contract value'),
            align: 'right',
            render: (_, a) => (a.contractValue ? money(a.contractValue, locale) : '—'),
          },
        ]}
      />
      <Typography.Text type="secondary">
        {t('{{count}} agreements', { count: list.data?.total ?? 0 })}
      </Typography.Text>
    </Space>
  );

  return (
    <Card
      title={
        <Space wrap>
          {t('Agreements')}
          {tt.picker}
        </Space>
      }
    >
      <Tabs
        items={[
          { key: 'agreements', label: t('Agreements'), children: agreements },
          {
            key: 'distribution',
            label: t('Income distribution rule'),
            children: <DistributionRuleCard platformId={tt.platformId} currency={currency} />,
          },
        ]}
      />
      <AgreementDrawer
        agreementId={openId}
        version={version}
        onClose={() => open(null)}
        onEdit={(a) => setEditing(a)}
        onChanged={changed}
      />
      <AgreementModal
        platformId={tt.platformId}
        currency={currency}
        agreement={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onDone={(a) => {
          setEditing(null);
          changed();
          open(a.id);
        }}
      />
    </Card>
  );
}
