import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { COST_CATEGORIES, type RequiredAttachment } from '../../../common/calls.js';
import { type ApplicationMember, type ApplicationView, applicationsApi } from '../../api/applications.js';
import { useLocale } from '../../app/locale.js';
import { APPLICATION_STATES_SHOWN, COST_CATEGORIES_SHOWN, localName, pick } from '../../components/labels.js';
import { money } from '../../components/money.js';
import { orgName } from '../../components/org-labels.js';
import { saveFile } from '../../components/save-file.js';
import { WIDE } from '../../components/tables.js';
import { zonedTime } from '../../components/time.js';
import { actorText } from '../../i18n/audit-labels.js';
import { ApplicationContentCards } from './ApplicationContentCards.js';
import { sizeText } from './steps/AttachmentsStep.js';
import { CONFIRMATION_LABELS } from './steps/InvitationsStep.js';

/** The slot a file was uploaded to, as the call names it (a slot the call no longer has: 'Other attachment'). */
function slotName(specs: readonly RequiredAttachment[], key: string, locale: string, t: TFunction): string {
  const spec = specs.find((s) => s.key === key);
  return spec ? pick(spec.labelZh, spec.labelEn, locale) : t('Other attachment');
}

/** An application as read (the frozen version for officers, the applicant's own after submission). */
export function ApplicationDetails({
  app,
  attachmentSpecs = [],
}: {
  app: ApplicationView;
  /** The call's attachment slots, to name each file's slot in words rather than by its key. */
  attachmentSpecs?: readonly RequiredAttachment[];
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const fmt = (minor: number) => money(minor, app.currency, locale);
  const c = app.content;
  const names = new Map(app.consortium.map((m) => [m.organisation.id, orgName(m.organisation, locale)]));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="application-details">
      <ApplicationContentCards content={c} />
      <Card size="small" title={t('Consortium')}>
        <Table<ApplicationMember>
          size="small"
          pagination={false}
          rowKey={(m) => m.organisation.id}
          dataSource={app.consortium}
          data-testid="consortium-view"
          scroll={WIDE}
          columns={[
            {
              title: t('Organisation'),
              render: (_, m) => (
                <>
                  {orgName(m.organisation, locale)}{' '}
                  {m.position === 0 ? <Tag color="blue">{t('Lead')}</Tag> : null}
                </>
              ),
            },
            {
              title: t('Contact person'),
              render: (_, m) => (m.contact ? localName(m.contact, locale) : '—'),
            },
            { title: t('Role in the project'), render: (_, m) => m.role ?? '—' },
            { title: t('Requested amount'), align: 'right', render: (_, m) => fmt(m.requestedMinor) },
            { title: t('Own co-funding'), align: 'right', render: (_, m) => fmt(m.cofundingMinor) },
            {
              title: t('Confirmation'),
              render: (_, m) => {
                const [label, color] = CONFIRMATION_LABELS[m.confirmation];
                return <Tag color={color}>{t(label)}</Tag>;
              },
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('Budget')}>
        <Table
          size="small"
          pagination={false}
          rowKey="category"
          scroll={WIDE}
          dataSource={COST_CATEGORIES.filter((cat) => app.budget.some((b) => b.category === cat)).map(
            (category) => ({
              category,
            }),
          )}
          columns={[
            { title: t('Cost category'), render: (_, r) => t(COST_CATEGORIES_SHOWN[r.category]) },
            ...app.consortium.map((m) => ({
              title: names.get(m.organisation.id),
              key: m.organisation.id,
              align: 'right' as const,
              render: (_: unknown, r: { category: string }) =>
                fmt(
                  app.budget.find((b) => b.organisationId === m.organisation.id && b.category === r.category)
                    ?.amountMinor ?? 0,
                ),
            })),
          ]}
        />
      </Card>
      <Card size="small" title={t('Attachments')}>
        {app.attachments.length === 0 ? (
          <Typography.Text type="secondary">{t('No attachments')}</Typography.Text>
        ) : (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {app.attachments.map((a) => (
              <li key={a.id}>
                <Button
                  type="link"
                  size="small"
                  icon={<DownloadOutlined />}
                  onClick={() => applicationsApi.file(app.id, a.id).then(saveFile)}
                >
                  {a.fileName}
                </Button>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {slotName(attachmentSpecs, a.key, locale, t)} · {sizeText(a.sizeBytes)} · SHA-256 {a.sha256}
                </Typography.Text>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </Space>
  );
}

/** Who moved the application when, and why. */
export function TransitionsCard({ app }: { app: ApplicationView }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <Card size="small" title={t('History')}>
      <Timeline
        data-testid="application-history"
        items={app.transitions.map((x) => ({
          content: (
            <>
              <Typography.Text strong>
                {t(APPLICATION_STATES_SHOWN[x.toState as ApplicationView['state']] ?? x.toState)}
              </Typography.Text>{' '}
              <Typography.Text type="secondary">
                {zonedTime(x.at, locale)} · {actorText(t, x.actorLabel)}
              </Typography.Text>
              {x.reason ? <div style={{ whiteSpace: 'pre-wrap' }}>{x.reason}</div> : null}
            </>
          ),
        }))}
      />
    </Card>
  );
}

export const callTitle = (a: { callTitleZh: string; callTitleEn: string }, locale: string) =>
  pick(a.callTitleZh, a.callTitleEn, locale);
