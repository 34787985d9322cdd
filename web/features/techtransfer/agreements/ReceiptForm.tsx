import { App, Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RECEIPT_CATEGORIES, type ReceiptCategory } from '../../../../common/ip.js';
import { currencyDigits } from '../../../../common/platforms.js';
import { type AgreementView, ttApi } from '../../../api/techtransfer.js';
import { DateInput } from '../../../components/DateInput.js';
import { toMinor } from '../../../components/money.js';
import { errorText, fieldErrors } from '../../../i18n/errors.js';
import { RECEIPT_CATEGORY_LABELS } from '../labels.js';

interface Values {
  receivedDate: string;
  amount: number;
  currency: string;
  category: ReceiptCategory;
  note?: string;
}

/** Records money received on an agreement: date, amount (major units as typed), currency, category. */
export function ReceiptForm({ agreement, onDone }: { agreement: AgreementView; onDone(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const submit = async (v: Values) => {
    setSaving(true);
    try {
      await ttApi.createReceipt(agreement.id, {
        receivedDate: v.receivedDate,
        amountMinor: toMinor(v.amount, currencyDigits(v.currency)),
        currency: v.currency,
        category: v.category,
        note: v.note?.trim() ? v.note.trim() : null,
      });
      message.success(t('Receipt recorded'));
      form.resetFields();
      onDone();
    } catch (err) {
      form.setFields(fieldErrors(t, err));
      message.error(errorText(t, err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form<Values>
      form={form}
      layout="inline"
      onFinish={submit}
      initialValues={{
        currency: agreement.currency,
        category: 'earned_royalty',
        receivedDate: new Date().toISOString().slice(0, 10),
      }}
      data-testid="receipt-form"
      style={{ rowGap: 8 }}
    >
      <Form.Item name="receivedDate" label={t('Received on')} rules={[{ required: true }]}>
        <DateInput data-testid="receipt-date" />
      </Form.Item>
      <Form.Item name="amount" label={t('Amount')} rules={[{ required: true }]}>
        <InputNumber style={{ width: 160 }} data-testid="receipt-amount" />
      </Form.Item>
      <Form.Item name="currency" rules={[{ required: true, pattern: /^[A-Z]{3}$/ }]}>
        <Input maxLength={3} style={{ width: 72 }} aria-label={t('Currency')} />
      </Form.Item>
      <Form.Item name="category" label={t('Category')} rules={[{ required: true }]}>
        <Select
          style={{ width: 200 }}
          data-testid="receipt-category"
          options={RECEIPT_CATEGORIES.map((c) => ({ value: c, label: t(RECEIPT_CATEGORY_LABELS[c]) }))}
        />
      </Form.Item>
      <Form.Item name="note" label={t('Note')}>
        <Input maxLength={500} style={{ width: 200 }} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="receipt-save">
          {t('Record receipt')}
        </Button>
      </Space>
    </Form>
  );
}
