import { Button, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ProjectReports, projectExecutionApi } from '../../../api/project-execution.js';
import type { ProjectDetail } from '../../../api/projects.js';
import { useLocale } from '../../../app/locale.js';
import { useApi } from '../../../app/useApi.js';
import { FormModal } from '../../../components/FormModal.js';
import { LoadFailed } from '../../../components/feedback.js';
import {
  REPORT_KIND_LABELS,
  REPORT_STATUS_COLORS,
  REPORT_STATUS_LABELS,
} from '../../../components/project-detail-labels.js';
import { offsetText, recipientsText } from '../../../components/reminder-labels.js';
import { actions, WIDE } from '../../../components/tables.js';
import { formatTime } from '../../../components/time.js';
import { EvidenceFiles, useEvidence } from './EvidenceFiles.js';

type Report = ProjectReports['items'][number];

/** 报告: the reports the schedule asks of this project, due, overdue or submitted; the lead submits. */
export function ReportsTab({ project: p }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const list = useApi(() => projectExecutionApi.reports(p.id), [p.id]);
  // One list of the project's files for every row (a long project owes dozens of reports).
  const evidence = useEvidence(p.id);
  const [writing, setWriting] = useState<Report | null>(null);
  if (list.error) return <LoadFailed error={list.error} />;
  return (
    <>
      <Table<Report>
        scroll={WIDE}
        size="small"
        rowKey={(r) => `${r.kind}-${r.dueOn}`}
        loading={list.loading}
        pagination={false}
        data-testid="project-reports"
        dataSource={list.data?.items ?? []}
        expandable={{
          rowExpandable: (r) => !!r.body,
          expandedRowRender: (r) => (
            <div>
              <div style={{ whiteSpace: 'pre-wrap' }}>{r.body}</div>
              {r.sha256 ? (
                <Typography.Text type="secondary" code>{`SHA-256 ${r.sha256}`}</Typography.Text>
              ) : null}
            </div>
          ),
        }}
        columns={[
          { title: t('Report'), render: (_, r) => t(REPORT_KIND_LABELS[r.kind]) },
          { title: t('Due'), dataIndex: 'dueOn' },
          {
            title: t('Status'),
            render: (_, r) => (
              <Tag color={REPORT_STATUS_COLORS[r.status]}>{t(REPORT_STATUS_LABELS[r.status])}</Tag>
            ),
          },
          {
            title: t('Attachments'),
            render: (_, r) => (
              <EvidenceFiles
                projectId={p.id}
                subject="report"
                subjectRef={`${r.kind}:${r.dueOn}`}
                items={evidence.of('report', `${r.kind}:${r.dueOn}`)}
                canUpload={!!list.data?.access.submit && r.status !== 'submitted'}
                onUploaded={evidence.reload}
                label={t('Attach a file')}
              />
            ),
          },
          {
            title: t('Submitted at'),
            render: (_, r) => (r.submittedAt ? formatTime(r.submittedAt, locale) : '—'),
          },
          {
            // Which reminders went out for the report: when, the day against the due day, to whom and how.
            title: t('Reminders sent'),
            render: (_, r) =>
              r.reminders.length === 0 ? (
                '—'
              ) : (
                <Space orientation="vertical" size={0} data-testid="report-reminders">
                  {r.reminders.map((m) => (
                    <Typography.Text key={m.offset} type="secondary">
                      {formatTime(m.sentAt, locale)} · {offsetText(t, m.offset)} ·{' '}
                      {recipientsText(t, m, locale)}
                    </Typography.Text>
                  ))}
                </Space>
              ),
          },
          {
            title: t('Actions'),
            ...actions(),
            render: (_, r) =>
              list.data?.access.submit && r.status !== 'submitted' ? (
                <Button size="small" onClick={() => setWriting(r)}>
                  {t('Submit the report')}
                </Button>
              ) : null,
          },
        ]}
      />
      {writing ? (
        <ReportModal
          projectId={p.id}
          report={writing}
          onClose={() => setWriting(null)}
          onDone={() => {
            setWriting(null);
            list.reload();
            evidence.reload();
          }}
        />
      ) : null}
    </>
  );
}

function ReportModal({
  projectId,
  report,
  onClose,
  onDone,
}: {
  projectId: string;
  report: Report;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ body: string }>();
  return (
    <FormModal
      open
      width={720}
      title={`${t(REPORT_KIND_LABELS[report.kind])} · ${report.dueOn}`}
      okText={t('Submit')}
      onCancel={onClose}
      form={form}
      briefError
      onSubmit={async (v) => {
        await projectExecutionApi.submitReport(projectId, {
          kind: report.kind,
          dueOn: report.dueOn,
          body: v.body,
        });
        onDone();
      }}
    >
      <Form.Item
        name="body"
        label={t('Progress against the indicators and milestones')}
        rules={[{ required: true, message: t('Required') }]}
      >
        <Input.TextArea rows={8} maxLength={20_000} />
      </Form.Item>
    </FormModal>
  );
}
