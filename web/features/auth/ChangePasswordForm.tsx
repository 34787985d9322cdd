import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ERROR_MESSAGES } from '../../../common/error-codes.js';
import { passwordProblem } from '../../../common/password-policy.js';
import { api } from '../../api/endpoints.js';
import type { PasswordChanged } from '../../api/types.js';
import { useSignedIn } from '../../app/session.js';
import { useSubmit } from '../../components/useSubmit.js';
import { errorText } from '../../i18n/errors.js';
import { RepeatPasswordItem } from './RepeatPasswordItem.js';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * Current, new and repeated password; the policy is checked before sending and the server's field errors
 * (/currentPassword, /newPassword: wrong, too short, used recently) land under their fields. Used by the
 * account page and by the gate of an expired or administrator-set password.
 */
export function ChangePasswordForm({
  onChanged,
}: {
  onChanged(result: PasswordChanged): Promise<void> | void;
}) {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const [form] = Form.useForm<Values>();

  const { submit, busy, error } = useSubmit(form, async (v: Values) => {
    const result = await api.changePassword(v.currentPassword, v.newPassword);
    form.resetFields();
    await onChanged(result);
  });

  return (
    <>
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
                // The server also checks the platforms' names and the common-password list.
                const problem = v ? passwordProblem(v, user) : null;
                if (problem) throw new Error(t(ERROR_MESSAGES[problem]));
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <RepeatPasswordItem />
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('Change password')}
        </Button>
      </Form>
    </>
  );
}
