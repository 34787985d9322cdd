import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SERVICE_MOVES, SERVICE_STATES, type ServiceState } from '../../../common/services.js';
import { type Service, servicesApi } from '../../api/services.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { UNIT_ROLES, useServicePlatform } from '../../app/useServicePlatform.js';
import { CatalogRowActions, CatalogStateTag } from '../../components/CatalogState.js';
import { LoadFailed } from '../../components/feedback.js';
import { localName } from '../../components/labels.js';
import { pickFilled } from '../../components/result-labels.js';
import { KIND_LABELS, SERVICE_STATE_LABELS } from '../../components/service-labels.js';
import { actions, WIDE } from '../../components/tables.js';
import { errorText } from '../../i18n/errors.js';
import { usePriceText } from './ServiceCard.js';
import { ServiceFormModal } from './ServiceFormModal.js';

/** A unit's service catalog as its director and the platform's admins keep it: draft, publish, retire. */
export default function CatalogPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const { platformId, picker } = useServicePlatform(UNIT_ROLES);
  const [state, setState] = useState<ServiceState | undefined>();
  const [editing, setEditing] = useState<Service | 'new' | null>(null);
  const [formKey, setFormKey] = useState(0);
  const price = usePriceText();
  const list = useApi(
    () =>
      platformId
        ? servicesApi.catalog(platformId, { state, pageSize: 100 })
        : Promise.resolve({ items: [], total: 0 }),
    [platformId, state],
  );
  const edit = (s: Service | 'new') => {
    setFormKey((k) => k + 1);
    setEditing(s);
  };
  const move = async (s: Service, to: ServiceState) => {
    try {
      await servicesApi.setState(s.id, to);
      message.success(t('Saved'));
      list.reload();
    } catch (e) {
      message.error(errorText(t, e));
    }
  };
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
          {t('Service catalog management')}
        </Typography.Title>
      }
      extra={
        <Space wrap>
          {picker}
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('State')}
            aria-label={t('State')}
            value={state}
            onChange={setState}
            options={SERVICE_STATES.map((s) => ({ value: s, label: t(SERVICE_STATE_LABELS[s]) }))}
          />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => edit('new')}
            data-testid="service-new"
          >
            {t('New service')}
          </Button>
        </Space>
      }
    >
      {list.error ? <LoadFailed error={list.error} /> : null}
      <Table<Service>
        scroll={WIDE}
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('Service'), render: (_, s) => pickFilled(s.nameZh, s.nameEn, locale) },
          { title: t('Kind of service'), render: (_, s) => t(KIND_LABELS[s.kind]) },
          { title: t('Unit'), render: (_, s) => localName(s.unit, locale) },
          { title: t('Price'), render: (_, s) => price(s) },
          { title: t('Turnaround (days)'), dataIndex: 'turnaroundDays', align: 'right' },
          { title: t('State'), render: (_, s) => <CatalogStateTag state={s.state} /> },
          {
            title: t('Actions'),
            ...actions(),
            render: (_, s) => (
              <CatalogRowActions
                state={s.state}
                moves={SERVICE_MOVES[s.state]}
                onEdit={() => edit(s)}
                onMove={(to) => move(s, to)}
                testIdPrefix="service"
              />
            ),
          },
        ]}
      />
      {platformId && editing ? (
        <ServiceFormModal
          key={formKey}
          platformId={platformId}
          service={editing === 'new' ? null : editing}
          open
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            message.success(t('Saved'));
            list.reload();
          }}
        />
      ) : null}
    </Card>
  );
}
