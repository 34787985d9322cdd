import { Button, Card, Result } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { registrationsApi } from '../../api/registrations.js';
import { useLocale } from '../../app/locale.js';
import { localName } from '../../components/labels.js';
import { errorText } from '../../i18n/errors.js';

/** The e-mailed link's page: the token is after '#'; the page says what happens next. */
export function VerifyRegistrationPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const token = useLocation().hash.replace(/^#/, '');
  const asked = useRef(false);
  const [state, setState] = useState<{ platform?: { nameZh: string; nameEn: string }; error?: unknown }>({});
  useEffect(() => {
    // Once: the link is spent by the first call.
    if (asked.current) return;
    asked.current = true;
    registrationsApi.verify(token).then(
      (r) => setState({ platform: r.platform }),
      (error: unknown) => setState({ error }),
    );
  }, [token]);
  return (
    <Card style={{ maxWidth: 640, margin: '0 auto' }}>
      {state.platform ? (
        <Result
          status="success"
          title={t('Your e-mail address is verified')}
          subTitle={t(
            '{{platform}} now reviews your registration and your organisation. You will get an e-mail with its decision; once approved, sign in with your e-mail address and password and apply under My applications.',
            { platform: localName(state.platform, locale) },
          )}
          extra={
            <Link to="/sign-in">
              <Button type="primary">{t('Sign in')}</Button>
            </Link>
          }
        />
      ) : state.error ? (
        <Result
          status="warning"
          title={errorText(t, state.error)}
          extra={
            <Link to="/sign-in">
              <Button>{t('Back to sign-in')}</Button>
            </Link>
          }
        />
      ) : (
        <Result status="info" title={t('Verifying your e-mail address…')} />
      )}
    </Card>
  );
}
