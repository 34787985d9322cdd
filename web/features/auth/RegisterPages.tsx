import { Alert, Button, Card, Form, Input, Radio, Result, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { checkCreditCode } from '../../../common/credit-code.js';
import { ERROR_MESSAGES } from '../../../common/error-codes.js';
import { PRIVACY_NOTICE_VERSION } from '../../../common/privacy.js';
import { api } from '../../api/endpoints.js';
import { type OrgHit, registrationsApi } from '../../api/registrations.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { localName } from '../../components/labels.js';
import { PrivacyConsent } from '../../components/PrivacyConsent.js';
import { useSubmit } from '../../components/useSubmit.js';
import { errorText } from '../../i18n/errors.js';
import { tk } from '../../i18n/index.js';
import { ChallengeWidget } from './ChallengeWidget.js';
import { ResendLinkButton } from './ResendLinkButton.js';

const ORG_TYPES = {
  enterprise: tk('Enterprise'),
  university: tk('University'),
  institute: tk('Research institute'),
  other: tk('Other'),
} as const;
const SIZES = { sme: tk('SME'), large: tk('Large enterprise') } as const;

interface Values {
  platformId: string;
  name: string;
  email: string;
  phone?: string;
  password: string;
  confirm: string;
  orgChoice: 'existing' | 'new';
  organisationId?: string;
  newOrgName?: string;
  creditCode?: string;
  orgType?: keyof typeof ORG_TYPES;
  enterpriseSize?: keyof typeof SIZES;
  consent: boolean;
}

/**
 * 注册 (docs/sign-in.md "Self-registration"): a person registers on a platform with their organisation,
 * picked from the registry or proposed with its 统一社会信用代码. Every registration carries a solved
 * proof-of-work and the privacy consent. The answer is the same whether or not the address is known, so
 * the page then says what happens if it is free.
 */
export function RegisterPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [form] = Form.useForm<Values>();
  const platforms = useApi(() => api.platforms(), []);
  const [solution, setSolution] = useState<string | null>(null);
  const [challengeKey, setChallengeKey] = useState(0);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [hits, setHits] = useState<OrgHit[]>([]);
  const choice = Form.useWatch('orgChoice', form);
  const orgType = Form.useWatch('orgType', form);

  const { submit, busy, error } = useSubmit(form, async (v: Values) => {
    const payload = solution;
    // A solution is spent by one attempt, whatever its outcome: the widget starts afresh.
    setSolution(null);
    setChallengeKey((k) => k + 1);
    await registrationsApi.register({
      platformId: v.platformId,
      name: v.name.trim(),
      email: v.email.trim(),
      phone: v.phone?.trim() || null,
      password: v.password,
      ...(v.orgChoice === 'existing'
        ? { organisationId: v.organisationId }
        : {
            newOrganisation: {
              nameZh: v.newOrgName!.trim(),
              creditCode: v.creditCode!.trim(),
              type: v.orgType!,
              enterpriseSize: v.orgType === 'enterprise' ? v.enterpriseSize : null,
            },
          }),
      locale: locale === 'en-US' ? 'en-US' : 'zh-CN',
      consentVersion: PRIVACY_NOTICE_VERSION,
      challenge: payload ?? '',
    });
    setSentTo(v.email.trim());
  });

  const search = async (q: string) => {
    if (q.trim().length < 2) return setHits([]);
    setHits((await registrationsApi.searchOrganisations(q.trim())).items);
  };

  if (sentTo)
    return (
      <Card style={{ maxWidth: 640, margin: '0 auto' }}>
        <Result
          status="success"
          title={t('Check your e-mail')}
          subTitle={t(
            'If {{email}} is not registered yet, a link to verify it is on its way; it works once within 24 hours. Once verified, the platform reviews your registration and tells you its decision by e-mail.',
            { email: sentTo },
          )}
          extra={<ResendLinkButton email={sentTo} />}
        />
      </Card>
    );

  return (
    <Card style={{ maxWidth: 720, margin: '0 auto' }}>
      <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="page-title">
        {t('registration.register')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t(
          'Register yourself and your organisation to apply to the calls of a platform. After you verify your e-mail, the platform confirms the registration.',
        )}
      </Typography.Paragraph>
      {error ? (
        <Alert type="error" showIcon role="alert" title={errorText(t, error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ orgChoice: 'new', orgType: 'enterprise', enterpriseSize: 'sme' }}
        data-testid="register-form"
      >
        <Form.Item
          name="platformId"
          label={t('Platform')}
          rules={[{ required: true, message: t('Choose a platform') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={(platforms.data?.items ?? []).map((p) => ({ value: p.id, label: localName(p, locale) }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('registration.name')}
          rules={[{ required: true, whitespace: true, message: t('Enter your name') }]}
        >
          <Input autoComplete="name" maxLength={100} />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('E-mail address')}
          extra={t('You sign in with this address once the registration is approved.')}
          rules={[
            { required: true, message: t('Enter your e-mail address') },
            { type: 'email', message: t('Enter a valid e-mail') },
            { max: 64 },
          ]}
        >
          <Input autoComplete="email" />
        </Form.Item>
        <Form.Item name="phone" label={t('Phone (optional)')}>
          <Input autoComplete="tel" maxLength={30} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('Password')}
          rules={[{ required: true, message: t('Enter a password') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('Repeat the password')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('Repeat the password') },
            ({ getFieldValue }) => ({
              validator: async (_, v: string | undefined) => {
                if (v && v !== getFieldValue('password')) throw new Error(t('The two passwords differ'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="orgChoice" label={t('Organisation')}>
          <Radio.Group
            options={[
              { value: 'existing', label: t('Pick a registered organisation') },
              { value: 'new', label: t('Register a new organisation') },
            ]}
          />
        </Form.Item>
        {choice === 'existing' ? (
          <Form.Item
            name="organisationId"
            label={t('Organisation name or unified social credit code')}
            rules={[{ required: true, message: t('Pick your organisation') }]}
          >
            <Select
              showSearch={{ filterOption: false, onSearch: search }}
              notFoundContent={t('Type two characters or more')}
              options={hits.map((o) => ({
                value: o.id,
                label: `${localName(o, locale)}${o.creditCode ? ` (${o.creditCode})` : ''}`,
              }))}
            />
          </Form.Item>
        ) : (
          <>
            <Form.Item
              name="newOrgName"
              label={t('Organisation name')}
              rules={[{ required: true, whitespace: true, message: t('Enter the organisation name') }]}
            >
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item
              name="creditCode"
              label={t('Unified social credit code')}
              rules={[
                { required: true, message: t('Enter the unified social credit code') },
                {
                  validator: async (_, value: string | undefined) => {
                    if (!value) return;
                    const check = checkCreditCode(value);
                    if (!check.ok) throw new Error(t(ERROR_MESSAGES[`credit_code.${check.reason}`]));
                  },
                },
              ]}
            >
              <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
            <Space wrap size="large">
              <Form.Item name="orgType" label={t('Type')} rules={[{ required: true }]}>
                <Select
                  style={{ minWidth: 200 }}
                  options={Object.entries(ORG_TYPES).map(([value, label]) => ({ value, label: t(label) }))}
                />
              </Form.Item>
              {orgType === 'enterprise' ? (
                <Form.Item name="enterpriseSize" label={t('Enterprise size')} rules={[{ required: true }]}>
                  <Select
                    style={{ minWidth: 200 }}
                    options={Object.entries(SIZES).map(([value, label]) => ({ value, label: t(label) }))}
                  />
                </Form.Item>
              ) : null}
            </Space>
          </>
        )}
        <PrivacyConsent />
        <Form.Item label={t('Confirm that you are a person')} required>
          <ChallengeWidget key={challengeKey} onSolved={setSolution} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={busy} disabled={!solution}>
          {t('registration.register')}
        </Button>
      </Form>
      <div style={{ marginTop: 12 }}>
        <Link to="/sign-in">{t('Already registered? Sign in')}</Link>
      </div>
    </Card>
  );
}
