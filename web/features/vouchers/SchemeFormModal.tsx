import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { SERVICE_KINDS } from '../../../common/services.js';
import { ENTERPRISE_SIZES, type SchemeRules } from '../../../common/vouchers.js';
import { api } from '../../api/endpoints.js';
import { type Scheme, type SchemeInput, vouchersApi } from '../../api/vouchers.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { BilingualFields } from '../../components/BilingualFields.js';
import { DateRange } from '../../components/DateRange.js';
import { FormModal } from '../../components/FormModal.js';
import { localName } from '../../components/labels.js';
import { MoneyInput } from '../../components/MoneyInput.js';
import { KIND_LABELS } from '../../components/service-labels.js';
import { SIZE_LABELS } from './labels.js';

/** The form's shape: the rules flattened where antd needs lists (region shares), dates as Dayjs. */
interface Values {
  nameZh: string;
  nameEn: string;
  currency: string;
  validity: [Dayjs, Dayjs];
  lottery: boolean;
  sizes: SchemeRules['eligibility']['sizes'];
  regions: string[];
  minYearsRegistered: number;
  maxYearsRegistered?: number | null;
  defaultShare: number;
  regionShares?: { region: string; percent: number }[];
  localProviderBonus: number;
  maxShare: number;
  perEnterprisePerYearMinor: number;
  perControllerPerYearMinor: number;
  providers?: { unitId: string; region: string }[];
  serviceKinds: SchemeRules['serviceKinds'];
}

const toValues = (s: Scheme | null): Partial<Values> =>
  s
    ? {
        nameZh: s.nameZh,
        nameEn: s.nameEn,
        currency: s.currency,
        validity: [dayjs(s.validFrom), dayjs(s.validTo)],
        lottery: s.lottery,
        sizes: s.rules.eligibility.sizes,
        regions: s.rules.eligibility.regions,
        minYearsRegistered: s.rules.eligibility.minYearsRegistered,
        maxYearsRegistered: s.rules.eligibility.maxYearsRegistered,
        defaultShare: s.rules.sharePercent.default,
        regionShares: Object.entries(s.rules.sharePercent.byRegion).map(([region, percent]) => ({
          region,
          percent,
        })),
        localProviderBonus: s.rules.sharePercent.localProviderBonus,
        maxShare: s.rules.sharePercent.max,
        perEnterprisePerYearMinor: s.rules.caps.perEnterprisePerYearMinor,
        perControllerPerYearMinor: s.rules.caps.perControllerPerYearMinor,
        providers: s.rules.providers,
        serviceKinds: s.rules.serviceKinds,
      }
    : {
        currency: 'CNY',
        lottery: false,
        sizes: ['micro', 'small', 'medium'],
        regions: [],
        minYearsRegistered: 0,
        defaultShare: 40,
        localProviderBonus: 0,
        maxShare: 80,
        serviceKinds: ['testing', 'calibration'],
      };

const toInput = (v: Values): SchemeInput => ({
  nameZh: v.nameZh,
  nameEn: v.nameEn,
  currency: v.currency,
  validFrom: v.validity[0].format('YYYY-MM-DD'),
  validTo: v.validity[1].format('YYYY-MM-DD'),
  lottery: v.lottery,
  rules: {
    eligibility: {
      sizes: v.sizes,
      regions: v.regions ?? [],
      fieldIds: [],
      minYearsRegistered: v.minYearsRegistered,
      maxYearsRegistered: v.maxYearsRegistered ?? null,
    },
    sharePercent: {
      default: v.defaultShare,
      byRegion: Object.fromEntries((v.regionShares ?? []).map((r) => [r.region, r.percent])),
      localProviderBonus: v.localProviderBonus,
      max: v.maxShare,
    },
    caps: {
      perEnterprisePerYearMinor: v.perEnterprisePerYearMinor,
      perControllerPerYearMinor: v.perControllerPerYearMinor,
    },
    providers: v.providers ?? [],
    serviceKinds: v.serviceKinds,
  },
});

/** A scheme's rules as data (eligibility, shares by region, caps, providers, kinds, validity), as a draft. */
export function SchemeFormModal({
  platformId,
  scheme,
  onClose,
  onDone,
}: {
  platformId: string;
  scheme: Scheme | null;
  onClose(): void;
  onDone(s: Scheme): void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [form] = Form.useForm<Values>();
  const currency = Form.useWatch('currency', form) ?? scheme?.currency ?? 'CNY';
  const units = useApi(() => api.units(platformId), [platformId]);
  const unitOptions = (units.data?.items ?? []).map((u) => ({ value: u.id, label: localName(u, locale) }));
  const percent = <InputNumber min={0} max={100} precision={0} suffix="%" />;
  return (
    <FormModal<Values>
      open
      title={scheme ? t('Edit the scheme') : t('New voucher scheme')}
      okText={scheme ? t('Save') : t('Create')}
      onCancel={onClose}
      form={form}
      initialValues={toValues(scheme)}
      width={820}
      formTestId="scheme-form"
      onSubmit={async (v) => {
        const body = toInput(v);
        onDone(
          scheme
            ? await vouchersApi.updateScheme(scheme.id, body)
            : await vouchersApi.createScheme(platformId, body),
        );
      }}
    >
      <BilingualFields
        zh={{ name: 'nameZh', label: t('Scheme name (Chinese)') }}
        en={{ name: 'nameEn', label: t('Scheme name (English)') }}
      />
      <Space wrap>
        <Form.Item name="currency" label={t('Currency')} rules={[{ required: true }]}>
          <Select
            style={{ width: 100 }}
            options={['CNY', 'USD', 'EUR'].map((c) => ({ value: c, label: c }))}
          />
        </Form.Item>
        <Form.Item name="validity" label={t('Valid from and to')} rules={[{ required: true }]}>
          <DateRange label={t('Valid from and to')} />
        </Form.Item>
        <Form.Item name="lottery" valuePropName="checked" label=" ">
          <Checkbox>{t('Issue by lottery')}</Checkbox>
        </Form.Item>
      </Space>
      <Typography.Title level={5}>{t('Eligibility')}</Typography.Title>
      <Space wrap>
        <Form.Item name="sizes" label={t('Enterprise sizes')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            style={{ minWidth: 260 }}
            options={ENTERPRISE_SIZES.map((s) => ({ value: s, label: t(SIZE_LABELS[s]) }))}
          />
        </Form.Item>
        <Form.Item name="regions" label={t('Eligible regions (empty: any)')}>
          <Select mode="tags" style={{ minWidth: 220 }} open={false} />
        </Form.Item>
        <Form.Item
          name="minYearsRegistered"
          label={t('Registered at least (years)')}
          rules={[{ required: true }]}
        >
          <InputNumber min={0} max={100} precision={0} />
        </Form.Item>
        <Form.Item name="maxYearsRegistered" label={t('Registered at most (years)')}>
          <InputNumber min={0} max={200} precision={0} />
        </Form.Item>
      </Space>
      <Typography.Title level={5}>{t('Share of the price the voucher pays')}</Typography.Title>
      <Space wrap>
        <Form.Item name="defaultShare" label={t('Default share')} rules={[{ required: true }]}>
          {percent}
        </Form.Item>
        <Form.Item
          name="localProviderBonus"
          label={t('Bonus for a provider in the same region')}
          rules={[{ required: true }]}
        >
          {percent}
        </Form.Item>
        <Form.Item name="maxShare" label={t('Highest share')} rules={[{ required: true }]}>
          {percent}
        </Form.Item>
      </Space>
      <Form.List name="regionShares">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline">
                <Form.Item name={[f.name, 'region']} label={t('Region')} rules={[{ required: true }]}>
                  <Input style={{ width: 160 }} />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'percent']}
                  label={t('Share for the region')}
                  rules={[{ required: true }]}
                >
                  {percent}
                </Form.Item>
                <MinusCircleOutlined aria-label={t('Remove')} onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} style={{ marginBottom: 16 }}>
              {t('Add a share for a region')}
            </Button>
          </>
        )}
      </Form.List>
      <Typography.Title level={5}>{t('Caps per year')}</Typography.Title>
      <Space wrap>
        <Form.Item name="perEnterprisePerYearMinor" label={t('Per enterprise')} rules={[{ required: true }]}>
          <MoneyInput currency={currency} testId="cap-enterprise" />
        </Form.Item>
        <Form.Item
          name="perControllerPerYearMinor"
          label={t('Per actual controller')}
          rules={[{ required: true }]}
        >
          <MoneyInput currency={currency} testId="cap-controller" />
        </Form.Item>
      </Space>
      <Typography.Title level={5}>{t('Eligible providers and services')}</Typography.Title>
      <Form.List name="providers">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline">
                <Form.Item name={[f.name, 'unitId']} label={t('Unit')} rules={[{ required: true }]}>
                  <Select
                    style={{ width: 280 }}
                    options={unitOptions}
                    showSearch={{ optionFilterProp: 'label' }}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'region']} label={t('Region')} rules={[{ required: true }]}>
                  <Input style={{ width: 140 }} />
                </Form.Item>
                <MinusCircleOutlined aria-label={t('Remove')} onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} style={{ marginBottom: 16 }}>
              {t('Add a provider (none: every unit)')}
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item name="serviceKinds" label={t('Kinds of service')} rules={[{ required: true }]}>
        <Select
          mode="multiple"
          options={SERVICE_KINDS.map((k) => ({ value: k, label: t(KIND_LABELS[k]) }))}
        />
      </Form.Item>
    </FormModal>
  );
}
