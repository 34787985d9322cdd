import { MailOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Result, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { api } from '../../api/endpoints.js';
import { useSubmit } from '../../components/useSubmit.js';
import { errorText } from '../../i18n/errors.js';
import { Logo } from '../../shell/Brand.js';
import { LanguageSwitch } from '../../shell/LanguageSwitch.js';
import { RepeatPasswordItem } from './RepeatPasswordItem.js';

/** The sign-in page's frame (brand bar, language switch, one card) for the public account pages. */
function AccountFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="cl-signin">
      <div className="cl-signin-top">
        <div style={{ display: 'flex', alignItems: 'center', gap: 10, color: '#fff' }}>
          <Logo size={32} />
          <span style={{ fontSize: 16, fontWeight: 600, letterSpacing: 1 }}>Commonlab</span>
        </div>
        <LanguageSwitch dark />
      </div>
      <div className="cl-signin-main" style={{ justifyContent: 'center' }}>
        <Card className="cl-signin-card" variant="borderless">
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {title}
          </Typography.Title>
          {children}
        </Card>
      </div>
    </div>
  );
}

/**
 * 忘记密码: asks for the account's e-mail address. The answer is the same whether or not an account has it
 * (the server says nothing more), so the page says what happens if one does.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ email: string }>();
  const [sent, setSent] = useState(false);
  const { submit, busy, error } = useSubmit(form, async (v: { email: string }) => {
    await api.requestPasswordReset(v.email.trim());
    setSent(true);
  });
  return (
    <AccountFrame title={t('Forgot password')}>
      {sent ? (
        <Alert
          type="success"
          showIcon
          role="status"
          data-testid="reset-requested"
          title={t(
            'If an account has this e-mail address, a link to set a new password is on its way. It works once and for a limited time.',
          )}
          style={{ marginBottom: 16 }}
        />
      ) : (
        <>
          {error ? (
            <Alert type="error" showIcon title={errorText(t, error)} style={{ marginBottom: 16 }} />
          ) : null}
          <Typography.Paragraph type="secondary">
            {t('Enter the e-mail address of your account; we send a link to set a new password.')}
          </Typography.Paragraph>
          <Form form={form} layout="vertical" size="large" onFinish={submit} requiredMark={false}>
            <Form.Item
              name="email"
              label={t('E-mail address')}
              rules={[
                { required: true, message: t('Enter your e-mail address') },
                { type: 'email', message: t('Enter a valid e-mail') },
              ]}
            >
              <Input prefix={<MailOutlined />} autoComplete="email" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('Send the link')}
            </Button>
          </Form>
        </>
      )}
      <div style={{ marginTop: 12 }}>
        <Link to="/sign-in">{t('Back to sign-in')}</Link>
      </div>
    </AccountFrame>
  );
}

interface NewPassword {
  newPassword: string;
  confirm: string;
}

/** The e-mailed link's page: the token is after '#', so it never reaches a server log or a Referer. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const token = useLocation().hash.replace(/^#/, '');
  const [form] = Form.useForm<NewPassword>();
  const [done, setDone] = useState(false);
  const { submit, busy, error } = useSubmit(form, async (v: NewPassword) => {
    await api.resetPassword(token, v.newPassword);
    setDone(true);
  });
  if (done)
    return (
      <AccountFrame title={t('Set a new password')}>
        <Result
          status="success"
          title={t('Your password is set')}
          subTitle={t('Every session and API token of the account has ended. Sign in with the new password.')}
          extra={
            <Link to="/sign-in">
              <Button type="primary">{t('Sign in')}</Button>
            </Link>
          }
        />
      </AccountFrame>
    );
  return (
    <AccountFrame title={t('Set a new password')}>
      {error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="reset-error"
          title={errorText(t, error)}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form<NewPassword> form={form} layout="vertical" size="large" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="newPassword"
          label={t('New password')}
          rules={[{ required: true, message: t('Enter a password') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <RepeatPasswordItem />
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('Set the new password')}
        </Button>
      </Form>
      <div style={{ marginTop: 12 }}>
        <Link to="/forgot-password">{t('Ask for a new link')}</Link>
      </div>
    </AccountFrame>
  );
}
