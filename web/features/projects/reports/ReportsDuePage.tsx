import { Alert, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { REPORT_STATUSES, type ReportStatus } from '../../../../common/projects.reports.js';
import { type ReportsDueList, reportsDueApi } from '../../../api/reports-due.js';
import { useLocale } from '../../../app/locale.js';
import { usePlatformChoice } from '../../../app/platformChoice.js';
import { usePlatforms } from '../../../app/platforms.js';
import { useSignedIn } from '../../../app/session.js';
import { useApi } from '../../../app/useApi.js';
import { pick } from '../../../components/labels.js';
import { defaultPlatform, PlatformSelect } from '../../../components/PlatformSelect.js';
import { errorText } from '../../../i18n/errors.js';
import { STATE_LABELS } from '../projects.labels.js';
import { REPORT_KIND_LABELS, REPORT_STATUS_COLORS, REPORT_STATUS_LABELS } from './reports.labels.js';

type Row = ReportsDueList['items'][number];

/**
 * /projects/reports-due: the reports a platform's projects owe by their 任务书 schedule, filtered by
 * ?status= and ?before= (due on or before that day), as the workbench's to-dos link to them.
 */
export default function ReportsDuePage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { user } = useSignedIn();
  const { list: platforms } = usePlatforms();
  const choice = usePlatformChoice();
  const platformId =
    choice.platformId ?? defaultPlatform(platforms, [...new Set(user.roles.map((r) => r.platformId))]);
  const [params, setParams] = useSearchParams();
  const status = REPORT_STATUSES.find((s) => s === params.get('status'));
  const before = params.get('before') ?? undefined;
  const list = useApi(
    () => (platformId ? reportsDueApi.list(platformId, status ? { status } : {}) : Promise.resolve(null)),
    [platformId, status],
  );
  const rows = (list.data?.items ?? []).filter((r) => !before || r.dueOn <= before);
  const setFilter = (key: 'status' | 'before', value: string | undefined) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });
  return (
    <Card data-testid="reports-due-page">
      <Space wrap style={{ marginBottom: 12 }}>
        <PlatformSelect platforms={platforms} value={platformId} onChange={(id) => choice.setPlatform(id)} />
        <Select<ReportStatus>
          allowClear
          aria-label={t('Report status')}
          placeholder={t('Report status')}
          style={{ width: 160 }}
          value={status}
          onChange={(v) => setFilter('status', v)}
          options={REPORT_STATUSES.map((s) => ({ value: s, label: t(REPORT_STATUS_LABELS[s]) }))}
        />
        {before ? (
          <Tag closable onClose={() => setFilter('before', undefined)} data-testid="before-filter">
            {t('Due on or before {{date}}', { date: before })}
          </Tag>
        ) : null}
      </Space>
      {list.data ? (
        <Typography.Paragraph type="secondary" data-testid="reports-count">
          {t('Reports listed: {{n}}', { n: rows.length })}
        </Typography.Paragraph>
      ) : null}
      {list.error ? <Alert type="error" showIcon title={errorText(t, list.error)} /> : null}
      <Table<Row>
        rowKey={(r) => `${r.projectId}:${r.kind}:${r.dueOn}`}
        loading={list.loading}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: true }}
        data-testid="reports-due-table"
        columns={[
          { title: t('Code'), dataIndex: 'code' },
          {
            title: t('work.title'),
            render: (_, r) => pick(r.titleZh, r.titleEn, locale),
          },
          { title: t('Project state'), render: (_, r) => t(STATE_LABELS[r.state]) },
          { title: t('Report kind'), render: (_, r) => t(REPORT_KIND_LABELS[r.kind]) },
          { title: t('Due on'), dataIndex: 'dueOn' },
          {
            title: t('Report status'),
            render: (_, r) => (
              <Tag color={REPORT_STATUS_COLORS[r.status]}>{t(REPORT_STATUS_LABELS[r.status])}</Tag>
            ),
          },
        ]}
      />
    </Card>
  );
}
