import { App, Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BOOKING_STATES, type BookingDecision, type BookingState } from '../../../common/instruments.js';
import { type Booking, instrumentsApi } from '../../api/instruments.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { UNIT_ROLES, useServicePlatform } from '../../app/useServicePlatform.js';
import { FormModal } from '../../components/FormModal.js';
import { LoadFailed } from '../../components/feedback.js';
import { pickFilled } from '../../components/result-labels.js';
import { actions, WIDE } from '../../components/tables.js';
import { errorText } from '../../i18n/errors.js';
import {
  BOOKING_STATE_COLORS,
  BOOKING_STATE_LABELS,
  DECISION_LABELS,
  dayOf,
  hourOf,
  hourText,
} from './labels.js';

/** "2030-03-04 09:00–12:00 UTC" (a booking ends on the day it starts unless it is a long block). */
export function spanText(b: Pick<Booking, 'startsAt' | 'endsAt'>): string {
  const end =
    dayOf(b.endsAt) === dayOf(b.startsAt)
      ? hourText(hourOf(b.endsAt))
      : `${dayOf(b.endsAt)} ${hourText(hourOf(b.endsAt))}`;
  return `${dayOf(b.startsAt)} ${hourText(hourOf(b.startsAt))}–${end} UTC`;
}

/** 我的预约: the enterprise's bookings (its own and its organisation's), cancelled while not used. */
export function MyBookingsPage() {
  const { t } = useTranslation();
  return <BookingsTable view="mine" title={t('My bookings')} roles={['enterprise_user']} />;
}

/** The approval queue of the units the caller acts for (unit directors, platform admins). */
export function ApprovalQueuePage() {
  const { t } = useTranslation();
  return <BookingsTable view="unit" title={t('Booking approvals')} roles={UNIT_ROLES} />;
}

function BookingsTable({
  view,
  title,
  roles,
}: {
  view: 'mine' | 'unit';
  title: string;
  roles: Parameters<typeof useServicePlatform>[0];
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const { platformId, picker } = useServicePlatform(roles);
  const [state, setState] = useState<BookingState | undefined>(view === 'unit' ? 'requested' : undefined);
  const [rejecting, setRejecting] = useState<Booking | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const list = useApi(
    () =>
      platformId ? instrumentsApi.bookings({ platformId, view, state }) : Promise.resolve({ items: [] }),
    [platformId, state],
  );
  const decide = async (b: Booking, action: BookingDecision) => {
    try {
      await instrumentsApi.decide(b.id, { action });
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
          {title}
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
            options={BOOKING_STATES.map((s) => ({ value: s, label: t(BOOKING_STATE_LABELS[s]) }))}
            data-testid="booking-state-filter"
          />
        </Space>
      }
    >
      {list.error ? <LoadFailed error={list.error} /> : null}
      <Table<Booking>
        scroll={WIDE}
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        columns={[
          {
            title: t('Instrument'),
            render: (_, b) => pickFilled(b.instrument.nameZh, b.instrument.nameEn, locale),
          },
          { title: t('Machine hours'), render: (_, b) => spanText(b) },
          {
            title: t('Kind'),
            render: (_, b) =>
              b.kind === 'maintenance' ? t('Maintenance') : b.forEnterprise ? t('Enterprise') : t('Staff'),
          },
          { title: t('Purpose of the booking'), dataIndex: 'purpose' },
          {
            title: t('State'),
            render: (_, b) => (
              <Space orientation="vertical" size={0}>
                <Tag color={BOOKING_STATE_COLORS[b.state]}>{t(BOOKING_STATE_LABELS[b.state])}</Tag>
                {b.decisionReason ? (
                  <Typography.Text type="secondary">{b.decisionReason}</Typography.Text>
                ) : null}
              </Space>
            ),
          },
          {
            title: t('Actions'),
            ...actions(),
            render: (_, b) => (
              <Space>
                {b.actions.map((a) =>
                  a === 'reject' ? (
                    <Button
                      key={a}
                      size="small"
                      danger
                      onClick={() => {
                        form.resetFields();
                        setRejecting(b);
                      }}
                    >
                      {t(DECISION_LABELS[a])}
                    </Button>
                  ) : (
                    <Popconfirm key={a} title={t('Are you sure?')} onConfirm={() => decide(b, a)}>
                      <Button size="small" type={a === 'approve' ? 'primary' : 'default'}>
                        {t(DECISION_LABELS[a])}
                      </Button>
                    </Popconfirm>
                  ),
                )}
              </Space>
            ),
          },
        ]}
      />
      <FormModal<{ reason: string }>
        open={rejecting !== null}
        title={t('Reject the booking')}
        okText={t('Reject')}
        onCancel={() => setRejecting(null)}
        form={form}
        onSubmit={async (v) => {
          if (!rejecting) return;
          await instrumentsApi.decide(rejecting.id, { action: 'reject', reason: v.reason });
          setRejecting(null);
          message.success(t('Saved'));
          list.reload();
        }}
      >
        <Form.Item name="reason" label={t('Reason')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
