import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountApi } from '../../api/account.js';
import { useSignedIn } from '../../app/session.js';
import { errorText, fieldErrors } from '../../i18n/errors.js';

interface EmailForm {
  email: string;
  password?: string;
  code?: string;
}

/**
 * My e-mail, changed only with my current password or a current code of my second factor (ASVS 7.5.1):
 * a session left open on someone else's screen cannot redirect my account's mail.
 */
export function EmailCard() {
  const { t } = useTranslation();
  const { user, mfa } = useSignedIn();
  const { message } = App.useApp();
  const [form] = Form.useForm<EmailForm>();
  const [email, setEmail] = useState(user.email);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: EmailForm) => {
    setBusy(true);
    setError(null);
    try {
      const changed = await accountApi.changeEmail({
        email: v.email.trim() || null,
        ...(v.code?.trim() ? { code: v.code.trim() } : { password: v.password ?? '' }),
      });
      setEmail(changed.email);
      form.setFieldsValue({ password: '', code: '' });
      message.success(t('E-mail changed'));
    } catch (err) {
      setError(err);
      form.setFields(fieldErrors(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('E-mail')} style={{ maxWidth: 560 }} data-testid="email-card">
      {error ? (
        <Alert type="error" showIcon role="alert" title={errorText(t, error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<EmailForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ email: email ?? '' }}
        requiredMark={false}
      >
        <Form.Item
          name="email"
          label={t('E-mail')}
          rules={[{ type: 'email', message: t('Enter a valid e-mail') }]}
        >
          <Input autoComplete="email" maxLength={200} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('Current password')}
          extra={mfa.enabled ? t('Or leave it empty and enter a code from the app') : undefined}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        {mfa.enabled ? (
          <Form.Item name="code" label={t('Code from the app')}>
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={8} style={{ width: 120 }} />
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('Change e-mail')}
        </Button>
      </Form>
    </Card>
  );
}
