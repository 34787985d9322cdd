import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ERROR_MESSAGES } from '../../../common/error-codes.js';
import { PASSWORD_MIN_LENGTH, passwordProblem } from '../../../common/password-policy.js';
import { api } from '../../api/endpoints.js';
import { useSignedIn } from '../../app/session.js';
import { useSubmit } from '../../components/useSubmit.js';
import { errorText } from '../../i18n/errors.js';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();

  // The server names the field (/currentPassword, /newPassword); the message goes under it.
  const { submit, busy, error } = useSubmit(form, async (v: Values) => {
    const ended = await api.changePassword(v.currentPassword, v.newPassword);
    message.success(
      t('Password changed; {{sessions}} other sessions ended and {{tokens}} API tokens revoked', {
        sessions: ended.endedSessions,
        tokens: ended.revokedTokens,
      }),
    );
    form.resetFields();
  });

  return (
    <Card style={{ maxWidth: 560 }}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 24 }}
        title={t('At least {{n}} characters, not containing the user name', { n: PASSWORD_MIN_LENGTH })}
        description={t(
          'Changing your password signs you out everywhere else and revokes all your API tokens.',
        )}
      />
      {error ? (
        <Alert
          type="error"
          showIcon
          title={errorText(t, error)}
          style={{ marginBottom: 16 }}
          data-testid="password-error"
        />
      ) : null}
      <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="currentPassword"
          label={t('Current password')}
          rules={[{ required: true, message: t('Enter your current password') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('New password')}
          rules={[
            { required: true, message: t('Enter a password') },
            {
              validator: async (_, v: string | undefined) => {
                const problem = v ? passwordProblem(v, user.username) : null;
                if (problem) throw new Error(t(ERROR_MESSAGES[problem]));
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('Repeat the new password')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('Repeat the new password') },
            ({ getFieldValue }) => ({
              validator: async (_, v: string | undefined) => {
                if (v && v !== getFieldValue('newPassword')) throw new Error(t('The two passwords differ'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('Change password')}
        </Button>
      </Form>
    </Card>
  );
}
