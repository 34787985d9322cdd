import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DecisionConstraints } from '../../../api/review-decisions.js';
import { useLocale } from '../../../app/locale.js';
import { pick } from '../../../components/labels.js';

export interface FieldOption {
  id: string;
  nameZh: string;
  nameEn: string;
}

/** Field balance (counts or shares of the call budget), SME share and waitlist size; then compute. */
export function ConstraintsForm({
  fields,
  busy,
  onCompute,
}: {
  fields: FieldOption[];
  busy: boolean;
  onCompute(c: DecisionConstraints): void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [form] = Form.useForm<DecisionConstraints>();
  const num = (name: (string | number)[], label: string, max: number) => (
    <Form.Item name={name} label={label} style={{ marginBottom: 8 }}>
      <InputNumber min={0} max={max} precision={0} style={{ width: 110 }} />
    </Form.Item>
  );
  return (
    <Card size="small" title={t('Constraints')} data-testid="decision-constraints">
      <Typography.Paragraph type="secondary">
        {t(
          'The selection maximises the total score of the applications that pass the thresholds, within the call budget. Field shares are percentages of the call budget; the SME share is a percentage of the funded total.',
        )}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        initialValues={{ fields: [], waitlistSize: 5 }}
        onFinish={(v) => onCompute({ ...v, fields: v.fields ?? [] })}
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Form.List name="fields">
            {(rows, { add, remove }) => (
              <Space orientation="vertical">
                {rows.map((row) => (
                  <Space key={row.key} wrap>
                    <Form.Item name={[row.name, 'fieldId']} label={t('Field')} rules={[{ required: true }]}>
                      <Select
                        style={{ width: 200 }}
                        options={fields.map((f) => ({
                          value: f.id,
                          label: pick(f.nameZh, f.nameEn, locale),
                        }))}
                      />
                    </Form.Item>
                    {num([row.name, 'minCount'], t('Min. projects'), 10_000)}
                    {num([row.name, 'maxCount'], t('Max. projects'), 10_000)}
                    {num([row.name, 'minSharePct'], t('Min. % of budget'), 100)}
                    {num([row.name, 'maxSharePct'], t('Max. % of budget'), 100)}
                    <MinusCircleOutlined onClick={() => remove(row.name)} aria-label={t('Remove')} />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="decision-add-field">
                  {t('Add a field balance rule')}
                </Button>
              </Space>
            )}
          </Form.List>
          <Space wrap>
            {num(['smeMinSharePct'], t('Min. SME share (%)'), 100)}
            {num(['waitlistSize'], t('Waitlist size'), 1000)}
            <Button type="primary" htmlType="submit" loading={busy} data-testid="decision-compute">
              {t('Compute the decision')}
            </Button>
          </Space>
        </Space>
      </Form>
    </Card>
  );
}
