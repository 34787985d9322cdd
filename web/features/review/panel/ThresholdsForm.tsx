import { App, Button, Card, Form, InputNumber, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CRITERIA } from '../../../../common/calls.js';
import type { ReviewThresholds } from '../../../../common/review-thresholds.js';
import { type PanelView, scoringApi } from '../../../api/review-scoring.js';
import { CRITERIA_SHOWN } from '../../../components/labels.js';
import { errorText, fieldErrors } from '../../../i18n/errors.js';

/** The panel's minimums on the call's scale; an empty box means no minimum. */
export function ThresholdsForm({
  callId,
  panel,
  onSaved,
}: {
  callId: string;
  panel: PanelView;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReviewThresholds>();
  const box = (label: string, name: (string | number)[]) => (
    <Form.Item key={name.join('.')} label={label} name={name} style={{ marginBottom: 8 }}>
      <InputNumber min={panel.scale.min} max={panel.scale.max} step={0.5} style={{ width: 120 }} />
    </Form.Item>
  );
  const save = async (v: ReviewThresholds) => {
    try {
      await scoringApi.setThresholds(callId, v);
      message.success(t('Thresholds saved'));
      onSaved();
    } catch (err) {
      form.setFields(fieldErrors(t, err));
      message.error(errorText(t, err));
    }
  };
  return (
    <Card size="small" title={t('Thresholds')} data-testid="panel-thresholds">
      <Typography.Paragraph type="secondary">
        {t(
          'Minimums on the scale {{min}}–{{max}}: the total applies to the score used, the others to calibrated means.',
          panel.scale,
        )}
      </Typography.Paragraph>
      <Form form={form} layout="inline" initialValues={panel.thresholds} onFinish={save}>
        <Space wrap>
          {box(t('score.total'), ['total'])}
          {box(t('Academic evaluation'), ['academic'])}
          {box(t('Economic evaluation'), ['economic'])}
          {CRITERIA.map((c) => box(t(CRITERIA_SHOWN[c]), ['criteria', c]))}
          <Button type="primary" htmlType="submit" data-testid="thresholds-save">
            {t('Save thresholds')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
