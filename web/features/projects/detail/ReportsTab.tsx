import { Button, Form, Input, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ProjectReports, projectExecutionApi } from '../../../api/project-execution.js';
import type { ProjectDetail } from '../../../api/projects.js';
import { useLocale } from '../../../app/locale.js';
import { useApi } from '../../../app/useApi.js';
import { FormModal } from '../../../components/FormModal.js';
import { LoadFailed } from '../../../components/feedback.js';
import { actions, WIDE } from '../../../components/tables.js';
import { formatTime } from '../../../components/time.js';
import { REPORT_KIND_LABELS, REPORT_STATUS_COLORS, REPORT_STATUS_LABELS } from './detail.labels.js';

type Report = ProjectReports['items'][number];

/** 报告: the reports the schedule asks of this project, due, overdue or submitted; the lead submits. */
export function ReportsTab({ project: p }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const list = useApi(() => projectExecutionApi.reports(p.id), [p.id]);
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
          expandedRowRender: (r) => <div style={{ whiteSpace: 'pre-wrap' }}>{r.body}</div>,
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
            title: t('Submitted at'),
            render: (_, r) => (r.submittedAt ? formatTime(r.submittedAt, locale) : '—'),
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
