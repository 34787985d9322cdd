import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OTHER_IP_KINDS, OTHER_IP_STATUSES } from '../../../../common/ip.js';
import { type CreateOtherAssetBody, type OtherAssetView, ttApi } from '../../../api/techtransfer.js';
import { useApi } from '../../../app/useApi.js';
import { DateInput } from '../../../components/DateInput.js';
import { clippedText, WIDE } from '../../../components/tables.js';
import { errorText, fieldErrors } from '../../../i18n/errors.js';
import { OTHER_IP_KIND_LABELS, OTHER_IP_STATUS_LABELS } from '../labels.js';

type Values = Omit<CreateOtherAssetBody, 'registrationNumber' | 'filingDate' | 'registrationDate'> & {
  registrationNumber?: string;
  filingDate?: string;
  registrationDate?: string;
};

/** Copyright and software registrations and trademarks, with a form to register one. */
export function OtherIpTab({
  platformId,
  version,
  onChanged,
}: {
  platformId: string;
  version: number;
  onChanged(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const list = useApi(() => ttApi.otherAssets(platformId), [platformId, version]);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      await ttApi.createOtherAsset(platformId, {
        kind: v.kind,
        title: v.title.trim(),
        jurisdiction: v.jurisdiction.trim().toUpperCase(),
        registrationNumber: v.registrationNumber?.trim() || null,
        filingDate: v.filingDate || null,
        registrationDate: v.registrationDate || null,
        ...(v.status ? { status: v.status } : {}),
      });
      message.success(t('Registered'));
      setOpen(false);
      onChanged();
    } catch (err) {
      form.setFields(fieldErrors(t, err));
      message.error(errorText(t, err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => {
            form.resetFields();
            form.setFieldsValue({ kind: 'software', jurisdiction: 'CN' });
            setOpen(true);
          }}
          data-testid="other-ip-new"
        >
          {t('Register other IP')}
        </Button>
      </Space>
      {list.error ? <Alert type="error" showIcon title={errorText(t, list.error)} /> : null}
      <Table<OtherAssetView>
        scroll={WIDE}
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        data-testid="other-ip-table"
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: t('Kind'), render: (_, a) => <Tag>{t(OTHER_IP_KIND_LABELS[a.kind])}</Tag> },
          { title: t('Name'), dataIndex: 'title', ...clippedText(320) },
          { title: t('Patent office'), dataIndex: 'jurisdiction', width: 80 },
          { title: t('Registration number'), render: (_, a) => a.registrationNumber ?? '—' },
          { title: t('Filed on'), render: (_, a) => a.filingDate ?? '—' },
          { title: t('Registered on'), render: (_, a) => a.registrationDate ?? '—' },
          { title: t('Status'), render: (_, a) => t(OTHER_IP_STATUS_LABELS[a.status]) },
        ]}
      />
      <Modal
        open={open}
        title={t('Register other IP')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('Save')}
        cancelText={t('Cancel')}
        confirmLoading={saving}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="kind" label={t('Kind')} rules={[{ required: true }]}>
            <Select options={OTHER_IP_KINDS.map((k) => ({ value: k, label: t(OTHER_IP_KIND_LABELS[k]) }))} />
          </Form.Item>
          <Form.Item name="title" label={t('Name')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={500} />
          </Form.Item>
          <Space wrap>
            <Form.Item
              name="jurisdiction"
              label={t('Patent office')}
              rules={[{ required: true, pattern: /^[A-Za-z]{2}$/ }]}
            >
              <Input maxLength={2} style={{ width: 80 }} />
            </Form.Item>
            <Form.Item name="registrationNumber" label={t('Registration number')}>
              <Input maxLength={60} />
            </Form.Item>
          </Space>
          <Space wrap>
            <Form.Item name="filingDate" label={t('Filed on')}>
              <DateInput />
            </Form.Item>
            <Form.Item name="registrationDate" label={t('Registered on')}>
              <DateInput />
            </Form.Item>
            <Form.Item name="status" label={t('Status')}>
              <Select
                allowClear
                style={{ width: 140 }}
                options={OTHER_IP_STATUSES.map((k) => ({ value: k, label: t(OTHER_IP_STATUS_LABELS[k]) }))}
              />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
    </Space>
  );
}
