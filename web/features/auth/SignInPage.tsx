import { LockOutlined, RadarChartOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client.js';
import { useSession } from '../../app/session.js';
import { errorText } from '../../i18n/errors.js';
import { Logo } from '../../shell/Brand.js';
import { LanguageSwitch } from '../../shell/LanguageSwitch.js';
import { ChallengeWidget } from './ChallengeWidget.js';
import { ResendLinkButton } from './ResendLinkButton.js';

/** The answers that mean: show the proof-of-work check and try again (docs/adr/0032). */
const CHALLENGE_CODES = new Set(['auth.challenge_required', 'auth.challenge_invalid']);

interface Credentials {
  username: string;
  password: string;
}

export default function SignInPage() {
  const { t } = useTranslation();
  const { signIn, notice } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // After failed sign-ins the server asks for a solved challenge; each solution is spent by one attempt, so
  // the widget is mounted afresh (a new key) after every attempt that sent one.
  const [challengeShown, setChallengeShown] = useState(false);
  const [challengeKey, setChallengeKey] = useState(0);
  const [solution, setSolution] = useState<string | null>(null);
  // A self-registration not yet verified (docs/adr/0045): the user name is its e-mail; offer 重新发送.
  const [unverified, setUnverified] = useState<string | null>(null);

  const submit = async (v: Credentials) => {
    setBusy(true);
    setError(null);
    setUnverified(null);
    try {
      await signIn(v.username.trim(), v.password, solution ?? undefined);
    } catch (err) {
      if (err instanceof ApiError && CHALLENGE_CODES.has(err.code)) setChallengeShown(true);
      if (err instanceof ApiError && err.code === 'auth.registration_unverified')
        setUnverified(v.username.trim());
      if (solution) {
        setSolution(null);
        setChallengeKey((k) => k + 1);
      }
      setError(err);
      setBusy(false);
    }
  };

  // The error of this attempt wins over the reason the user was sent here.
  const shown = error ?? notice;

  return (
    <div className="cl-signin">
      <div className="cl-signin-top">
        <div style={{ display: 'flex', alignItems: 'center', gap: 10, color: '#fff' }}>
          <Logo size={32} />
          <span style={{ fontSize: 16, fontWeight: 600, letterSpacing: 1 }}>Commonlab</span>
        </div>
        <LanguageSwitch dark />
      </div>
      <div className="cl-signin-main">
        <div className="cl-signin-pitch">
          <h1>{t('Generic Technology Service Platform')}</h1>
          <p>
            {t(
              'Calls and applications, expert review, projects, results and technology transfer, and services to enterprises — in one place.',
            )}
          </p>
          <Link to="/public/comparison" data-testid="public-comparison-link">
            <Button ghost icon={<RadarChartOutlined />}>
              {t('Compare the platforms without signing in')}
            </Button>
          </Link>
        </div>
        <Card className="cl-signin-card" variant="borderless">
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('Sign in')}
          </Typography.Title>
          {shown ? (
            <Alert
              type={error ? 'error' : 'warning'}
              showIcon
              title={errorText(t, shown)}
              style={{ marginBottom: 16 }}
              data-testid="sign-in-error"
              role="alert"
              action={unverified ? <ResendLinkButton email={unverified} /> : undefined}
            />
          ) : null}
          <Form<Credentials> layout="vertical" size="large" onFinish={submit} requiredMark={false}>
            <Form.Item
              name="username"
              label={t('User name')}
              rules={[{ required: true, message: t('Enter your user name') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('Password')}
              rules={[{ required: true, message: t('Enter your password') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            {challengeShown ? <ChallengeWidget key={challengeKey} onSolved={setSolution} /> : null}
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={busy}
              disabled={challengeShown && !solution}
            >
              {t('Sign in')}
            </Button>
            <div style={{ marginTop: 12, display: 'flex', justifyContent: 'space-between' }}>
              <Link to="/public/register">{t('Register an account')}</Link>
              <Link to="/forgot-password">{t('Forgot password?')}</Link>
            </div>
          </Form>
        </Card>
      </div>
      <div className="cl-footer" style={{ color: 'rgba(255,255,255,0.6)' }}>
        Commonlab · {t('Open source under the Apache License 2.0')}
      </div>
    </div>
  );
}
