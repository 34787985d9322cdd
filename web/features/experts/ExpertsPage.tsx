import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPERT_CATEGORIES, type ExpertCategory } from '../../../common/review.js';
import { type ExpertSummary, expertsApi } from '../../api/experts.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { FieldTreeSelect } from '../../components/FieldTreeSelect.js';
import { localName } from '../../components/labels.js';
import { orgName } from '../../components/org-labels.js';
import { SearchBox } from '../../components/SearchBox.js';
import { openableRow, WIDE } from '../../components/tables.js';
import { errorText } from '../../i18n/errors.js';
import { ImportExport } from '../imports/ImportExport.js';
import { ExpertDrawer } from './ExpertDrawer.js';
import { CATEGORY_COLORS, CATEGORY_LABELS } from './labels.js';

const PAGE_SIZE = 20;

/** The expert database 专家库 for curators: filters, counts, import/export, and the profile drawer. */
export default function ExpertsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [q, setQ] = useState('');
  const [category, setCategory] = useState<ExpertCategory>();
  const [fieldIds, setFieldIds] = useState<string[]>([]);
  const [active, setActive] = useState<'true' | 'false' | undefined>('true');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [drawerKey, setDrawerKey] = useState(0);
  const open = (id: string | 'new') => {
    setDrawerKey((k) => k + 1);
    setEditing(id);
  };
  const fieldId = fieldIds[fieldIds.length - 1];
  const list = useApi(
    () =>
      expertsApi.list({
        q: q || undefined,
        category,
        fieldId,
        active,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
    [q, category, fieldId, active, page],
  );
  const counts = list.data?.counts;
  const reset = () => setPage(1);

  return (
    <Card>
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
        <Space wrap>
          <SearchBox
            label={t('Search experts')}
            allowClear
            placeholder={t('Search names and expertise')}
            style={{ width: 260 }}
            onSearch={(v) => {
              reset();
              setQ(v.trim());
            }}
            data-testid="experts-search"
          />
          <Select<ExpertCategory>
            allowClear
            aria-label={t('Category')}
            placeholder={t('All categories')}
            style={{ width: 180 }}
            value={category}
            onChange={(v) => {
              reset();
              setCategory(v);
            }}
            options={EXPERT_CATEGORIES.map((c) => ({
              value: c,
              label: `${t(CATEGORY_LABELS[c])}${counts ? ` (${counts.byCategory[c]})` : ''}`,
            }))}
          />
          <div style={{ width: 240 }}>
            <FieldTreeSelect
              value={fieldIds}
              onChange={(ids) => {
                reset();
                setFieldIds(ids.slice(-1));
              }}
            />
          </div>
          <Select<'true' | 'false'>
            allowClear
            aria-label={t('Active and inactive')}
            placeholder={t('Active and inactive')}
            style={{ width: 170 }}
            value={active}
            onChange={(v) => {
              reset();
              setActive(v);
            }}
            options={[
              { value: 'true', label: `${t('Active')}${counts ? ` (${counts.active})` : ''}` },
              { value: 'false', label: `${t('Inactive')}${counts ? ` (${counts.inactive})` : ''}` },
            ]}
          />
        </Space>
        <Space wrap style={{ marginLeft: 'auto' }}>
          <ImportExport kind="experts" canImport onImported={list.reload} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="expert-new">
            {t('New expert')}
          </Button>
        </Space>
      </Flex>
      {list.error ? (
        <Alert type="error" showIcon title={errorText(t, list.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Table<ExpertSummary>
        scroll={WIDE}
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        data-testid="experts-table"
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('{{count}} experts', { count: total }),
          onChange: setPage,
        }}
        onRow={(e) => openableRow(() => open(e.id))}
        columns={[
          {
            title: t('Full name'),
            width: 170,
            render: (_, e) => (
              <Space orientation="vertical" size={0}>
                <span>{e.person.nameZh}</span>
                {e.person.nameEn ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {e.person.nameEn}
                  </Typography.Text>
                ) : null}
              </Space>
            ),
          },
          {
            title: t('Category'),
            width: 110,
            render: (_, e) => <Tag color={CATEGORY_COLORS[e.category]}>{t(CATEGORY_LABELS[e.category])}</Tag>,
          },
          {
            title: t('Organisation'),
            render: (_, e) => (e.organisation ? orgName(e.organisation, locale) : '—'),
          },
          {
            title: t('Technology fields'),
            render: (_, e) => e.fields.map((f) => <Tag key={f.id}>{localName(f, locale)}</Tag>),
          },
          {
            title: t('Expertise'),
            render: (_, e) => (
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0, maxWidth: 360 }}>
                {(locale === 'zh-CN' ? (e.expertiseZh ?? e.expertiseEn) : (e.expertiseEn ?? e.expertiseZh)) ??
                  '—'}
              </Typography.Paragraph>
            ),
          },
          { title: t('Outputs'), dataIndex: 'outputCount', width: 80 },
          { title: t('Load limit'), dataIndex: 'loadMax', width: 90 },
          {
            title: t('Status'),
            width: 90,
            render: (_, e) =>
              e.active ? <Tag color="green">{t('Active')}</Tag> : <Tag>{t('Inactive')}</Tag>,
          },
        ]}
      />
      <ExpertDrawer
        key={drawerKey}
        open={editing !== null}
        expertId={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          list.reload();
        }}
      />
    </Card>
  );
}
