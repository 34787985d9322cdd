import { Alert, App, Button, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currencyDigits } from '../../../../common/platforms.js';
import { ttApi } from '../../../api/techtransfer.js';
import { useLocale } from '../../../app/locale.js';
import { useApi } from '../../../app/useApi.js';
import { formatMoney, toMajor, toMinor } from '../../../components/money.js';
import { errorText, fieldErrors } from '../../../i18n/errors.js';

interface Values {
  name: string;
  currency: string;
  inventorFirst: number;
  inventorSharePct: number;
}

/**
 * The platform's rule for sharing licence income with inventors: a first amount per agreement and
 * calendar year in full, then a share of the rest (US federal labs: the first $2,000, then at least 15 %;
 * 中国: at least 50 %). Each receipt recorded after a change is distributed by the rule then in force.
 */
export function DistributionRuleCard({ platformId, currency }: { platformId: string; currency: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [version, setVersion] = useState(0);
  const loaded = useApi(() => ttApi.distributionRule(platformId), [platformId, version]);
  const rule = loaded.data?.rule;

  useEffect(() => {
    if (rule) {
      form.setFieldsValue({
        name: rule.name,
        currency: rule.currency,
        inventorFirst: toMajor(rule.inventorFirstMinor, currencyDigits(rule.currency)),
        inventorSharePct: rule.inventorSharePct,
      });
    } else {
      form.setFieldsValue({ currency, inventorFirst: 0, inventorSharePct: 50 });
    }
  }, [rule, currency, form]);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      await ttApi.setDistributionRule(platformId, {
        name: v.name.trim(),
        currency: v.currency,
        inventorFirstMinor: toMinor(v.inventorFirst, currencyDigits(v.currency)),
        inventorSharePct: v.inventorSharePct,
      });
      message.success(t('Distribution rule saved'));
      setVersion((n) => n + 1);
    } catch (err) {
      form.setFields(fieldErrors(t, err));
      message.error(errorText(t, err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ maxWidth: 640 }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t(
          'Inventors receive the first amount of each calendar year’s income per agreement in full, then their share of the rest, split by their shares in the linked disclosures; the rest goes to the agreement’s unit, or to the platform when it names none.',
        )}
      </Typography.Paragraph>
      {loaded.error ? <Alert type="error" showIcon title={errorText(t, loaded.error)} /> : null}
      {rule === null && <Alert type="info" showIcon title={t('No rule yet: receipts are not distributed')} />}
      {rule && (
        <Typography.Text data-testid="distribution-rule-current">
          {rule.name}:{' '}
          {formatMoney(rule.inventorFirstMinor, rule.currency, currencyDigits(rule.currency), locale)} +{' '}
          {rule.inventorSharePct}%
        </Typography.Text>
      )}
      <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="distribution-rule-form">
        <Form.Item name="name" label={t('Rule name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="inventorFirst" label={t('First amount to inventors')} rules={[{ required: true }]}>
            <InputNumber min={0} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item
            name="currency"
            label={t('Currency')}
            rules={[{ required: true, pattern: /^[A-Z]{3}$/ }]}
          >
            <Input maxLength={3} style={{ width: 80 }} />
          </Form.Item>
          <Form.Item
            name="inventorSharePct"
            label={t('Inventors’ share of the rest (%)')}
            rules={[{ required: true }]}
          >
            <InputNumber min={0} max={100} step={0.01} style={{ width: 160 }} />
          </Form.Item>
        </Space>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('Save')}
        </Button>
      </Form>
    </Space>
  );
}
