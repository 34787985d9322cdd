import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints.js';
import { mfaApi } from '../../api/mfa.js';
import { useSession } from '../../app/session.js';
import { errorText } from '../../i18n/errors.js';
import { GateFrame } from '../../shell/GateFrame.js';
import { MfaEnrolment } from './MfaEnrolment.js';

/** The second step of a sign-in: the code of the authenticator app, or a recovery code. */
export function SecondFactorPage() {
  const { t } = useTranslation();
  const { adopt } = useSession();
  const [recovery, setRecovery] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: { value: string }) => {
    setBusy(true);
    setError(null);
    try {
      const value = v.value.trim();
      await adopt(await mfaApi.verify(recovery ? { recoveryCode: value } : { code: value }));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <GateFrame title={t('Two-step verification')}>
      <Typography.Paragraph>
        {recovery
          ? t('Enter one of your recovery codes. Each works once.')
          : t('Enter the six-digit code your authenticator app shows for Commonlab.')}
      </Typography.Paragraph>
      {error ? (
        <Alert type="error" showIcon role="alert" title={errorText(t, error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<{ value: string }>
        key={String(recovery)}
        layout="vertical"
        size="large"
        onFinish={submit}
        requiredMark={false}
      >
        <Form.Item
          name="value"
          label={recovery ? t('Recovery code') : t('Code from the app')}
          rules={[{ required: true, message: t('Enter the code') }]}
        >
          <Input
            autoFocus
            autoComplete="one-time-code"
            inputMode={recovery ? 'text' : 'numeric'}
            maxLength={recovery ? 16 : 8}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('Verify')}
        </Button>
      </Form>
      <Button type="link" style={{ paddingLeft: 0, marginTop: 8 }} onClick={() => setRecovery((r) => !r)}>
        {recovery ? t('Use the code from the app') : t('Use a recovery code')}
      </Button>
    </GateFrame>
  );
}

/** A role that requires the second factor, without one: setting it up comes before anything else. */
export function RequiredEnrolmentPage() {
  const { t } = useTranslation();
  const { adopt } = useSession();
  return (
    <GateFrame title={t('Set up two-factor authentication')}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('Your role requires a second factor at sign-in. Set it up to continue.')}
      />
      <MfaEnrolment onDone={async () => adopt(await api.session())} />
    </GateFrame>
  );
}
