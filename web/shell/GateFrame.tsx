import { SafetyOutlined } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../app/session.js';
import { LanguageSwitch } from './LanguageSwitch.js';

/**
 * The frame of a page a session must pass before the application opens (second factor, enrolment, a new
 * password): the sign-in page's look, no menu, and a way out.
 */
export function GateFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { signOut } = useSession();
  return (
    <div className="cl-signin">
      <div className="cl-signin-top">
        <span style={{ color: '#fff', fontWeight: 600 }}>Commonlab</span>
        <LanguageSwitch dark />
      </div>
      <div className="cl-signin-main" style={{ justifyContent: 'center' }}>
        <Card className="cl-signin-card" variant="borderless">
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            <SafetyOutlined /> {title}
          </Typography.Title>
          {children}
          <Button type="link" style={{ paddingLeft: 0, marginTop: 12 }} onClick={() => void signOut()}>
            {t('Sign out')}
          </Button>
        </Card>
      </div>
    </div>
  );
}
