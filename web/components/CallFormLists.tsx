import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Space, Switch, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  ATTACHMENT_TYPES,
  type AttachmentType,
  CRITERIA,
  CRITERION_DIMENSION,
  weightsAddUp,
} from '../../common/calls.js';
import { tk } from '../i18n/index.js';
import { CheckboxGroup } from './CheckboxGroup.js';
import { CRITERIA_SHOWN } from './labels.js';
import { WIDE } from './tables.js';

export const ATTACHMENT_TYPE_LABELS: Record<AttachmentType, string> = {
  pdf: 'PDF',
  docx: 'DOCX',
  xlsx: 'XLSX',
  image: tk('Image (PNG/JPEG)'),
};

/** Criteria of the dual evaluation with their weights (summing to 1 or 100) and the score scale. */
export function CriteriaEditor() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const items = Form.useWatch(['criteria', 'items'], form) as { weight: number }[] | undefined;
  const sum = (items ?? []).reduce((s, i) => s + (i?.weight ?? 0), 0);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <span>{t('Score scale')}</span>
        {/* Not noStyle: the server's refusal of a scale (/criteria/scale/max) shows under its field. */}
        <Form.Item name={['criteria', 'scale', 'min']} style={{ marginBottom: 0 }}>
          <InputNumber<number> min={0} max={100} precision={0} aria-label={t('Lowest score')} />
        </Form.Item>
        <span>–</span>
        <Form.Item name={['criteria', 'scale', 'max']} style={{ marginBottom: 0 }}>
          <InputNumber<number> min={1} max={1000} precision={0} aria-label={t('Highest score')} />
        </Form.Item>
      </Space>
      <Table
        scroll={WIDE}
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={CRITERIA.map((key, i) => ({ key, i }))}
        columns={[
          {
            title: t('Criterion'),
            render: (_, r) => (
              <>
                <Form.Item name={['criteria', 'items', r.i, 'key']} hidden initialValue={r.key}>
                  <Input />
                </Form.Item>
                {t(CRITERIA_SHOWN[r.key])}
              </>
            ),
          },
          {
            title: t('Evaluation dimension'),
            render: (_, r) =>
              CRITERION_DIMENSION[r.key] === 'academic' ? t('Academic evaluation') : t('Economic evaluation'),
          },
          {
            title: t('Weight'),
            render: (_, r) => (
              <Form.Item name={['criteria', 'items', r.i, 'weight']} noStyle>
                <InputNumber<number> min={0} max={100} step={0.05} aria-label={t(CRITERIA_SHOWN[r.key])} />
              </Form.Item>
            ),
          },
        ]}
      />
      <Typography.Text type={weightsAddUp(sum) ? 'secondary' : 'danger'} data-testid="weights-sum">
        {t('Weights add up to {{sum}} (must be 1 or 100)', { sum: Math.round(sum * 10_000) / 10_000 })}
      </Typography.Text>
    </Space>
  );
}

/** The attachments applicants upload: key, names, whether required, allowed types and size limit. */
export function AttachmentsEditor() {
  const { t } = useTranslation();
  return (
    <Form.List name="requiredAttachments">
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {fields.map((f) => (
            <Space key={f.key} wrap align="start" data-testid="attachment-row">
              <Form.Item name={[f.name, 'key']} rules={[{ required: true, message: t('Enter a key') }]}>
                <Input placeholder={t('Key')} style={{ width: 120 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'labelZh']} rules={[{ required: true, message: t('Enter a name') }]}>
                <Input placeholder={t('Chinese name')} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'labelEn']} rules={[{ required: true, message: t('Enter a name') }]}>
                <Input placeholder={t('English name')} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'types']}>
                <CheckboxGroup
                  options={ATTACHMENT_TYPES.map((a) => ({ value: a, label: t(ATTACHMENT_TYPE_LABELS[a]) }))}
                />
              </Form.Item>
              <Form.Item name={[f.name, 'maxMb']}>
                <InputNumber<number> min={0.01} max={50} suffix="MB" style={{ width: 110 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'required']} valuePropName="checked">
                <Switch checkedChildren={t('Required')} unCheckedChildren={t('Optional')} />
              </Form.Item>
              <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('Remove')} />
            </Space>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ required: true, types: ['pdf'], maxMb: 10 })}
            data-testid="add-attachment"
          >
            {t('Add an attachment')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}

/** The screening (形式审查) checklist the program officer ticks for each application. */
export function ChecklistEditor() {
  const { t } = useTranslation();
  return (
    <Form.List name="screeningChecklist">
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {fields.map((f) => (
            <Space key={f.key} wrap align="start">
              <Form.Item name={[f.name, 'key']} rules={[{ required: true, message: t('Enter a key') }]}>
                <Input placeholder={t('Key')} style={{ width: 120 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'labelZh']} rules={[{ required: true, message: t('Enter a name') }]}>
                <Input placeholder={t('Chinese name')} style={{ width: 240 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'labelEn']} rules={[{ required: true, message: t('Enter a name') }]}>
                <Input placeholder={t('English name')} style={{ width: 240 }} />
              </Form.Item>
              <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('Remove')} />
            </Space>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({})}>
            {t('Add a checklist item')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
