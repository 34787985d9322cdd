import { App, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.js';
import type { FieldTree, FieldView } from '../../api/types.js';
import { useLocale } from '../../app/locale.js';
import { FormModal } from '../../components/FormModal.js';
import { localName } from '../../components/labels.js';

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
  const field = edit && 'field' in edit ? edit.field : null;
  const hasChildren = !!field && !!tree?.items.find((f) => f.id === field.id)?.children.length;

  useEffect(() => {
    if (!edit) return;
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
    const body = {
      code: v.code.trim(),
      nameZh: v.nameZh.trim(),
      nameEn: v.nameEn.trim(),
      parentId: v.parentId ?? null,
      ...(v.sortOrder === null || v.sortOrder === undefined ? {} : { sortOrder: v.sortOrder }),
    };
    if (field) await api.updateField(field.id, body);
    else await api.createField(body);
    message.success(t('Field {{code}} saved', { code: body.code.toLowerCase() }));
    onDone();
  };

  const parents = (tree?.items ?? []).filter((f) => f.id !== field?.id);
  return (
    <FormModal<Values>
      open={!!edit}
      title={field ? t('Edit field') : t('New field')}
      okText={field ? t('Save') : t('Create')}
      onCancel={onClose}
      form={form}
      onSubmit={submit}
      width={640}
      formTestId="field-form"
      modal={{ forceRender: true }}
    >
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
          options={parents.map((f) => ({ value: f.id, label: localName(f, locale) }))}
        />
      </Form.Item>
    </FormModal>
  );
}
