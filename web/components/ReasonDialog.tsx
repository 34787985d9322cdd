import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from './FormModal.js';

/**
 * The one dialog for a rejection or refusal that must say why (a milestone sent back, a budget
 * adjustment refused, …): a required reason, sent by `send`; a failure shows above the field and the
 * dialog stays open. Open it by rendering it; `onClose` when the caller cancels.
 */
export function ReasonDialog({
  title,
  onClose,
  send,
}: {
  title: string;
  onClose(): void;
  send(reason: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <FormModal
      open
      title={title}
      okText={t('Confirm')}
      onCancel={onClose}
      form={form}
      onSubmit={(v) => send(v.reason)}
      briefError
      formTestId="reason-dialog"
    >
      <Form.Item
        name="reason"
        label={t('Reason')}
        rules={[{ required: true, whitespace: true, message: t('Required') }]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
