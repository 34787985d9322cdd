import { App, Button, DatePicker, Form, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { reviewRunsApi } from '../../api/review-runs.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { pick } from '../../components/labels.js';
import { errorText } from '../../i18n/errors.js';

interface Values {
  ruleSetId: string;
  academic: number;
  industry: number;
  lab: number;
  loadMin: number;
  loadMax: number;
  hybridTopN: number;
  responseDays: number;
  scoringClosesAt: Dayjs | null;
}

/** A call's review settings: composition, loads, hybrid top-N, the reply window and scoring's end. */
export function ReviewSettingsForm({ callId, platformId }: { callId: string; platformId: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const ruleSets = useApi(() => reviewRunsApi.ruleSets(platformId), [platformId]);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const settings = useApi(() => reviewRunsApi.settings(callId), [callId]);
  useEffect(() => {
    const s = settings.data;
    if (!s) return;
    form.setFieldsValue({
      ruleSetId: s.ruleSetId,
      academic: s.composition.academic,
      industry: s.composition.industry,
      lab: s.composition.lab ?? 0,
      loadMin: s.loadMin,
      loadMax: s.loadMax,
      hybridTopN: s.hybridTopN,
      responseDays: s.responseDays,
      scoringClosesAt: s.scoringClosesAt ? dayjs(s.scoringClosesAt) : null,
    });
  }, [settings.data, form]);
  const save = (v: Values) =>
    reviewRunsApi
      .saveSettings(callId, {
        ruleSetId: v.ruleSetId,
        composition: { academic: v.academic, industry: v.industry, lab: v.lab },
        loadMin: v.loadMin,
        loadMax: v.loadMax,
        hybridTopN: v.hybridTopN,
        responseDays: v.responseDays,
        scoringClosesAt: v.scoringClosesAt ? v.scoringClosesAt.toISOString() : null,
      })
      .then(() => {
        message.success(t('Review settings saved'));
        settings.reload();
      })
      .catch((err: unknown) => message.error(errorText(t, err)));
  const n = (name: keyof Values, label: string, min = 0) => (
    <Form.Item name={name} label={label} rules={[{ required: true }]}>
      <InputNumber min={min} max={100} style={{ width: 90 }} data-testid={`settings-${name}`} />
    </Form.Item>
  );
  return (
    <Form<Values> form={form} layout="inline" onFinish={save} data-testid="review-settings">
      <Space wrap>
        <Form.Item name="ruleSetId" label={t('Conflict rules')} rules={[{ required: true }]}>
          <Select
            style={{ width: 220 }}
            data-testid="settings-rule-set"
            options={(ruleSets.data?.items ?? []).map((r) => ({
              value: r.id,
              label: `${pick(r.nameZh, r.nameEn, locale)} v${r.version}`,
            }))}
          />
        </Form.Item>
        {n('academic', t('Academic (min.)'))}
        {n('industry', t('Industry (min.)'))}
        {n('lab', t('Laboratory (min.)'))}
        {n('loadMin', t('Load min'))}
        {n('loadMax', t('Load max'))}
        {n('hybridTopN', t('Hybrid top N'), 1)}
        {n('responseDays', t('Days to answer'), 1)}
        <Form.Item name="scoringClosesAt" label={t('Scoring closes at')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="save-review-settings">
          {t('Save')}
        </Button>
      </Space>
    </Form>
  );
}
