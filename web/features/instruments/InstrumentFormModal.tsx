import { Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.js';
import { type Instrument, type InstrumentInput, instrumentsApi } from '../../api/instruments.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { BilingualFields } from '../../components/BilingualFields.js';
import { FormModal } from '../../components/FormModal.js';
import { localName } from '../../components/labels.js';
import { MoneyInput } from '../../components/MoneyInput.js';

const CURRENCIES = ['CNY', 'USD', 'EUR'];
const HOURS = Array.from({ length: 25 }, (_, h) => ({ value: h, label: `${String(h).padStart(2, '0')}:00` }));

/** Registers an instrument of a unit as a draft, or edits one: names in both languages, hours, share, rate. */
export function InstrumentFormModal({
  platformId,
  instrument,
  onClose,
  onDone,
}: {
  platformId: string;
  instrument: Instrument | null;
  onClose(): void;
  onDone(i: Instrument): void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [form] = Form.useForm<InstrumentInput>();
  const currency = Form.useWatch('currency', form) ?? instrument?.currency ?? 'CNY';
  const units = useApi(() => api.units(platformId), [platformId]);
  const fields = useApi(() => api.fields(), []);
  const initial: Partial<InstrumentInput> = instrument
    ? { ...instrument, unitId: instrument.unit.id }
    : {
        currency: 'CNY',
        openHour: 8,
        closeHour: 18,
        enterpriseSharePercent: 30,
        maxBookingHours: 8,
        fieldIds: [],
      };
  return (
    <FormModal<InstrumentInput>
      open
      title={instrument ? t('Edit instrument') : t('Register an instrument')}
      okText={instrument ? t('Save') : t('Create')}
      onCancel={onClose}
      form={form}
      initialValues={initial}
      width={760}
      formTestId="instrument-form"
      onSubmit={async (v) => {
        const body = { ...v, fieldIds: v.fieldIds ?? [] };
        onDone(
          instrument
            ? await instrumentsApi.update(instrument.id, body)
            : await instrumentsApi.create(platformId, body),
        );
      }}
    >
      <Form.Item name="unitId" label={t('Unit')} rules={[{ required: true }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: localName(u, locale) }))}
        />
      </Form.Item>
      <BilingualFields
        zh={{ name: 'nameZh', label: t('Instrument name (Chinese)') }}
        en={{ name: 'nameEn', label: t('Instrument name (English)') }}
      />
      <Space.Compact block>
        <Form.Item name="model" label={t('Model')} rules={[{ required: true }]} style={{ flex: 1 }}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="location" label={t('Location')} rules={[{ required: true }]} style={{ flex: 1 }}>
          <Input maxLength={300} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="fieldIds" label={t('Technology fields')}>
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          options={(fields.data?.items ?? []).map((f) => ({
            label: localName(f, locale),
            title: localName(f, locale),
            options: [f, ...f.children].map((c) => ({ value: c.id, label: localName(c, locale) })),
          }))}
        />
      </Form.Item>
      <Space wrap>
        <Form.Item name="currency" label={t('Currency')} rules={[{ required: true }]}>
          <Select style={{ width: 100 }} options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        <Form.Item name="valueMinor" label={t('Value of the instrument')} rules={[{ required: true }]}>
          <MoneyInput currency={currency} testId="instrument-value" />
        </Form.Item>
        <Form.Item name="hourlyRateMinor" label={t('Rate per machine hour')} rules={[{ required: true }]}>
          <MoneyInput currency={currency} testId="instrument-rate" />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item name="openHour" label={t('Opens at (UTC)')} rules={[{ required: true }]}>
          <Select style={{ width: 110 }} options={HOURS.slice(0, 24)} />
        </Form.Item>
        <Form.Item name="closeHour" label={t('Closes at (UTC)')} rules={[{ required: true }]}>
          <Select style={{ width: 110 }} options={HOURS.slice(1)} />
        </Form.Item>
        <Form.Item
          name="enterpriseSharePercent"
          label={t('Share kept for enterprises (%)')}
          rules={[{ required: true }]}
        >
          <InputNumber min={0} max={100} precision={0} />
        </Form.Item>
        <Form.Item name="maxBookingHours" label={t('Most hours per booking')} rules={[{ required: true }]}>
          <InputNumber min={1} max={168} precision={0} />
        </Form.Item>
      </Space>
    </FormModal>
  );
}
