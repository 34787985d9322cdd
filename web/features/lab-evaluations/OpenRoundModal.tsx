import { Form, InputNumber, Modal, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.js';
import { labEvaluationsApi } from '../../api/lab-evaluations.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { SaveFailed } from '../../components/feedback.js';
import { localName } from '../../components/labels.js';
import { useSubmit } from '../../components/useSubmit.js';

interface Values {
  fromYear: number;
  toYear: number;
  chairMemberId: string;
}

/**
 * The platform admins open a round of the committee's evaluation of units for a period (fiscal years):
 * the server freezes each unit's portfolio, assigns the members where no conflict is found and uses the
 * dual evaluation's default criteria (technical value, effectiveness, impact; transfer potential,
 * economic benefit).
 */
export function OpenRoundModal({
  platformId,
  onClose,
  onDone,
}: {
  platformId: string;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [form] = Form.useForm<Values>();
  const committee = useApi(() => api.committee(platformId), [platformId]);
  const send = useSubmit(form, async (v) => {
    await labEvaluationsApi.open(platformId, v);
    onDone();
  });
  const year = new Date().getUTCFullYear() - 1;
  const required = [{ required: true, message: t('Required') }];
  return (
    <Modal
      open
      title={t('Open an evaluation round')}
      okText={t('Open the round')}
      cancelText={t('Cancel')}
      confirmLoading={send.busy}
      onCancel={onClose}
      onOk={() => form.validateFields().then(send.submit, () => undefined)}
    >
      {send.error ? <SaveFailed error={send.error} brief /> : null}
      <Form form={form} layout="vertical" name="open-round" initialValues={{ fromYear: year, toYear: year }}>
        <Space>
          <Form.Item name="fromYear" label={t('From fiscal year')} rules={required}>
            <InputNumber min={1900} max={2200} />
          </Form.Item>
          <Form.Item name="toYear" label={t('To fiscal year')} rules={required}>
            <InputNumber min={1900} max={2200} />
          </Form.Item>
        </Space>
        <Form.Item name="chairMemberId" label={t('committee.chair')} rules={required}>
          <Select
            loading={committee.loading}
            options={(committee.data?.items ?? []).map((m) => ({
              value: m.id,
              label: localName(m.person, locale),
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
