import { Alert, App, Card, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../common/password-policy.js';
import { useSignedIn } from '../../app/session.js';
import { ChangePasswordForm } from './ChangePasswordForm.js';
import { EmailCard } from './EmailCard.js';

export default function ChangePasswordPage() {
  const { t, i18n } = useTranslation();
  const { password } = useSignedIn();
  const { message } = App.useApp();

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
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
        {password.expiresAt ? (
          <p data-testid="password-expires">
            {t('Your password expires on {{date}}.', {
              date: new Date(password.expiresAt).toLocaleDateString(i18n.language),
            })}
          </p>
        ) : null}
        <ChangePasswordForm
          onChanged={(ended) => {
            message.success(
              t('Password changed; {{sessions}} ended and {{tokens}} revoked', {
                sessions: t('{{count}} other sessions', { count: ended.endedSessions }),
                tokens: t('{{count}} API tokens', { count: ended.revokedTokens }),
              }),
            );
          }}
        />
      </Card>
      <EmailCard />
    </Space>
  );
}
