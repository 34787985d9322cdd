import { Alert, Button, Form, Input, QRCode, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type EnrolmentStarted, mfaApi } from '../../api/mfa.js';
import { errorText } from '../../i18n/errors.js';

/**
 * Setting up the authenticator app: a new secret as a QR code (and as text), confirmed with a code; the
 * recovery codes are shown once, then `onDone` continues.
 */
export function MfaEnrolment({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const [started, setStarted] = useState<EnrolmentStarted | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    mfaApi.startEnrolment().then(setStarted, setError);
  }, []);

  const confirm = async (v: { code: string }) => {
    setBusy(true);
    setError(null);
    try {
      setCodes((await mfaApi.confirmEnrolment(v.code.trim())).recoveryCodes);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (codes) {
    return (
      <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="mfa-recovery-codes">
        <Alert type="success" showIcon role="status" title={t('Two-factor authentication is on')} />
        <Typography.Paragraph>
          {t(
            'Keep these recovery codes somewhere safe. Each works once, instead of a code, if you lose your phone. They are not shown again.',
          )}
        </Typography.Paragraph>
        <pre className="cl-recovery-codes" data-testid="mfa-recovery-code-list">
          {codes.join('\n')}
        </pre>
        <Button type="primary" onClick={onDone}>
          {t('I have saved the recovery codes')}
        </Button>
      </Space>
    );
  }
  if (!started) return error ? <Alert type="error" showIcon title={errorText(t, error)} /> : <Spin />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph>
        {t(
          'Scan this QR code with an authenticator app (for example Microsoft Authenticator, Google Authenticator or FreeOTP), then enter the six-digit code it shows.',
        )}
      </Typography.Paragraph>
      <QRCode value={started.uri} size={180} bordered={false} />
      <Typography.Text type="secondary">
        {t('Cannot scan? Enter this key:')}{' '}
        <Typography.Text code copyable data-testid="mfa-secret">
          {started.secret}
        </Typography.Text>
      </Typography.Text>
      {error ? <Alert type="error" showIcon role="alert" title={errorText(t, error)} /> : null}
      <Form<{ code: string }> layout="vertical" onFinish={confirm} requiredMark={false}>
        <Form.Item
          name="code"
          label={t('Code from the app')}
          rules={[
            { required: true, pattern: /^\s*\d{6}\s*$/, message: t('Enter the six digits of the code') },
          ]}
        >
          <Input inputMode="numeric" autoComplete="one-time-code" maxLength={8} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('Turn on')}
        </Button>
      </Form>
    </Space>
  );
}
