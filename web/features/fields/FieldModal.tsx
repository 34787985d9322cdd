import { App, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.js';
import type { FieldTree, FieldView } from '../../api/types.js';
import { useLocale } from '../../app/locale.js';
import { fieldErrors } from '../../i18n/errors.js';
import { localName } from '../platforms/labels.js';
import { SaveFailed } from '../platforms/ui.js';

interface Values {
  code: string;
  nameZh: string;
  nameEn: string;
  parentId: string | null;
  sortOrder?: number | null;
}

export type FieldEdit = { field: FieldView } | { parentId: string | null };

interface Props {
  /** Edit a field, or add one under parentId (null: a top-level field); null closes the dialog. */
  edit: FieldEdit | null;
  tree: FieldTree | undefined;
  onClose(): void;
  onDone(): void;
}

/** Add or edit a field of the taxonomy: code, both names, its parent (two levels) and its order. */
export function FieldModal({ edit, tree, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const field = edit && 'field' in edit ? edit.field : null;
  const hasChildren = !!field && !!tree?.items.find((f) => f.id === field.id)?.children.length;

  useEffect(() => {
    if (!edit) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(
      'field' in edit
        ? {
            code: edit.field.code,
            nameZh: edit.field.nameZh,
            nameEn: edit.field.nameEn,
            parentId: edit.field.parentId,
            sortOrder: edit.field.sortOrder,
          }
        : { parentId: edit.parentId },
    );
  }, [edit, form]);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const body = {
      code: v.code.trim(),
      nameZh: v.nameZh.trim(),
      nameEn: v.nameEn.trim(),
      parentId: v.parentId ?? null,
      ...(v.sortOrder === null || v.sortOrder === undefined ? {} : { sortOrder: v.sortOrder }),
    };
    try {
      if (field) await api.updateField(field.id, body);
      else await api.createField(body);
      message.success(t('Field {{code}} saved', { code: body.code.toLowerCase() }));
      onDone();
    } catch (err) {
      setError(err);
      form.setFields(fieldErrors<Values>(t, err));
    } finally {
      setBusy(false);
    }
  };

  const parents = (tree?.items ?? []).filter((f) => f.id !== field?.id);
  return (
    <Modal
      open={!!edit}
      title={field ? t('Edit field') : t('New field')}
      okText={field ? t('Save') : t('Create')}
      cancelText={t('Cancel')}
      onOk={() => form.submit()}
      confirmLoading={busy}
      onCancel={onClose}
      width={640}
      forceRender
    >
      {error ? <SaveFailed error={error} /> : null}
      <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="field-form">
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="nameZh"
              label={t('Chinese name')}
              rules={[{ required: true, whitespace: true, message: t('Enter a name') }]}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="nameEn"
              label={t('English name')}
              rules={[{ required: true, whitespace: true, message: t('Enter a name') }]}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="code"
              label={t('Code')}
              rules={[{ required: true, whitespace: true, message: t('Enter a code') }]}
              extra={t(
                'Lower-case letters, digits, . _ -; sub-fields usually extend their field: energy.solar',
              )}
            >
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="sortOrder" label={t('Order')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="parentId"
          label={t('Parent field')}
          extra={hasChildren ? t('This field has sub-fields, so it stays a top-level field') : undefined}
        >
          <Select
            allowClear
            disabled={hasChildren}
            placeholder={t('None: a top-level field')}
            options={parents.map((f) => ({ value: f.id, label: `${localName(f, locale)} · ${f.code}` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
