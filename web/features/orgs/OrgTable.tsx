import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/endpoints.js';
import type { EnterpriseSize, OrgList, OrgType, OrgView } from '../../api/types.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import {
  countryName,
  ENTERPRISE_SIZES,
  ORG_TYPE_LABELS,
  ORG_TYPES,
  orgAltName,
  orgName,
  SIZE_LABELS,
} from '../../components/org-labels.js';
import { SearchBox } from '../../components/SearchBox.js';
import { actions, WIDE } from '../../components/tables.js';
import { errorText } from '../../i18n/errors.js';
import { ImportExport } from '../imports/ImportExport.js';
import { orgLink } from './OrgDrawer.js';

const PAGE_SIZE = 20;

/** The searchable, filterable list; the tools a keeper gets follow the list's canManage. */
export function OrgTable({
  version,
  onOpen,
  onCreate,
  onEdit,
  onChanged,
}: {
  version: number;
  onOpen(id: string): void;
  onCreate(): void;
  onEdit(org: OrgView): void;
  onChanged(): void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [q, setQ] = useState('');
  const [type, setType] = useState<OrgType>();
  const [size, setSize] = useState<EnterpriseSize>();
  const [includeMerged, setIncludeMerged] = useState(false);
  const [page, setPage] = useState(1);
  // Read in English, the list goes by English names (the Chinese where an organisation has none).
  const sort = locale === 'en-US' ? 'name_en' : 'name_zh';
  const list = useApi(
    () => api.orgs({ q, type, size, includeMerged, sort, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    [q, type, size, includeMerged, sort, page, version],
  );
  const manage = list.data?.canManage ?? false;
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      setPage(1);
      set(v);
    };

  return (
    <>
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
        <Space wrap>
          <SearchBox
            label={t('Search by name or credit code')}
            allowClear
            placeholder={t('Search by name or credit code')}
            style={{ width: 280 }}
            onSearch={filter((v: string) => setQ(v.trim()))}
            data-testid="org-search"
          />
          <Select<OrgType>
            allowClear
            placeholder={t('All types')}
            aria-label={t('All types')}
            style={{ width: 120 }}
            value={type}
            onChange={filter(setType)}
            options={ORG_TYPES.map((v) => ({ value: v, label: t(ORG_TYPE_LABELS[v]) }))}
            data-testid="org-type-filter"
          />
          <Select<EnterpriseSize>
            allowClear
            placeholder={t('All sizes')}
            aria-label={t('All sizes')}
            style={{ width: 120 }}
            value={size}
            onChange={filter(setSize)}
            options={ENTERPRISE_SIZES.map((v) => ({ value: v, label: t(SIZE_LABELS[v]) }))}
            data-testid="org-size-filter"
          />
          <Space size={6}>
            <Switch
              size="small"
              checked={includeMerged}
              onChange={filter(setIncludeMerged)}
              data-testid="org-include-merged"
              aria-label={t('Show merged')}
            />
            <Typography.Text>{t('Show merged')}</Typography.Text>
          </Space>
        </Space>
        {/* On a narrow screen the tools wrap onto their own line, still on the right. */}
        <Space wrap style={{ marginLeft: 'auto' }}>
          <ImportExport
            kind="organisations"
            canImport={manage}
            exportFilter={{ type, size }}
            onImported={onChanged}
          />
          {manage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={onCreate}>
              {t('New organisation')}
            </Button>
          ) : null}
        </Space>
      </Flex>
      {list.error ? (
        <Alert type="error" showIcon title={errorText(t, list.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Table<OrgList['items'][number]>
        scroll={WIDE}
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        data-testid="orgs-table"
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('{{count}} organisations', { count: total }),
          onChange: setPage,
        }}
        columns={[
          {
            title: t('Name'),
            render: (_, o) => (
              <Space orientation="vertical" size={0}>
                <Space size={6} wrap>
                  <Typography.Link onClick={() => onOpen(o.id)}>{orgName(o, locale)}</Typography.Link>
                  {o.mergedIntoId ? (
                    <>
                      <Tag color="default">{t('Merged')}</Tag>
                      <Link to={orgLink(o.mergedIntoId)}>{t('Go to the surviving organisation')}</Link>
                    </>
                  ) : null}
                </Space>
                {orgAltName(o, locale) ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {orgAltName(o, locale)}
                  </Typography.Text>
                ) : null}
              </Space>
            ),
          },
          {
            title: t('Type'),
            width: 200,
            render: (_, o) => (
              <Space size={4} wrap>
                <Tag color="blue">{t(ORG_TYPE_LABELS[o.type])}</Tag>
                {o.enterpriseSize ? <Tag>{t(SIZE_LABELS[o.enterpriseSize])}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('Unified social credit code'),
            dataIndex: 'creditCode',
            width: 190,
            render: (v: string | null, o) =>
              v ? <Typography.Text code>{v}</Typography.Text> : (o.registryId ?? '—'),
          },
          {
            title: t('Country or region'),
            dataIndex: 'country',
            width: 130,
            render: (c: string) => countryName(c, locale),
          },
          ...(manage
            ? [
                {
                  title: t('Contact'),
                  width: 160,
                  render: (_: unknown, o: OrgView) =>
                    o.contactName || o.contactPhone ? (
                      <Space orientation="vertical" size={0}>
                        <span>{o.contactName ?? ''}</span>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {o.contactPhone ?? o.contactEmail ?? ''}
                        </Typography.Text>
                      </Space>
                    ) : (
                      '—'
                    ),
                },
              ]
            : []),
          ...(manage
            ? [
                {
                  title: t('Actions'),
                  ...actions(),
                  width: 70,
                  // Only where the server would allow it: the row's canEdit is the write's own rule
                  // (keepers of every platform whose records use the organisation, ADR 0013).
                  render: (_: unknown, o: OrgList['items'][number]) =>
                    o.mergedIntoId || !o.canEdit ? null : (
                      <Button type="link" size="small" onClick={() => onEdit(o)}>
                        {t('Edit')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
