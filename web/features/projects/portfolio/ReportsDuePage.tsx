import { Alert, Segmented, Space, Statistic, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { REPORT_STATUSES, type ReportStatus } from '../../../../common/projects.reports.js';
import { projectExecutionApi, type ReportsDueList } from '../../../api/project-execution.js';
import { useLocale } from '../../../app/locale.js';
import { usePlatformChoice } from '../../../app/platformChoice.js';
import { usePlatforms } from '../../../app/platforms.js';
import { useSignedIn } from '../../../app/session.js';
import { useApi } from '../../../app/useApi.js';
import { pick } from '../../../components/labels.js';
import { defaultPlatform, PlatformSelect } from '../../../components/PlatformSelect.js';
import {
  REPORT_KIND_LABELS,
  REPORT_STATUS_COLORS,
  REPORT_STATUS_LABELS,
} from '../../../components/project-detail-labels.js';
import { STATE_LABELS } from '../../../components/project-labels.js';
import { WIDE } from '../../../components/tables.js';
import { formatTime } from '../../../components/time.js';
import { errorText } from '../../../i18n/errors.js';

type Row = ReportsDueList['items'][number];

/**
 * /reports-due: the reports every project of a platform owes by its 任务书's schedule — due, overdue and
 * submitted — in one table with the counts, each row opening the project's 报告 tab.
 */
export default function ReportsDuePage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { user } = useSignedIn();
  const { list: platforms } = usePlatforms();
  const choice = usePlatformChoice();
  const platformId =
    choice.platformId ?? defaultPlatform(platforms, [...new Set(user.roles.map((r) => r.platformId))]);
  // ?status= and ?before= (due on or before that day) come from the URL: the workbench's to-dos link here.
  const [params, setParams] = useSearchParams();
  const status = REPORT_STATUSES.find((s) => s === params.get('status')) ?? 'all';
  const before = params.get('before') ?? undefined;
  const setFilter = (key: 'status' | 'before', value: string | undefined) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value && value !== 'all') next.set(key, value);
      else next.delete(key);
      return next;
    });
  const list = useApi(
    () =>
      platformId
        ? projectExecutionApi.reportsDue(platformId, { ...(status === 'all' ? {} : { status }), before })
        : Promise.resolve(null),
    [platformId, status, before],
  );
  const counts = list.data?.counts;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="reports-due-page">
      <Space wrap size="large">
        <PlatformSelect platforms={platforms} value={platformId} onChange={(id) => choice.setPlatform(id)} />
        <Segmented<ReportStatus | 'all'>
          value={status}
          onChange={(v) => setFilter('status', v)}
          options={[
            { value: 'all', label: t('All') },
            { value: 'due', label: t(REPORT_STATUS_LABELS.due) },
            { value: 'overdue', label: t(REPORT_STATUS_LABELS.overdue) },
            { value: 'submitted', label: t(REPORT_STATUS_LABELS.submitted) },
          ]}
        />
        {before ? (
          <Tag closable onClose={() => setFilter('before', undefined)} data-testid="before-filter">
            {t('Due on or before {{date}}', { date: before })}
          </Tag>
        ) : null}
      </Space>
      {counts ? (
        <Space size="large" data-testid="reports-due-counts">
          <Statistic title={t(REPORT_STATUS_LABELS.due)} value={counts.due} />
          <Statistic title={t(REPORT_STATUS_LABELS.overdue)} value={counts.overdue} />
          <Statistic title={t(REPORT_STATUS_LABELS.submitted)} value={counts.submitted} />
        </Space>
      ) : null}
      {list.error ? <Alert type="error" showIcon title={errorText(t, list.error)} /> : null}
      <Table<Row>
        scroll={WIDE}
        rowKey={(r) => `${r.projectId}-${r.kind}-${r.dueOn}`}
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="reports-due-table"
        columns={[
          { title: t('Code'), dataIndex: 'code' },
          {
            title: t('work.title'),
            render: (_, r) => (
              <Link to={`/projects/${r.projectId}/reports`}>{pick(r.titleZh, r.titleEn, locale)}</Link>
            ),
          },
          { title: t('State'), render: (_, r) => t(STATE_LABELS[r.state]) },
          { title: t('Report'), render: (_, r) => t(REPORT_KIND_LABELS[r.kind]) },
          { title: t('Due'), dataIndex: 'dueOn' },
          {
            title: t('Status'),
            render: (_, r) => (
              <Tag color={REPORT_STATUS_COLORS[r.status]}>{t(REPORT_STATUS_LABELS[r.status])}</Tag>
            ),
          },
          {
            title: t('Submitted at'),
            render: (_, r) => (r.submittedAt ? formatTime(r.submittedAt, locale) : '—'),
          },
        ]}
      />
    </Space>
  );
}
