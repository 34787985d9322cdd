import { Alert, Descriptions, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { labEvaluationsApi } from '../../api/lab-evaluations.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { DualScorecardForm, type DualScorecardValues, dualScores } from '../../components/DualScorecard.js';
import { localName } from '../../components/labels.js';
import { errorText } from '../../i18n/errors.js';

/** A member scores one unit on the round's criteria, with the unit's frozen portfolio beside the form. */
export function ScorecardModal({ id, onClose, onDone }: { id: string; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const card = useApi(() => labEvaluationsApi.scorecard(id), [id]);
  const [form] = Form.useForm<DualScorecardValues>();
  const c = card.data;
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await labEvaluationsApi.submit(id, dualScores(c!.round.criteria, v));
      onDone();
    } catch (err) {
      form.setFields([{ name: 'overallComment', errors: [errorText(t, err)] }]);
    }
  };
  return (
    <Modal
      open
      width={720}
      title={c ? `${localName(c.unit, locale)} · FY${c.round.fromYear}` : t('Scorecard')}
      okText={t('Submit scores')}
      onOk={submit}
      okButtonProps={{ disabled: !c || c.state === 'submitted' }}
      onCancel={onClose}
      data-testid="lab-eval-scorecard"
    >
      {card.error ? <Alert type="error" showIcon title={errorText(t, card.error)} /> : null}
      {c && (
        <>
          <Descriptions size="small" column={3} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('Projects')}>{c.portfolio.projects.total}</Descriptions.Item>
            <Descriptions.Item label={t('Outputs')}>{c.portfolio.outputs.total}</Descriptions.Item>
            <Descriptions.Item label={t('Staff')}>{c.portfolio.staff.total}</Descriptions.Item>
            <Descriptions.Item label={t('Disclosures')}>{c.portfolio.ip.disclosures}</Descriptions.Item>
            <Descriptions.Item label={t('Patents granted')}>
              {c.portfolio.ip.patentsGranted}
            </Descriptions.Item>
            <Descriptions.Item label={t('Active licences')}>{c.portfolio.licences.active}</Descriptions.Item>
          </Descriptions>
          <Form form={form} layout="vertical" disabled={c.state === 'submitted'} name="lab-scorecard">
            <DualScorecardForm criteria={c.round.criteria} />
          </Form>
        </>
      )}
    </Modal>
  );
}
