import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ScorecardView, scoringApi } from '../../../api/review-scoring.js';
import { useLocale } from '../../../app/locale.js';
import { COST_CATEGORIES_SHOWN, pick } from '../../../components/labels.js';
import { money } from '../../../components/money.js';
import { saveFile } from '../../../components/save-file.js';
import { WIDE } from '../../../components/tables.js';
import { ApplicationContentCards } from '../../applications/ApplicationContentCards.js';

type App = ScorecardView['application'];

/** The application as its reviewer reads it: the submitted content, organisations, budget, attachment names. */
export function ReviewerApplication({ app, assignmentId }: { app: App; assignmentId: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const fmt = (minor: number) => money(minor, app.currency, locale);
  const c = app.content;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="reviewer-application">
      <ApplicationContentCards content={c} />
      <Card size="small" title={t('Consortium')}>
        <Table
          scroll={WIDE}
          size="small"
          rowKey="position"
          pagination={false}
          dataSource={app.consortium}
          columns={[
            {
              title: t('Organisation'),
              render: (_, m) => pick(m.organisation.nameZh, m.organisation.nameEn, locale),
            },
            { title: t('Role in the project'), render: (_, m) => m.role ?? '—' },
            { title: t('Requested'), align: 'right', render: (_, m) => fmt(m.requestedMinor) },
            { title: t('Co-funding'), align: 'right', render: (_, m) => fmt(m.cofundingMinor) },
          ]}
        />
      </Card>
      <Card size="small" title={t('Budget by category')}>
        <Descriptions column={2} size="small">
          {app.budgetByCategory.map((b) => (
            <Descriptions.Item key={b.category} label={t(COST_CATEGORIES_SHOWN[b.category])}>
              {fmt(b.amountMinor)}
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={t('Requested in total')}>
            {fmt(app.requestedTotalMinor)}
          </Descriptions.Item>
        </Descriptions>
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
                  onClick={() => scoringApi.file(assignmentId, a.id).then(saveFile)}
                  data-testid={`reviewer-file-${a.key}`}
                >
                  {a.fileName}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </Space>
  );
}
