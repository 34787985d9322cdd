import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The "repeat the new password" field of a form whose new password is named `newPassword`: required,
 * and refused while it differs. One field for the change-password and the reset-password forms.
 */
export function RepeatPasswordItem() {
  const { t } = useTranslation();
  return (
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
  );
}
