import { App, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { UNIT_KINDS, type UnitKind } from '../../../common/platforms.js';
import { api } from '../../api/endpoints.js';
import type { UnitView } from '../../api/types.js';
import { useLocale } from '../../app/locale.js';
import { FieldTreeSelect } from '../../components/FieldTreeSelect.js';
import { FormModal } from '../../components/FormModal.js';
import { localName, UNIT_KIND_LABELS } from '../../components/labels.js';
import { PersonPicker } from '../../components/PersonPicker.js';

interface UnitValues {
  kind: UnitKind;
  nameZh: string;
  nameEn: string;
  code?: string | null;
  directorPersonId?: string | null;
  fieldIds: string[];
  descriptionZh?: string | null;
  descriptionEn?: string | null;
  sortOrder?: number | null;
}

const blankToNull = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

interface Props {
  platformId: string;
  /** null: a new unit. */
  unit: UnitView | null;
  open: boolean;
  onClose(): void;
  onDone(unit: UnitView): void;
}

/** Create or edit a lab, centre or office: names, code, director, fields and description. */
export function UnitFormModal({ platformId, unit, open, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitValues>();

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(
      unit
        ? {
            kind: unit.kind,
            nameZh: unit.nameZh,
            nameEn: unit.nameEn,
            code: unit.code,
            directorPersonId: unit.director?.id ?? null,
            fieldIds: unit.fields.map((f) => f.id),
            descriptionZh: unit.descriptionZh,
            descriptionEn: unit.descriptionEn,
            sortOrder: unit.sortOrder,
          }
        : { kind: 'laboratory', fieldIds: [] },
    );
  }, [open, unit, form]);

  const submit = async (v: UnitValues) => {
    const body = {
      kind: v.kind,
      nameZh: v.nameZh.trim(),
      nameEn: v.nameEn.trim(),
      code: blankToNull(v.code),
      descriptionZh: blankToNull(v.descriptionZh),
      descriptionEn: blankToNull(v.descriptionEn),
      ...(v.sortOrder === null || v.sortOrder === undefined ? {} : { sortOrder: v.sortOrder }),
      // Directors are people; only those who may see them get the field (and may change it).
      ...(unit && !unit.personalDetails ? {} : { directorPersonId: v.directorPersonId ?? null }),
    };
    let saved: UnitView;
    if (unit) {
      saved = await api.updateUnit(unit.id, body);
      const before = unit.fields
        .map((f) => f.id)
        .sort()
        .join();
      if ([...v.fieldIds].sort().join() !== before) saved = await api.setUnitFields(unit.id, v.fieldIds);
    } else {
      saved = await api.createUnit(platformId, { ...body, fieldIds: v.fieldIds });
    }
    message.success(t('Unit {{name}} saved', { name: localName(saved, locale) }));
    onDone(saved);
  };

  return (
    <FormModal<UnitValues>
      open={open}
      title={unit ? t('Edit unit') : t('New unit')}
      okText={unit ? t('Save') : t('Create')}
      onCancel={onClose}
      form={form}
      onSubmit={submit}
      width={720}
      formTestId="unit-form"
      modal={{ forceRender: true, styles: { body: { maxHeight: '68vh', overflowY: 'auto' } } }}
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
        <Col span={8}>
          <Form.Item name="kind" label={t('Kind')} rules={[{ required: true }]}>
            <Select options={UNIT_KINDS.map((k) => ({ value: k, label: t(UNIT_KIND_LABELS[k]) }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="code" label={t('Code')}>
            <Input maxLength={32} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="sortOrder" label={t('Order')}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {(!unit || unit.personalDetails) && (
        <Form.Item name="directorPersonId" label={t('Director')}>
          <PersonPicker current={unit?.director ?? null} testId="unit-director" />
        </Form.Item>
      )}
      <Form.Item name="fieldIds" label={t('Technology fields')}>
        <FieldTreeSelect keep={unit?.fields} testId="unit-fields" />
      </Form.Item>
      <Form.Item name="descriptionZh" label={t('Description (Chinese)')}>
        <Input.TextArea rows={2} maxLength={4000} />
      </Form.Item>
      <Form.Item name="descriptionEn" label={t('Description (English)')}>
        <Input.TextArea rows={2} maxLength={4000} />
      </Form.Item>
    </FormModal>
  );
}
