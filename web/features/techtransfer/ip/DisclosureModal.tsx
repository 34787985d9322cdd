import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IP_KINDS, type IpKind } from '../../../../common/ip.js';
import { type DisclosureView, ttApi } from '../../../api/techtransfer.js';
import { DateInput } from '../../../components/DateInput.js';
import { errorText, fieldErrors } from '../../../i18n/errors.js';
import { IP_KIND_LABELS } from '../labels.js';

interface Values {
  refNo: string;
  title: string;
  ipKind: IpKind;
  receivedDate: string;
  fundingSource?: string;
  firstPublicDisclosureDate?: string;
  inventors: { personId?: string | null; name: string; sharePct: number }[];
}

/** Shares are percent with two decimals; they must add up to exactly 100 (compared in hundredths). */
export const sharesTotal = (shares: readonly (number | null | undefined)[]): number =>
  shares.reduce<number>((n, s) => n + Math.round((s ?? 0) * 100), 0) / 100;

/** Records an invention disclosure with its inventors and their shares, or edits one. */
export function DisclosureModal({
  platformId,
  disclosure,
  open,
  onClose,
  onDone,
}: {
  platformId: string;
  disclosure: DisclosureView | null;
  open: boolean;
  onClose(): void;
  onDone(d: DisclosureView): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const inventors = Form.useWatch('inventors', form) ?? [];
  const total = sharesTotal(inventors.map((i) => i?.sharePct));

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      disclosure
        ? {
            refNo: disclosure.refNo,
            title: disclosure.title,
            ipKind: disclosure.ipKind,
            receivedDate: disclosure.receivedDate,
            fundingSource: disclosure.fundingSource ?? undefined,
            firstPublicDisclosureDate: disclosure.firstPublicDisclosureDate ?? undefined,
            inventors: disclosure.inventors.map((i) => ({
              personId: i.personId,
              name: i.name,
              sharePct: i.sharePct,
            })),
          }
        : {
            ipKind: 'patentable',
            receivedDate: new Date().toISOString().slice(0, 10),
            inventors: [{ name: '', sharePct: 100 }],
          },
    );
  }, [open, disclosure, form]);

  const submit = async (v: Values) => {
    setSaving(true);
    const body = {
      refNo: v.refNo.trim(),
      title: v.title.trim(),
      ipKind: v.ipKind,
      receivedDate: v.receivedDate,
      fundingSource: v.fundingSource?.trim() || null,
      firstPublicDisclosureDate: v.firstPublicDisclosureDate || null,
      inventors: v.inventors.map((i) => ({
        ...(i.personId ? { personId: i.personId } : {}),
        name: i.name.trim(),
        sharePct: i.sharePct,
      })),
    };
    try {
      const saved = disclosure
        ? await ttApi.updateDisclosure(disclosure.id, body)
        : await ttApi.createDisclosure(platformId, body);
      message.success(disclosure ? t('Disclosure saved') : t('Disclosure recorded'));
      onDone(saved);
    } catch (err) {
      form.setFields(fieldErrors(t, err));
      message.error(errorText(t, err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={disclosure ? t('Edit disclosure') : t('New invention disclosure')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('Save')}
      cancelText={t('Cancel')}
      confirmLoading={saving}
      width={720}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid="disclosure-form">
        <Space wrap style={{ width: '100%' }}>
          <Form.Item
            name="refNo"
            label={t('Reference number')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={60} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="ipKind" label={t('Kind of IP')} rules={[{ required: true }]}>
            <Select
              style={{ width: 220 }}
              options={IP_KINDS.map((k) => ({ value: k, label: t(IP_KIND_LABELS[k]) }))}
            />
          </Form.Item>
          <Form.Item name="receivedDate" label={t('Received on')} rules={[{ required: true }]}>
            <DateInput />
          </Form.Item>
        </Space>
        <Form.Item name="title" label={t('Invention title')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Space wrap style={{ width: '100%' }}>
          <Form.Item name="fundingSource" label={t('Funding source')}>
            <Input maxLength={300} style={{ width: 320 }} />
          </Form.Item>
          <Form.Item name="firstPublicDisclosureDate" label={t('First public disclosure on')}>
            <DateInput />
          </Form.Item>
        </Space>
        <Typography.Text strong>{t('Inventors')}</Typography.Text>
        <Form.List name="inventors">
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true }]}>
                    <Input placeholder={t('Inventor name')} maxLength={200} style={{ width: 280 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'sharePct']} rules={[{ required: true }]}>
                    <InputNumber min={0.01} max={100} step={0.01} suffix="%" style={{ width: 140 }} />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                </Space>
              ))}
              <Space>
                <Button icon={<PlusOutlined />} onClick={() => add({ name: '', sharePct: 0 })}>
                  {t('Add inventor')}
                </Button>
                <Typography.Text type={total === 100 ? 'success' : 'danger'} data-testid="shares-total">
                  {t('Shares add up to {{total}}%', { total })}
                </Typography.Text>
              </Space>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
