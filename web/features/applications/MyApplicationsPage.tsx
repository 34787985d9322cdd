import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { APPLICATION_STATES, type ApplicationState } from '../../../common/applications.js';
import { type ApplicationSummary, applicationsApi, type InvitationView } from '../../api/applications.js';
import { exportsApi } from '../../api/exports.js';
import { useLocale } from '../../app/locale.js';
import { useApi } from '../../app/useApi.js';
import { ExportButton } from '../../components/ExportButton.js';
import { APPLICATION_STATES_SHOWN, pick } from '../../components/labels.js';
import { money } from '../../components/money.js';
import { orgName } from '../../components/org-labels.js';
import { ApplicationStateTag } from '../../components/StateTags.js';
import { actions, WIDE } from '../../components/tables.js';
import { zonedTime } from '../../components/time.js';
import { errorText } from '../../i18n/errors.js';

/** /applications: the caller's applications (own and confirmed parts) and invitations to confirm. */
export default function MyApplicationsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  // The workbench's links narrow the list to one state, or to the invitations alone.
  const [params, setParams] = useSearchParams();
  const asked = params.get('state');
  const state = APPLICATION_STATES.includes(asked as ApplicationState)
    ? (asked as ApplicationState)
    : undefined;
  const invitationsOnly = params.get('show') === 'invitations';
  const list = useApi(
    () => applicationsApi.list({ state, sort: 'updatedAt', order: 'desc', limit: 200 }),
    [state],
  );
  if (invitationsOnly)
    return (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="my-applications">
        <Invitations onAnswered={list.reload} alwaysShown />
        <Link to="/applications">{t('All my applications')}</Link>
      </Space>
    );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="my-applications">
      <Invitations onAnswered={list.reload} />
      {state ? (
        <Tag
          closable
          onClose={() => setParams({})}
          data-testid="applications-filter"
          data-count={list.data?.total ?? ''}
        >
          {t(APPLICATION_STATES_SHOWN[state])}: {list.data?.total ?? '…'}
        </Tag>
      ) : null}
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">
          {t('To apply, open a call that is open for applications and choose Apply.')}{' '}
          <Link to="/calls">{t('Calls')}</Link>
        </Typography.Text>
        <ExportButton file={(opts) => exportsApi.applications({ state }, opts)} />
      </Space>
      {list.error ? <Alert type="error" showIcon title={errorText(t, list.error)} /> : null}
      <Table<ApplicationSummary>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="applications-table"
        scroll={WIDE}
        columns={[
          {
            title: t('work.title'),
            render: (_, a) => (
              <Link to={`/applications/${a.id}`}>
                {pick(a.titleZh, a.titleEn, locale) || t('Untitled application')}
              </Link>
            ),
          },
          {
            title: t('Call'),
            render: (_, a) => `${pick(a.callTitleZh, a.callTitleEn, locale)} (${a.callCode})`,
          },
          { title: t('Lead'), render: (_, a) => orgName(a.lead, locale) },
          { title: t('State'), render: (_, a) => <ApplicationStateTag state={a.state} /> },
          {
            title: t('Requested'),
            align: 'right',
            render: (_, a) => money(a.requestedTotalMinor, a.currency, locale),
          },
          { title: t('Receipt number'), render: (_, a) => a.receiptNo ?? '—' },
          { title: t('Updated'), render: (_, a) => zonedTime(a.updatedAt, locale) },
        ]}
      />
    </Space>
  );
}

/** The invitation carries no currency: amounts in major units of the call's (two-digit) currency. */
const major = (minor: number, locale: string) =>
  (minor / 100).toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Invitations to confirm one's organisation's part in someone else's consortium. */
function Invitations({ onAnswered, alwaysShown = false }: { onAnswered(): void; alwaysShown?: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const invitations = useApi(() => applicationsApi.myInvitations(), []);
  const [busy, setBusy] = useState<string | null>(null);
  const pending = (invitations.data?.items ?? []).filter((i) => i.state === 'pending');
  if (pending.length === 0 && !alwaysShown) return null;
  const answer = async (inv: InvitationView, accept: boolean) => {
    setBusy(inv.id);
    try {
      await applicationsApi.respond(inv.id, accept);
      message.success(accept ? t('Part confirmed') : t('Invitation declined'));
      invitations.reload();
      onAnswered();
    } catch (err) {
      message.error(errorText(t, err));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card
      size="small"
      title={t('Invitations to confirm')}
      data-testid="invitations"
      data-count={invitations.data ? pending.length : ''}
    >
      <Table<InvitationView>
        scroll={WIDE}
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={pending}
        columns={[
          {
            title: t('Application'),
            render: (_, i) => (
              <Space orientation="vertical" size={0}>
                {pick(i.applicationTitleZh, i.applicationTitleEn, locale) || t('Untitled application')}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {pick(i.callTitleZh, i.callTitleEn, locale)} · {t('Lead')}: {i.leadNameZh}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('Organisation'), render: (_, i) => orgName(i.organisation, locale) },
          { title: t('Role in the project'), render: (_, i) => i.role ?? '—' },
          { title: t('Requested amount'), align: 'right', render: (_, i) => major(i.requestedMinor, locale) },
          { title: t('Own co-funding'), align: 'right', render: (_, i) => major(i.cofundingMinor, locale) },
          { title: t('State'), render: () => <Tag color="gold">{t('Waiting for confirmation')}</Tag> },
          {
            title: t('Actions'),
            ...actions(),
            render: (_, i) => (
              <Space>
                <Button
                  type="primary"
                  size="small"
                  loading={busy === i.id}
                  onClick={() => answer(i, true)}
                  data-testid={`confirm-invitation-${i.applicationId}`}
                >
                  {t('Confirm')}
                </Button>
                <Popconfirm
                  title={t('Decline this invitation?')}
                  okText={t('partnership.decline')}
                  cancelText={t('Cancel')}
                  onConfirm={() => answer(i, false)}
                >
                  <Button size="small" danger disabled={busy === i.id}>
                    {t('partnership.decline')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
