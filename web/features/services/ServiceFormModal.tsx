import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { PRICE_RULES, SERVICE_KINDS } from '../../../common/services.js';
import { api } from '../../api/endpoints.js';
import { type Service, type ServiceInput, servicesApi } from '../../api/services.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { BilingualFields } from '../../components/BilingualFields.js';
import { FormModal } from '../../components/FormModal.js';
import { localName } from '../../components/labels.js';
import { MoneyInput } from '../../components/MoneyInput.js';
import { KIND_LABELS, PRICE_RULE_LABELS } from '../../components/service-labels.js';

type Values = Omit<ServiceInput, 'methodStandard'> & { methodStandard?: string };

const CURRENCIES = ['CNY', 'USD', 'EUR'];

/** Drafts a new service or edits one: both languages, price rule in minor units, accreditation. */
export function ServiceFormModal({
  platformId,
  service,
  open,
  onClose,
  onDone,
}: {
  platformId: string;
  service: Service | null;
  open: boolean;
  onClose(): void;
  onDone(s: Service): void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [form] = Form.useForm<Values>();
  const currency = Form.useWatch('currency', form) ?? service?.currency ?? 'CNY';
  const units = useApi(() => api.units(platformId), [platformId]);
  const fields = useApi(() => api.fields(), []);
  const initial: Partial<Values> = service
    ? {
        ...service,
        unitId: service.unit.id,
        methodStandard: service.methodStandard ?? undefined,
      }
    : { kind: 'testing', priceRule: 'fixed', currency: 'CNY', turnaroundDays: 10, capacityPerMonth: 20 };
  return (
    <FormModal<Values>
      open={open}
      title={service ? t('Edit service') : t('New service')}
      okText={service ? t('Save') : t('Create')}
      onCancel={onClose}
      form={form}
      initialValues={initial}
      width={760}
      formTestId="service-form"
      onSubmit={async (v) => {
        const body: ServiceInput = {
          ...v,
          methodStandard: v.methodStandard?.trim() || null,
          accreditations: v.accreditations ?? [],
          fieldIds: v.fieldIds ?? [],
        };
        onDone(
          service ? await servicesApi.update(service.id, body) : await servicesApi.create(platformId, body),
        );
      }}
    >
      <Form.Item name="unitId" label={t('Unit')} rules={[{ required: true }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: localName(u, locale) }))}
        />
      </Form.Item>
      <Form.Item name="kind" label={t('Kind of service')} rules={[{ required: true }]}>
        <Select options={SERVICE_KINDS.map((k) => ({ value: k, label: t(KIND_LABELS[k]) }))} />
      </Form.Item>
      <BilingualFields
        zh={{ name: 'nameZh', label: t('Service name (Chinese)') }}
        en={{ name: 'nameEn', label: t('Service name (English)') }}
      />
      <Form.Item name="descriptionZh" label={t('Description (Chinese)')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item name="descriptionEn" label={t('Description (English)')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
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
      <Form.Item name="methodStandard" label={t('Method or standard followed')}>
        <Input maxLength={300} placeholder="GB/T 27025, ISO/IEC 17025 …" />
      </Form.Item>
      <Form.Item label={t('Accreditation')}>
        <Form.List name="accreditations">
          {(items, { add, remove }) => (
            <>
              {items.map((item) => (
                <Space key={item.key} align="baseline">
                  <Form.Item name={[item.name, 'body']} rules={[{ required: true }]}>
                    <Input placeholder="CNAS" maxLength={20} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'number']} rules={[{ required: true }]}>
                    <Input placeholder="L0001" maxLength={60} style={{ width: 220 }} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(item.name)} aria-label={t('Remove')} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                {t('Add an accreditation')}
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Space wrap>
        <Form.Item name="priceRule" label={t('Price rule')} rules={[{ required: true }]}>
          <Select
            style={{ width: 160 }}
            options={PRICE_RULES.map((r) => ({ value: r, label: t(PRICE_RULE_LABELS[r]) }))}
          />
        </Form.Item>
        <Form.Item name="priceMinor" label={t('Price')} rules={[{ required: true }]}>
          <MoneyInput currency={currency} testId="service-price" />
        </Form.Item>
        <Form.Item name="currency" label={t('Currency')} rules={[{ required: true }]}>
          <Select style={{ width: 100 }} options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        <Form.Item name="turnaroundDays" label={t('Turnaround (days)')} rules={[{ required: true }]}>
          <InputNumber min={1} max={3650} precision={0} />
        </Form.Item>
        <Form.Item name="capacityPerMonth" label={t('Capacity per month')} rules={[{ required: true }]}>
          <InputNumber min={1} max={100000} precision={0} />
        </Form.Item>
      </Space>
    </FormModal>
  );
}
