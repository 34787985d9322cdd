import { SendOutlined } from '@ant-design/icons';
import { App, Button, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApplicationMember, type ApplicationView, applicationsApi } from '../../../api/applications.js';
import { useLocale } from '../../../app/locale.js';
import { localName } from '../../../components/labels.js';
import { money } from '../../../components/money.js';
import { orgName } from '../../../components/org-labels.js';
import { actions, WIDE } from '../../../components/tables.js';
import { errorText } from '../../../i18n/errors.js';
import { tk } from '../../../i18n/index.js';

export const CONFIRMATION_LABELS: Record<ApplicationMember['confirmation'], [string, string]> = {
  not_needed: [tk('Lead: no confirmation needed'), 'default'],
  not_invited: [tk('Not invited yet'), 'default'],
  pending: [tk('Waiting for confirmation'), 'gold'],
  confirmed: [tk('Confirmed'), 'green'],
  declined: [tk('answer.declined'), 'red'],
  revoked: [tk('Invitation revoked'), 'default'],
  outdated: [tk('Terms changed since confirmed: invite again'), 'orange'],
};

/**
 * Step 7: each member's contact confirms its part (role, requested amount, co-funding). The lead invites
 * them here; a change to a member's terms after it confirmed asks for a new confirmation.
 */
export function InvitationsStep({
  app,
  onChanged,
  beforeInvite,
}: {
  app: ApplicationView;
  onChanged(): void;
  /** Saves the form first, so the invitation carries the terms as shown. */
  beforeInvite(): Promise<boolean>;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const invite = async (m: ApplicationMember) => {
    setBusy(m.organisation.id);
    try {
      if (!(await beforeInvite())) return;
      const inv = await applicationsApi.invite(app.id, m.organisation.id);
      message.success(
        inv.channel === 'email'
          ? t('Invitation e-mailed to {{name}}', { name: localName(inv.contact, locale) })
          : t('{{name}} is asked to confirm in the app', { name: localName(inv.contact, locale) }),
      );
      onChanged();
    } catch (err) {
      message.error(errorText(t, err));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Table<ApplicationMember>
      scroll={WIDE}
      size="small"
      rowKey={(m) => m.organisation.id}
      pagination={false}
      dataSource={app.consortium}
      data-testid="invitations-table"
      columns={[
        { title: t('Organisation'), render: (_, m) => orgName(m.organisation, locale) },
        { title: t('Contact person'), render: (_, m) => (m.contact ? localName(m.contact, locale) : '—') },
        { title: t('Role in the project'), render: (_, m) => m.role ?? '—' },
        {
          title: t('Requested amount'),
          render: (_, m) => money(m.requestedMinor, app.currency, locale),
        },
        { title: t('Own co-funding'), render: (_, m) => money(m.cofundingMinor, app.currency, locale) },
        {
          title: t('Confirmation'),
          render: (_, m) => {
            const [label, color] = CONFIRMATION_LABELS[m.confirmation];
            return (
              <Tag color={color} data-testid={`confirmation-${m.position}`}>
                {t(label)}
              </Tag>
            );
          },
        },
        {
          title: t('Actions'),
          ...actions(),
          render: (_, m) =>
            m.position === 0 || m.confirmation === 'confirmed' || !app.access.canInvite ? null : (
              <Button
                size="small"
                icon={<SendOutlined />}
                loading={busy === m.organisation.id}
                onClick={() => invite(m)}
                data-testid={`invite-${m.position}`}
              >
                {m.confirmation === 'not_invited' ? t('Invite') : t('Invite again')}
              </Button>
            ),
        },
      ]}
      footer={() => (
        <Typography.Text type="secondary">
          {t('A contact with an account confirms in the app; others get a one-time link by e-mail.')}
        </Typography.Text>
      )}
    />
  );
}
