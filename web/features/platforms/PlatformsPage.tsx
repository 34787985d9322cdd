import { ApartmentOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { RATING_DIMENSIONS } from '../../../common/platforms.js';
import { PLATFORM_MODELS, type PlatformModel } from '../../../common/roles.js';
import { api } from '../../api/endpoints.js';
import type { ComparisonItem } from '../../api/types.js';
import { useLocale } from '../../app/locale.js';
import { canCreatePlatform } from '../../app/permissions.js';
import { useSignedIn } from '../../app/session.js';
import { useApi } from '../../app/useApi.js';
import { FieldTags } from '../../components/FieldTreeSelect.js';
import { IllustrativeTag } from '../../components/feedback.js';
import { localName, MODEL_COLORS, RATING_LABELS } from '../../components/labels.js';
import { actions, WIDE } from '../../components/tables.js';
import { errorText } from '../../i18n/errors.js';
import { MODEL_LABELS } from '../../i18n/labels.js';

/** Every platform with its model, ratings, units and fields; the comparison answer carries all of it. */
export default function PlatformsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { user } = useSignedIn();
  const navigate = useNavigate();
  const [model, setModel] = useState<PlatformModel | 'all'>('all');
  const list = useApi(() => api.comparison(), []);
  const items = (list.data?.items ?? []).filter((p) => model === 'all' || p.model === model);

  return (
    <Card>
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }} wrap>
        <Segmented<PlatformModel | 'all'>
          value={model}
          onChange={setModel}
          options={[
            { value: 'all', label: t('All models') },
            ...PLATFORM_MODELS.map((m) => ({ value: m, label: t(MODEL_LABELS[m]) })),
          ]}
          data-testid="model-filter"
        />
        {canCreatePlatform(user) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/platforms/new')}>
            {t('New platform')}
          </Button>
        )}
      </Space>
      {list.error ? (
        <Alert type="error" showIcon title={errorText(t, list.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Table<ComparisonItem>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={items}
        pagination={false}
        scroll={WIDE}
        data-testid="platforms-table"
        columns={[
          { title: t('Code'), dataIndex: 'code', width: 110 },
          {
            title: t('Name'),
            width: 300,
            render: (_, p) => (
              <Space orientation="vertical" size={0}>
                <Link to={`/platforms/${p.id}`}>{localName(p, locale)}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {locale === 'zh-CN' ? p.nameEn : p.nameZh}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('Construction model'),
            render: (_, p) => <Tag color={MODEL_COLORS[p.model]}>{t(MODEL_LABELS[p.model])}</Tag>,
          },
          { title: t('Country'), dataIndex: 'country', width: 80, render: (c: string | null) => c ?? '—' },
          {
            title: t('Government participation'),
            render: (_, p) => (
              <Space size={4} wrap={false} data-testid={`ratings-${p.code}`}>
                {RATING_DIMENSIONS.map((d) => (
                  <Tag key={d} style={{ marginInlineEnd: 0 }}>
                    {t(RATING_LABELS[d])} {p.ratings[d]}
                  </Tag>
                ))}
              </Space>
            ),
          },
          { title: t('Units'), dataIndex: 'unitCount', width: 80, align: 'right' },
          { title: t('Technology fields'), render: (_, p) => <FieldTags fields={p.fields} /> },
          {
            title: t('Data'),
            width: 100,
            render: (_, p) => (p.isIllustrative ? <IllustrativeTag note={p.notes} /> : t('From source')),
          },
          {
            title: t('Actions'),
            ...actions(150),
            render: (_, p) => (
              <Link to={`/org-chart/${p.id}`} style={{ whiteSpace: 'nowrap' }}>
                <ApartmentOutlined /> {t('Organisation chart')}
              </Link>
            ),
          },
        ]}
      />
    </Card>
  );
}
