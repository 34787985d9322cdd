import { App, Button, Card, Form, Input, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type PanelApplication, type PanelReviewBody, scoringApi } from '../../../api/review-scoring.js';
import { useLocale } from '../../../app/locale.js';
import { zonedTime } from '../../../components/time.js';
import { errorText, fieldErrors } from '../../../i18n/errors.js';

/** The panel's consensus score and report for one application (recorded again replaces it). */
export function ConsensusForm({
  app,
  scale,
  onSaved,
}: {
  app: PanelApplication;
  scale: { min: number; max: number };
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<PanelReviewBody>();
  const save = async (v: PanelReviewBody) => {
    try {
      await scoringApi.recordConsensus(app.applicationId, {
        consensusScore: v.consensusScore,
        reportZh: v.reportZh?.trim() || null,
        reportEn: v.reportEn?.trim() || null,
      });
      message.success(t('Consensus recorded'));
      onSaved();
    } catch (err) {
      form.setFields(fieldErrors(t, err));
      message.error(errorText(t, err));
    }
  };
  return (
    <Card size="small" title={t('Panel consensus and report')} data-testid={`consensus-${app.applicationId}`}>
      {app.consensus ? (
        <Typography.Paragraph type="secondary">
          {t('Recorded on {{at}}', { at: zonedTime(app.consensus.updatedAt, locale) })}
        </Typography.Paragraph>
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{
          consensusScore:
            app.consensus?.score ??
            (app.calibratedMean === null ? undefined : Number(app.calibratedMean.toFixed(2))),
          reportZh: app.consensus?.reportZh ?? '',
          reportEn: app.consensus?.reportEn ?? '',
        }}
      >
        <Form.Item
          name="consensusScore"
          label={t('Consensus score')}
          rules={[{ required: true, message: t('Give a score') }]}
        >
          <InputNumber min={scale.min} max={scale.max} step={0.5} data-testid="consensus-score" />
        </Form.Item>
        <Form.Item name="reportZh" label={t('Report (Chinese)')}>
          <Input.TextArea rows={3} maxLength={20000} data-testid="consensus-report-zh" />
        </Form.Item>
        <Form.Item name="reportEn" label={t('Report (English)')}>
          <Input.TextArea rows={3} maxLength={20000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="consensus-save">
          {t('Record the consensus')}
        </Button>
      </Form>
    </Card>
  );
}
