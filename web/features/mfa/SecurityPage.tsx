import { Alert, Button, Card, Descriptions, Form, Input, Space, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MfaStatus, mfaApi } from '../../api/mfa.js';
import { errorText } from '../../i18n/errors.js';
import { MfaEnrolment } from './MfaEnrolment.js';

/** The user's own second factor: state, setting it up, turning it off with a current code. */
export default function SecurityPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<MfaStatus | null>(null);
  const [enrolling, setEnrolling] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => mfaApi.status().then(setStatus, setError), []);
  useEffect(() => {
    void load();
  }, [load]);

  const disable = async (v: { code: string }) => {
    setBusy(true);
    setError(null);
    try {
      await mfaApi.disable(v.code.trim());
      await load();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('Two-factor authentication')} style={{ maxWidth: 640 }}>
      {error ? (
        <Alert type="error" showIcon role="alert" title={errorText(t, error)} style={{ marginBottom: 16 }} />
      ) : null}
      {status ? (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('State')}>
              {status.enabled ? <Tag color="green">{t('On')}</Tag> : <Tag>{t('Off')}</Tag>}
              {status.required ? <Tag color="blue">{t('Required for your role')}</Tag> : null}
            </Descriptions.Item>
            {status.enabled ? (
              <Descriptions.Item label={t('Recovery codes left')}>
                {status.recoveryCodesLeft}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          {status.enabled ? (
            <Form<{ code: string }> layout="inline" onFinish={disable} requiredMark={false}>
              <Form.Item
                name="code"
                label={t('Code from the app')}
                rules={[{ required: true, message: t('Enter the code') }]}
              >
                <Input
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={8}
                  style={{ width: 120 }}
                />
              </Form.Item>
              <Button danger htmlType="submit" loading={busy}>
                {t('Turn off')}
              </Button>
            </Form>
          ) : enrolling ? (
            <MfaEnrolment
              onDone={() => {
                setEnrolling(false);
                void load();
              }}
            />
          ) : (
            <Button type="primary" onClick={() => setEnrolling(true)}>
              {t('Set up two-factor authentication')}
            </Button>
          )}
        </Space>
      ) : null}
    </Card>
  );
}
