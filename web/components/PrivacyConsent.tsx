import { Checkbox, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PRIVACY_NOTICE, PRIVACY_NOTICE_VERSION } from '../../common/privacy.js';
import { useLocale } from '../app/locale.js';

/**
 * The privacy notice and the explicit consent (个人信息保护法) every public form that collects personal
 * data shows: the notice's text in the reader's language and a checkbox the form cannot be sent without.
 * The form sends `PRIVACY_NOTICE_VERSION` with its data, and the server records it with the time.
 */
export function PrivacyConsent({ name = 'consent' }: { name?: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <>
      <Typography.Paragraph
        type="secondary"
        style={{ fontSize: 12, maxHeight: 120, overflowY: 'auto', border: '1px solid #d9d9d9', padding: 8 }}
        data-testid="privacy-notice"
        // The notice scrolls inside its box: a keyboard user reaches it by Tab and scrolls with the arrows
        // (WCAG 2.1.1; axe scrollable-region-focusable), and a screen reader hears what the region is.
        tabIndex={0}
        role="region"
        aria-label={t('Privacy notice')}
      >
        {PRIVACY_NOTICE[locale === 'en-US' ? 'en-US' : 'zh-CN']}
        <br />
        {t('Version of the notice: {{version}}', { version: PRIVACY_NOTICE_VERSION })}
      </Typography.Paragraph>
      <Form.Item
        name={name}
        valuePropName="checked"
        rules={[
          {
            validator: (_, v) =>
              v ? Promise.resolve() : Promise.reject(new Error(t('Agree to the privacy notice to continue'))),
          },
        ]}
      >
        <Checkbox data-testid="privacy-consent">
          {t('I have read the privacy notice and agree to the processing of my personal information')}
        </Checkbox>
      </Form.Item>
    </>
  );
}
