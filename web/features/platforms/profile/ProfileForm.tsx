import { Alert, Button, Col, Form, Input, InputNumber, Row, Segmented, Select, Space, Switch } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RATING_MAX } from '../../../../common/platforms.js';
import { PLATFORM_MODELS, type PlatformModel } from '../../../../common/roles.js';
import type { PlatformProfile } from '../../../api/types.js';
import { MONTHS, RATING_LABELS } from '../../../components/labels.js';
import { useSubmit } from '../../../components/useSubmit.js';
import { errorText } from '../../../i18n/errors.js';
import { MODEL_LABELS } from '../../../i18n/labels.js';

/** The form's values: what PATCH /api/platforms/:id takes, with '' for an empty text box. */
export interface ProfileValues {
  code: string;
  nameZh: string;
  nameEn: string;
  model: PlatformModel;
  ratingFunding: number;
  ratingRd: number;
  ratingManagement: number;
  supervisingDepartmentZh?: string | null;
  supervisingDepartmentEn?: string | null;
  committeeAppointerZh?: string | null;
  committeeAppointerEn?: string | null;
  fiscalYearStartMonth: number;
  defaultCurrency: string;
  country?: string | null;
  foundedYear?: number | null;
  descriptionZh?: string | null;
  descriptionEn?: string | null;
  notes?: string | null;
  isIllustrative: boolean;
}

const OPTIONAL_TEXT = [
  'supervisingDepartmentZh',
  'supervisingDepartmentEn',
  'committeeAppointerZh',
  'committeeAppointerEn',
  'country',
  'descriptionZh',
  'descriptionEn',
  'notes',
] as const;

/** Empty boxes are sent as null (the server refuses blank strings). */
export function toBody(v: ProfileValues): ProfileValues {
  const out: ProfileValues = { ...v, foundedYear: v.foundedYear ?? null };
  for (const k of OPTIONAL_TEXT) out[k] = v[k]?.trim() ? v[k]!.trim() : null;
  return out;
}

export const NEW_PLATFORM: Partial<ProfileValues> = {
  model: 'gov_institute',
  ratingFunding: 0,
  ratingRd: 0,
  ratingManagement: 0,
  fiscalYearStartMonth: 1,
  defaultCurrency: 'CNY',
  country: 'CN',
  isIllustrative: false,
};

export const profileValues = (p: PlatformProfile): ProfileValues => ({
  code: p.code,
  nameZh: p.nameZh,
  nameEn: p.nameEn,
  model: p.model,
  ratingFunding: p.ratingFunding,
  ratingRd: p.ratingRd,
  ratingManagement: p.ratingManagement,
  supervisingDepartmentZh: p.supervisingDepartmentZh,
  supervisingDepartmentEn: p.supervisingDepartmentEn,
  committeeAppointerZh: p.committeeAppointerZh,
  committeeAppointerEn: p.committeeAppointerEn,
  fiscalYearStartMonth: p.fiscalYearStartMonth,
  defaultCurrency: p.defaultCurrency,
  country: p.country,
  foundedYear: p.foundedYear,
  descriptionZh: p.descriptionZh,
  descriptionEn: p.descriptionEn,
  notes: p.notes,
  isIllustrative: p.isIllustrative,
});

const RATINGS = [
  ['ratingFunding', 'funding'],
  ['ratingRd', 'rd'],
  ['ratingManagement', 'management'],
] as const;

interface Props {
  initial: Partial<ProfileValues>;
  submitLabel: string;
  onSubmit(values: ProfileValues): Promise<void>;
  onCancel(): void;
}

/** Create and edit share one form; the server's field errors land under their fields. */
export function ProfileForm({ initial, submitLabel, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ProfileValues>();
  const currencies = useMemo(
    () => Intl.supportedValuesOf('currency').map((c) => ({ value: c, label: c })),
    [],
  );
  const required = (message: string) => [{ required: true, whitespace: true, message }];

  const { submit, busy, error } = useSubmit(form, async (v: ProfileValues) => {
    await onSubmit(toBody(v));
  });

  const half = (node: ReactNode) => (
    <Col xs={24} md={12}>
      {node}
    </Col>
  );

  return (
    <Form<ProfileValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={submit}
      data-testid="platform-form"
      style={{ maxWidth: 960 }}
    >
      {error ? (
        <Alert type="error" showIcon title={errorText(t, error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Row gutter={16}>
        {half(
          <Form.Item name="nameZh" label={t('Chinese name')} rules={required(t('Enter a name'))}>
            <Input maxLength={200} />
          </Form.Item>,
        )}
        {half(
          <Form.Item name="nameEn" label={t('English name')} rules={required(t('Enter a name'))}>
            <Input maxLength={200} />
          </Form.Item>,
        )}
        {half(
          <Form.Item
            name="code"
            label={t('Code')}
            rules={required(t('Enter a code'))}
            extra={t('Letters, digits, _ and -; up to 32 characters')}
          >
            <Input maxLength={32} style={{ textTransform: 'uppercase' }} />
          </Form.Item>,
        )}
        {half(
          <Form.Item name="model" label={t('Construction model')} rules={[{ required: true }]}>
            <Select options={PLATFORM_MODELS.map((m) => ({ value: m, label: t(MODEL_LABELS[m]) }))} />
          </Form.Item>,
        )}
      </Row>
      <Form.Item label={t('Government participation')} extra={t('0 = none, 3 = the government leads')}>
        <Space size="large" wrap>
          {RATINGS.map(([name, dim]) => (
            <Space key={name} size={8}>
              <span>{t(RATING_LABELS[dim])}</span>
              <Form.Item name={name} noStyle>
                <Segmented
                  options={Array.from({ length: RATING_MAX + 1 }, (_, i) => i)}
                  data-testid={`rating-input-${dim}`}
                />
              </Form.Item>
            </Space>
          ))}
        </Space>
      </Form.Item>
      <Row gutter={16}>
        {half(
          <Form.Item name="supervisingDepartmentZh" label={t('Supervising department (Chinese)')}>
            <Input maxLength={200} />
          </Form.Item>,
        )}
        {half(
          <Form.Item name="supervisingDepartmentEn" label={t('Supervising department (English)')}>
            <Input maxLength={200} />
          </Form.Item>,
        )}
        {half(
          <Form.Item name="committeeAppointerZh" label={t('Committee appointed by (Chinese)')}>
            <Input maxLength={200} />
          </Form.Item>,
        )}
        {half(
          <Form.Item name="committeeAppointerEn" label={t('Committee appointed by (English)')}>
            <Input maxLength={200} />
          </Form.Item>,
        )}
        <Col xs={12} md={6}>
          <Form.Item name="fiscalYearStartMonth" label={t('Fiscal year starts')}>
            <Select options={MONTHS.map((m, i) => ({ value: i + 1, label: t(m) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="defaultCurrency" label={t('Default currency')} rules={[{ required: true }]}>
            <Select showSearch options={currencies} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="country" label={t('Country')} extra={t('Two-letter code, e.g. CN, US')}>
            <Input maxLength={2} style={{ textTransform: 'uppercase' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="foundedYear" label={t('Founded')}>
            <InputNumber min={1800} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        {half(
          <Form.Item name="descriptionZh" label={t('Description (Chinese)')}>
            <Input.TextArea rows={4} maxLength={4000} />
          </Form.Item>,
        )}
        {half(
          <Form.Item name="descriptionEn" label={t('Description (English)')}>
            <Input.TextArea rows={4} maxLength={4000} />
          </Form.Item>,
        )}
      </Row>
      <Form.Item
        name="isIllustrative"
        label={t('Illustrative record')}
        valuePropName="checked"
        extra={t('Some figures are plausible values rather than from a source; the note says which')}
      >
        <Switch />
      </Form.Item>
      <Form.Item name="notes" label={t('Notes')}>
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>
          {submitLabel}
        </Button>
        <Button onClick={onCancel}>{t('Cancel')}</Button>
      </Space>
    </Form>
  );
}
