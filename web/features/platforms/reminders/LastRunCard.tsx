import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type LastReminderRun, projectExecutionApi } from '../../../api/project-execution.js';
import { useLocale } from '../../../app/locale.js';
import { useApi } from '../../../app/useApi.js';
import { LoadFailed } from '../../../components/feedback.js';
import { REPORT_KIND_LABELS } from '../../../components/project-detail-labels.js';
import { OUTCOME_COLORS, OUTCOME_LABELS, offsetText } from '../../../components/reminder-labels.js';
import { WIDE } from '../../../components/tables.js';
import { formatTime } from '../../../components/time.js';

type Line = LastReminderRun['lines'][number];

/**
 * The platform's last run of the reminders (docs/projects.md "Reminders sent"): each report it judged,
 * sent or why not — a project nobody could be told (no account on its lead side) shows here and nowhere
 * else. Read by those who read the settings.
 */
export function LastRunCard({ platformId }: { platformId: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const run = useApi(() => projectExecutionApi.lastReminderRun(platformId), [platformId]);
  if (run.error) return <LoadFailed error={run.error} />;
  const r = run.data;
  return (
    <Card
      size="small"
      title={t('Last run of the reminders')}
      loading={run.loading}
      data-testid="reminder-last-run"
    >
      {r && !r.ranAt ? (
        <Typography.Text type="secondary">
          {t('The reminders have not run for this platform yet')}
        </Typography.Text>
      ) : r ? (
        <>
          <Typography.Paragraph type="secondary">
            {t('Ran at {{time}}, judging by {{day}}', { time: formatTime(r.ranAt!, locale), day: r.on })}
          </Typography.Paragraph>
          <Table<Line>
            scroll={WIDE}
            size="small"
            rowKey={(l) => `${l.projectId}-${l.kind}-${l.dueOn}-${l.offset}`}
            pagination={false}
            dataSource={r.lines}
            locale={{ emptyText: t('Nothing was due on that run') }}
            columns={[
              {
                title: t('Project'),
                render: (_, l) => `${l.code} ${locale === 'en-US' ? l.titleEn : l.titleZh}`,
              },
              { title: t('Report'), render: (_, l) => `${t(REPORT_KIND_LABELS[l.kind])} · ${l.dueOn}` },
              { title: t('Reminder'), render: (_, l) => offsetText(t, l.offset) },
              {
                title: t('Outcome'),
                render: (_, l) => <Tag color={OUTCOME_COLORS[l.outcome]}>{t(OUTCOME_LABELS[l.outcome])}</Tag>,
              },
            ]}
          />
        </>
      ) : null}
    </Card>
  );
}
