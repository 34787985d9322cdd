import { DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { type CallView, callsApi } from '../../api/calls.js';
import { FormModal } from '../../components/FormModal.js';
import { toUtc, viewerZone } from '../../components/time.js';

interface Values {
  code: string;
  titleZh: string;
  titleEn: string;
  opensAt: Dayjs;
  closesAt: Dayjs;
}

/**
 * 复制申报指南: a new draft from this call (its guide, rules, budget, attachments, checklist and fields)
 * under a new code, titles and dates; the new draft opens once made (POST /api/calls/:id/copy).
 */
export function CopyCallDialog({ call, open, onClose }: { call: CallView; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const required = (message: string) => [{ required: true, whitespace: true, message }];
  return (
    <FormModal<Values>
      open={open}
      title={t('Copy the call guide')}
      okText={t('Create the copy')}
      onCancel={onClose}
      form={form}
      formTestId="copy-call-form"
      initialValues={{ titleZh: call.titleZh, titleEn: call.titleEn }}
      modal={{ destroyOnHidden: true }}
      onSubmit={async (v) => {
        const copy = await callsApi.copyCall(call.id, {
          code: v.code,
          titleZh: v.titleZh,
          titleEn: v.titleEn,
          opensAt: toUtc(v.opensAt)!,
          closesAt: toUtc(v.closesAt)!,
        });
        onClose();
        navigate(`/calls/${copy.id}`);
      }}
    >
      <p>
        {t(
          'The copy is a new draft with this call’s guide, rules, budget, attachments, checklist and fields; no application, review or decision is copied.',
        )}
      </p>
      <Form.Item name="titleZh" label={t('Chinese title')} rules={required(t('Enter a title'))}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="titleEn" label={t('English title')} rules={required(t('Enter a title'))}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item
        name="code"
        label={t('Code')}
        rules={required(t('Enter a code'))}
        extra={t('Letters, digits, _ and -; up to 40 characters')}
      >
        <Input maxLength={40} style={{ textTransform: 'uppercase' }} />
      </Form.Item>
      <Form.Item
        name="opensAt"
        label={t('Opens at')}
        rules={[{ required: true, message: t('Choose a time') }]}
        extra={t('In your time zone ({{zone}}); stored in UTC', { zone: viewerZone() })}
      >
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="copy-opens" />
      </Form.Item>
      <Form.Item
        name="closesAt"
        label={t('Closes at')}
        rules={[{ required: true, message: t('Choose a time') }]}
      >
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="copy-closes" />
      </Form.Item>
    </FormModal>
  );
}
