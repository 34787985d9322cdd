import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INSTRUMENT_MOVES, INSTRUMENT_STATES, type InstrumentState } from '../../../common/instruments.js';
import { type Instrument, instrumentsApi } from '../../api/instruments.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { UNIT_ROLES, useServicePlatform } from '../../app/useServicePlatform.js';
import { CatalogRowActions, CatalogStateTag } from '../../components/CatalogState.js';
import { LoadFailed } from '../../components/feedback.js';
import { localName } from '../../components/labels.js';
import { money } from '../../components/money.js';
import { pickFilled } from '../../components/result-labels.js';
import { actions, WIDE } from '../../components/tables.js';
import { errorText } from '../../i18n/errors.js';
import { BookingFormModal } from './BookingFormModal.js';
import { InstrumentCalendar } from './InstrumentCalendar.js';
import { InstrumentFormModal } from './InstrumentFormModal.js';
import { hourText, INSTRUMENT_STATE_LABELS } from './labels.js';

/** A unit's instruments as its director and the platform's admins keep them: register, publish, retire, maintain. */
export default function ManagePage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const { platformId, picker } = useServicePlatform(UNIT_ROLES);
  const [state, setState] = useState<InstrumentState | undefined>();
  const [editing, setEditing] = useState<Instrument | 'new' | null>(null);
  const [blocking, setBlocking] = useState<Instrument | null>(null);
  const [calendarKey, setCalendarKey] = useState(0);
  const list = useApi(
    () =>
      platformId
        ? instrumentsApi.list(platformId, { state, pageSize: 100 })
        : Promise.resolve({ items: [], total: 0 }),
    [platformId, state],
  );
  const move = async (i: Instrument, to: InstrumentState) => {
    try {
      await instrumentsApi.setState(i.id, to);
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
          {t('Instrument management')}
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
            options={INSTRUMENT_STATES.map((s) => ({ value: s, label: t(INSTRUMENT_STATE_LABELS[s]) }))}
          />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="instrument-new"
          >
            {t('Register an instrument')}
          </Button>
        </Space>
      }
    >
      {list.error ? <LoadFailed error={list.error} /> : null}
      <Table<Instrument>
        scroll={WIDE}
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        expandable={{
          expandedRowRender: (i) => <InstrumentCalendar key={calendarKey} instrument={i} />,
        }}
        columns={[
          {
            title: t('Instrument'),
            render: (_, i) => `${pickFilled(i.nameZh, i.nameEn, locale)} (${i.model})`,
          },
          { title: t('Unit'), render: (_, i) => localName(i.unit, locale) },
          { title: t('Location'), dataIndex: 'location' },
          {
            title: t('Open hours (UTC)'),
            render: (_, i) => `${hourText(i.openHour)}–${hourText(i.closeHour)}`,
          },
          { title: t('Enterprise share'), render: (_, i) => `${i.enterpriseSharePercent}%` },
          {
            title: t('Rate per machine hour'),
            render: (_, i) => money(i.hourlyRateMinor, i.currency, locale),
          },
          { title: t('State'), render: (_, i) => <CatalogStateTag state={i.state} /> },
          {
            title: t('Actions'),
            ...actions(),
            render: (_, i) => (
              <CatalogRowActions
                state={i.state}
                moves={INSTRUMENT_MOVES[i.state]}
                onEdit={() => setEditing(i)}
                onMove={(to) => move(i, to)}
                extra={
                  <Button size="small" onClick={() => setBlocking(i)}>
                    {t('Maintenance')}
                  </Button>
                }
              />
            ),
          },
        ]}
      />
      {platformId && editing ? (
        <InstrumentFormModal
          platformId={platformId}
          instrument={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            message.success(t('Saved'));
            list.reload();
          }}
        />
      ) : null}
      {blocking ? (
        <BookingFormModal
          instrument={blocking}
          kind="maintenance"
          onClose={() => setBlocking(null)}
          onDone={() => {
            setBlocking(null);
            setCalendarKey((k) => k + 1);
            message.success(t('Saved'));
          }}
        />
      ) : null}
    </Card>
  );
}
