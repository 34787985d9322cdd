import { GlobalOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../common/roles.js';
import { api } from '../api/endpoints.js';
import { useLocale } from '../app/locale.js';
import { useSession } from '../app/session.js';
import { errorText } from '../i18n/errors.js';

// Each language is named in itself, so a reader of the other one can still find it.
const NAMES: Record<Locale, string> = { 'zh-CN': '简体中文', 'en-US': 'English' };

export function LanguageSwitch({ dark = false }: { dark?: boolean }) {
  const { locale, setLocale } = useLocale();
  const { session } = useSession();
  const { message } = App.useApp();
  const { t } = useTranslation();

  const choose = async (next: Locale) => {
    if (next === locale) return;
    await setLocale(next);
    // Saved to the account too, so the next device the user signs in on starts in this language.
    if (session) await api.setPreferences(next).catch((err: unknown) => message.error(errorText(t, err)));
  };

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: (Object.keys(NAMES) as Locale[]).map((l) => ({ key: l, label: NAMES[l], lang: l })),
        onClick: ({ key }) => void choose(key as Locale),
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        data-testid="language-switch"
        // The name starts with the words shown (axe: label-content-name-mismatch), then says what it is.
        aria-label={`${NAMES[locale]} · ${t('Language')}`}
        style={dark ? { color: '#fff' } : undefined}
      >
        {NAMES[locale]}
      </Button>
    </Dropdown>
  );
}
