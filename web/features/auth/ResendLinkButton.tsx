import { Button, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registrationsApi } from '../../api/registrations.js';
import { errorText } from '../../i18n/errors.js';

/**
 * 重新发送: asks for a new verification link for `email` (the server answers alike for every address and
 * limits the mails per address and hour). Used after registering and on the sign-in card.
 */
export function ResendLinkButton({ email }: { email: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const resend = async () => {
    setBusy(true);
    try {
      await registrationsApi.resend(email);
      setSent(true);
    } catch (err) {
      message.error(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button onClick={resend} loading={busy} disabled={sent} data-testid="resend-link">
      {sent ? t('A new link is on its way') : t('Resend the verification e-mail')}
    </Button>
  );
}
