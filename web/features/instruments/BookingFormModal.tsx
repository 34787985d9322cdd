import { DatePicker, Form, Input, InputNumber, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Booking, type Instrument, instrumentsApi } from '../../api/instruments.js';
import { useLocale } from '../../app/locale.js';
import { FormModal } from '../../components/FormModal.js';
import { money } from '../../components/money.js';
import { pickFilled } from '../../components/result-labels.js';
import { InstrumentCalendar } from './InstrumentCalendar.js';
import { hourText } from './labels.js';

interface Values {
  day: Dayjs;
  startHour: number;
  hours: number;
  purpose: string;
}

/** The UTC instant of a day's whole hour. */
const at = (day: Dayjs, hour: number) =>
  new Date(Date.UTC(day.year(), day.month(), day.date(), hour)).toISOString();

/**
 * Asks for machine hours (an enterprise's booking, which the unit approves) or, for the unit, blocks
 * hours for maintenance. The week's calendar is beside the form: a free hour clicked starts the booking.
 */
export function BookingFormModal({
  instrument: i,
  kind,
  onClose,
  onDone,
}: {
  instrument: Instrument;
  kind: 'booking' | 'maintenance';
  onClose(): void;
  onDone(b: Booking): void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [form] = Form.useForm<Values>();
  const [reloadKey, setReloadKey] = useState(0);
  const hours = Form.useWatch('hours', form) ?? 1;
  const hourOptions = Array.from({ length: i.closeHour - i.openHour }, (_, n) => i.openHour + n).map((h) => ({
    value: h,
    label: `${hourText(h)} UTC`,
  }));
  return (
    <FormModal<Values>
      open
      width={820}
      title={`${kind === 'maintenance' ? t('Block hours for maintenance') : t('Book machine hours')} · ${pickFilled(i.nameZh, i.nameEn, locale)}`}
      okText={kind === 'maintenance' ? t('Block') : t('Submit booking')}
      onCancel={onClose}
      form={form}
      formTestId="booking-form"
      initialValues={{ hours: 1, startHour: i.openHour }}
      onSubmit={async (v) => {
        const startsAt = at(v.day, v.startHour);
        const endsAt = new Date(Date.parse(startsAt) + v.hours * 3_600_000).toISOString();
        const body = { startsAt, endsAt, purpose: v.purpose };
        try {
          onDone(
            kind === 'maintenance'
              ? await instrumentsApi.block(i.id, body)
              : await instrumentsApi.book(i.id, body),
          );
        } catch (e) {
          // The hour may have gone meanwhile: show the calendar as it is now beside the refusal.
          setReloadKey((k) => k + 1);
          throw e;
        }
      }}
    >
      <InstrumentCalendar
        instrument={i}
        reloadKey={reloadKey}
        onPick={(slot) =>
          form.setFieldsValue({ day: dayjs(slot.slice(0, 10)), startHour: new Date(slot).getUTCHours() })
        }
      />
      <Form.Item name="day" label={t('Day')} rules={[{ required: true }]} style={{ marginTop: 16 }}>
        <DatePicker data-testid="booking-day" />
      </Form.Item>
      <Form.Item name="startHour" label={t('Starting hour (UTC)')} rules={[{ required: true }]}>
        <Select style={{ width: 160 }} options={hourOptions} data-testid="booking-start" />
      </Form.Item>
      <Form.Item
        name="hours"
        label={t('Machine hours')}
        rules={[{ required: true }]}
        extra={
          kind === 'booking'
            ? t('{{price}} in all', { price: money(hours * i.hourlyRateMinor, i.currency, locale) })
            : undefined
        }
      >
        <InputNumber min={1} max={kind === 'maintenance' ? 168 : i.maxBookingHours} precision={0} />
      </Form.Item>
      <Form.Item
        name="purpose"
        label={kind === 'maintenance' ? t('What is done') : t('Purpose of the booking')}
        rules={[{ required: true }]}
      >
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      {kind === 'booking' ? (
        <Typography.Text type="secondary">
          {t('The unit approves the booking; it holds the hours meanwhile.')}
        </Typography.Text>
      ) : null}
    </FormModal>
  );
}
