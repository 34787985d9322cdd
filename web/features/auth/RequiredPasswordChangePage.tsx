import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../common/password-policy.js';
import { api } from '../../api/endpoints.js';
import { useSession, useSignedIn } from '../../app/session.js';
import { GateFrame } from '../../shell/GateFrame.js';
import { ChangePasswordForm } from './ChangePasswordForm.js';

/**
 * The password is expired (PASSWORD_MAX_AGE_DAYS) or an administrator set it: the server refuses all else
 * until it is changed, so this page is all there is (docs/sign-in.md).
 */
export function RequiredPasswordChangePage() {
  const { t } = useTranslation();
  const { adopt } = useSession();
  const { password } = useSignedIn();
  return (
    <GateFrame title={t('Choose a new password')}>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="password-gate-reason"
        title={
          password.reason === 'expired'
            ? t('Your password has expired. Choose a new one to continue.')
            : t('An administrator set your password. Choose your own to continue.')
        }
        description={t(
          'At least {{n}} characters, not containing the user name; not one of your recent passwords.',
          {
            n: PASSWORD_MIN_LENGTH,
          },
        )}
      />
      <ChangePasswordForm onChanged={async () => adopt(await api.session())} />
    </GateFrame>
  );
}
