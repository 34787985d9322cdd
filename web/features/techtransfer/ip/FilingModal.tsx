import { App, Form, Input, Modal, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FILING_STATUSES, FILING_TYPES, type FilingType } from '../../../../common/ip.js';
import { type DisclosureView, type FilingView, ttApi } from '../../../api/techtransfer.js';
import { DateInput } from '../../../components/DateInput.js';
import { errorText, fieldErrors } from '../../../i18n/errors.js';
import { FILING_STATUS_LABELS, FILING_TYPE_LABELS } from '../labels.js';

interface Values {
  jurisdiction: string;
  filingType: FilingType;
  parentFilingId?: string;
  applicationNumber?: string;
  publicationNumber?: string;
  patentNumber?: string;
  filingDate: string;
  publicationDate?: string;
  grantDate?: string;
  status?: FilingView['status'];
}

const orNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/** Files a patent application for a disclosure (optionally continuing a filing of its family), or edits one. */
export function FilingModal({
  disclosure,
  filing,
  open,
  onClose,
  onDone,
}: {
  disclosure: DisclosureView;
  filing: FilingView | null;
  open: boolean;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      filing
        ? {
            jurisdiction: filing.jurisdiction,
            filingType: filing.filingType,
            parentFilingId: filing.parentFilingId ?? undefined,
            applicationNumber: filing.applicationNumber ?? undefined,
            publicationNumber: filing.publicationNumber ?? undefined,
            patentNumber: filing.patentNumber ?? undefined,
            filingDate: filing.filingDate,
            publicationDate: filing.publicationDate ?? undefined,
            grantDate: filing.grantDate ?? undefined,
            status: filing.status,
          }
        : { jurisdiction: 'CN', filingType: 'utility', filingDate: new Date().toISOString().slice(0, 10) },
    );
  }, [open, filing, form]);

  const submit = async (v: Values) => {
    setSaving(true);
    const numbers = {
      applicationNumber: orNull(v.applicationNumber),
      publicationNumber: orNull(v.publicationNumber),
      patentNumber: orNull(v.patentNumber),
      filingDate: v.filingDate,
      publicationDate: v.publicationDate || null,
      grantDate: v.grantDate || null,
      ...(v.status ? { status: v.status } : {}),
    };
    try {
      if (filing) await ttApi.updateFiling(filing.id, numbers);
      else
        await ttApi.createFiling(disclosure.id, {
          ...numbers,
          jurisdiction: v.jurisdiction.trim().toUpperCase(),
          filingType: v.filingType,
          parentFilingId: v.parentFilingId ?? null,
        });
      message.success(filing ? t('Filing saved') : t('Filing recorded'));
      onDone();
    } catch (err) {
      form.setFields(fieldErrors(t, err));
      message.error(errorText(t, err));
    } finally {
      setSaving(false);
    }
  };

  const editing = filing !== null;
  return (
    <Modal
      open={open}
      title={editing ? t('Edit filing') : t('New patent filing')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('Save')}
      cancelText={t('Cancel')}
      confirmLoading={saving}
      width={680}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid="filing-form">
        <Space wrap>
          <Form.Item
            name="jurisdiction"
            label={t('Patent office')}
            rules={[
              {
                required: true,
                pattern: /^[A-Za-z]{2}$/,
                message: t('A two-letter office code such as CN, US, EP, WO'),
              },
            ]}
          >
            <Input disabled={editing} maxLength={2} style={{ width: 80 }} />
          </Form.Item>
          <Form.Item name="filingType" label={t('Type')} rules={[{ required: true }]}>
            <Select
              disabled={editing}
              style={{ width: 200 }}
              options={FILING_TYPES.map((k) => ({ value: k, label: t(FILING_TYPE_LABELS[k]) }))}
            />
          </Form.Item>
          <Form.Item name="parentFilingId" label={t('Claims priority from / continues')}>
            <Select
              disabled={editing}
              allowClear
              style={{ width: 260 }}
              options={disclosure.filings.map((f) => ({
                value: f.id,
                label: `${f.jurisdiction} ${t(FILING_TYPE_LABELS[f.filingType])} ${f.applicationNumber ?? f.filingDate}`,
              }))}
            />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="applicationNumber" label={t('Application number')}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="publicationNumber" label={t('Publication number')}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="patentNumber" label={t('Patent number')}>
            <Input maxLength={60} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="filingDate" label={t('Filed on')} rules={[{ required: true }]}>
            <DateInput />
          </Form.Item>
          <Form.Item name="publicationDate" label={t('Published on')}>
            <DateInput />
          </Form.Item>
          <Form.Item name="grantDate" label={t('Granted on')}>
            <DateInput />
          </Form.Item>
          <Form.Item name="status" label={t('Status')}>
            <Select
              allowClear
              style={{ width: 160 }}
              options={FILING_STATUSES.map((k) => ({ value: k, label: t(FILING_STATUS_LABELS[k]) }))}
            />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
