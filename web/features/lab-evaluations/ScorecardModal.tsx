import { Alert, Descriptions, Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { CRITERION_LABELS } from '../../../common/calls.js';
import { labEvaluationsApi } from '../../api/lab-evaluations.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { localName } from '../../components/labels.js';
import { errorText } from '../../i18n/errors.js';

/** A member scores one unit on the round's criteria, with the unit's frozen portfolio beside the form. */
export function ScorecardModal({ id, onClose, onDone }: { id: string; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const card = useApi(() => labEvaluationsApi.scorecard(id), [id]);
  const [form] = Form.useForm();
  const c = card.data;
  const submit = async () => {
    const v = (await form.validateFields()) as Record<string, number | string>;
    try {
      await labEvaluationsApi.submit(id, {
        scores: c!.round.criteria.items.map((i) => ({
          criterion: i.key,
          score: Number(v[`score_${i.key}`]),
          comment: String(v[`comment_${i.key}`] ?? ''),
        })),
        overallComment: (v.overallComment as string) || null,
      });
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
          <Form form={form} layout="vertical" disabled={c.state === 'submitted'}>
            {c.round.criteria.items.map((i) => (
              <Form.Item
                key={i.key}
                label={`${t(CRITERION_LABELS[i.key])} (${c.round.criteria.scale.min}–${c.round.criteria.scale.max})`}
              >
                <Form.Item
                  name={`score_${i.key}`}
                  noStyle
                  rules={[{ required: true, message: t('Give a score') }]}
                >
                  <InputNumber
                    min={c.round.criteria.scale.min}
                    max={c.round.criteria.scale.max}
                    id={`score_${i.key}`}
                  />
                </Form.Item>
                <Form.Item
                  name={`comment_${i.key}`}
                  noStyle
                  rules={[{ required: true, min: 5, message: t('A comment of at least five characters') }]}
                >
                  <Input.TextArea
                    rows={1}
                    id={`comment_${i.key}`}
                    style={{ marginTop: 8 }}
                    placeholder={t('Comment')}
                  />
                </Form.Item>
              </Form.Item>
            ))}
            <Form.Item name="overallComment" label={t('Overall comment')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
