import { App, Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DECISION_OUTCOMES, type DecisionOutcome } from '../../../../common/review.js';
import { type DecisionItem, type DecisionView, decisionsApi } from '../../../api/review-decisions.js';
import { errorText } from '../../../i18n/errors.js';
import { OUTCOME_SHOWN } from './outcomes.js';

/** Changes one outcome with a required reason; the server refuses approving beyond the budget. */
export function OverrideButton({
  callId,
  decisionId,
  item,
  onSaved,
}: {
  callId: string;
  decisionId: string;
  item: DecisionItem;
  onSaved(d: DecisionView): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ outcome: DecisionOutcome; reason: string }>();
  const save = async (v: { outcome: DecisionOutcome; reason: string }) => {
    setBusy(true);
    try {
      onSaved(await decisionsApi.override(callId, decisionId, item.applicationId, v));
      setOpen(false);
    } catch (err) {
      message.error(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        size="small"
        onClick={() => setOpen(true)}
        data-testid={`decision-override-${item.applicationId}`}
      >
        {t('Override')}
      </Button>
      <Modal
        open={open}
        title={t('Override the outcome')}
        okText={t('Save')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ outcome: item.outcome }} onFinish={save}>
          <Form.Item name="outcome" label={t('Outcome')} rules={[{ required: true }]}>
            <Select options={DECISION_OUTCOMES.map((o) => ({ value: o, label: t(OUTCOME_SHOWN[o]) }))} />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('Reason (recorded)')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea rows={3} maxLength={2000} data-testid="decision-override-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
