import { Button, Card, Form, Input, Radio, Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIVACY_NOTICE_VERSION } from '../../../common/privacy.js';
import { type InquiryForm as InquiryBody, resultsApi } from '../../api/results.js';
import { useLocale } from '../../app/locale.js';
import { SaveFailed } from '../../components/feedback.js';
import { PrivacyConsent } from '../../components/PrivacyConsent.js';
import { INQUIRY_KIND_LABELS } from '../../components/result-labels.js';
import { useSubmit } from '../../components/useSubmit.js';

type Values = Omit<InquiryBody, 'consentVersion'> & { consent?: boolean };

/**
 * The public inquiry form: it reaches the tech-transfer officers of the result's platform. It collects
 * personal data, so it shows the privacy notice and cannot be sent without the visitor's consent.
 */
export function InquiryForm({
  resultId,
  defaultKind,
}: {
  resultId: string;
  defaultKind: InquiryBody['kind'];
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [form] = Form.useForm<Values>();
  const [sent, setSent] = useState(false);
  const { submit, busy, error } = useSubmit(form, async ({ consent: _c, ...values }: Values) => {
    await resultsApi.sendInquiry(resultId, {
      ...values,
      phone: values.phone || null,
      locale,
      consentVersion: PRIVACY_NOTICE_VERSION,
    });
    setSent(true);
  });
  if (sent)
    return (
      <Card>
        <Result
          status="success"
          title={t('Your inquiry was sent')}
          subTitle={t('The tech-transfer office will answer you by e-mail.')}
          data-testid="inquiry-sent"
        />
      </Card>
    );
  return (
    <Card title={t('Ask about licensing or collaboration')}>
      {error ? <SaveFailed error={error} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: defaultKind }}
        onFinish={submit}
        data-testid="inquiry-form"
      >
        <Form.Item name="kind" label={t('Inquiry about')} rules={[{ required: true }]}>
          <Radio.Group
            options={(['licensing', 'collaboration'] as const).map((k) => ({
              value: k,
              label: t(INQUIRY_KIND_LABELS[k]),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('Your name')}
          rules={[{ required: true, message: t('A value is required') }]}
        >
          <Input maxLength={100} data-testid="inquiry-name" />
        </Form.Item>
        <Form.Item
          name="organisation"
          label={t('Organisation')}
          rules={[{ required: true, message: t('A value is required') }]}
        >
          <Input maxLength={200} data-testid="inquiry-organisation" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('E-mail')}
          rules={[{ required: true, type: 'email', message: t('Not a valid e-mail address') }]}
        >
          <Input maxLength={200} data-testid="inquiry-email" />
        </Form.Item>
        <Form.Item name="phone" label={t('Phone (optional)')}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item
          name="message"
          label={t('Message')}
          rules={[{ required: true, min: 10, message: t('Write at least 10 characters') }]}
        >
          <Input.TextArea rows={5} maxLength={4000} data-testid="inquiry-message" />
        </Form.Item>
        <PrivacyConsent />
        <Button type="primary" htmlType="submit" loading={busy} block data-testid="inquiry-submit">
          {t('Send inquiry')}
        </Button>
      </Form>
    </Card>
  );
}
