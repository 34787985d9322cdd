import { LockOutlined } from '@ant-design/icons';
import { App, Button, Empty, Form, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MilestoneView, projectExecutionApi } from '../../../api/project-execution.js';
import type { ProjectDetail } from '../../../api/projects.js';
import { useLocale } from '../../../app/locale.js';
import { useApi } from '../../../app/useApi.js';
import { FormModal } from '../../../components/FormModal.js';
import { LoadFailed } from '../../../components/feedback.js';
import { MILESTONE_REVIEW_LABELS } from '../../../components/project-detail-labels.js';
import { ReasonDialog } from '../../../components/ReasonDialog.js';
import { actions, clippedText, WIDE } from '../../../components/tables.js';
import { formatTime } from '../../../components/time.js';
import { errorText } from '../../../i18n/errors.js';
import { EvidenceFiles, useEvidence } from './EvidenceFiles.js';

const REVIEW_COLORS = { submitted: 'blue', accepted: 'green', rejected: 'red' } as const;

/** 里程碑: the lead submits completion, the officer accepts (which locks it) or rejects with a reason. */
export function MilestonesTab({ project: p }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const list = useApi(() => projectExecutionApi.milestones(p.id), [p.id]);
  const evidence = useEvidence(p.id);
  const [submitting, setSubmitting] = useState<MilestoneView | null>(null);
  const [rejecting, setRejecting] = useState<MilestoneView | null>(null);
  if (list.error) return <LoadFailed error={list.error} />;
  const accept = async (m: MilestoneView) => {
    try {
      await projectExecutionApi.decideMilestone(p.id, { milestone: m.index, decision: 'accepted' });
      message.success(t('Saved'));
      list.reload();
    } catch (err) {
      message.error(errorText(t, err));
    }
  };
  return (
    <>
      <Table<MilestoneView>
        scroll={WIDE}
        size="small"
        rowKey="index"
        loading={list.loading}
        pagination={false}
        data-testid="milestones"
        locale={{
          emptyText: <Empty description={t('The milestones come from the signed task agreement')} />,
        }}
        dataSource={list.data?.items ?? []}
        columns={[
          { title: t('Project milestone'), dataIndex: 'title', ...clippedText(320) },
          { title: t('Due'), dataIndex: 'dueOn' },
          { title: t('Deliverables'), render: (_, m) => m.deliverables.join('; ') },
          {
            title: t('Acceptance'),
            render: (_, m) =>
              m.review ? (
                <Space orientation="vertical" size={0}>
                  <Tag
                    color={REVIEW_COLORS[m.review.state]}
                    icon={m.review.state === 'accepted' ? <LockOutlined /> : undefined}
                  >
                    {t(MILESTONE_REVIEW_LABELS[m.review.state])}
                  </Tag>
                  <span>{m.review.note}</span>
                  {m.review.decidedAt ? <span>{formatTime(m.review.decidedAt, locale)}</span> : null}
                  {m.review.decisionReason ? <span>{m.review.decisionReason}</span> : null}
                </Space>
              ) : (
                <Tag>{t('Not submitted')}</Tag>
              ),
          },
          {
            title: t('Evidence'),
            render: (_, m) => (
              <EvidenceFiles
                projectId={p.id}
                subject="milestone"
                subjectRef={String(m.index)}
                items={evidence.of('milestone', String(m.index))}
                canUpload={m.access.submit}
                onUploaded={evidence.reload}
              />
            ),
          },
          {
            title: t('Actions'),
            ...actions(),
            render: (_, m) => (
              <Space>
                {m.access.submit ? (
                  <Button size="small" onClick={() => setSubmitting(m)}>
                    {t('Submit completion')}
                  </Button>
                ) : null}
                {m.access.decide ? (
                  <>
                    <Button size="small" type="primary" onClick={() => accept(m)}>
                      {t('Pass the acceptance')}
                    </Button>
                    <Button size="small" danger onClick={() => setRejecting(m)}>
                      {t('Send back')}
                    </Button>
                  </>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      {submitting ? (
        <CompletionModal
          projectId={p.id}
          milestone={submitting}
          onClose={() => setSubmitting(null)}
          onDone={() => {
            setSubmitting(null);
            list.reload();
          }}
        />
      ) : null}
      {rejecting ? (
        <ReasonDialog
          title={t('Reject the milestone')}
          onClose={() => setRejecting(null)}
          send={async (reason) => {
            await projectExecutionApi.decideMilestone(p.id, {
              milestone: rejecting.index,
              decision: 'rejected',
              reason,
            });
            setRejecting(null);
            list.reload();
          }}
        />
      ) : null}
    </>
  );
}

function CompletionModal({
  projectId,
  milestone,
  onClose,
  onDone,
}: {
  projectId: string;
  milestone: MilestoneView;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note: string }>();
  return (
    <FormModal
      open
      title={`${t('Submit completion')} · ${milestone.title}`}
      okText={t('Submit')}
      onCancel={onClose}
      form={form}
      briefError
      onSubmit={async (v) => {
        await projectExecutionApi.submitMilestone(projectId, { milestone: milestone.index, note: v.note });
        onDone();
      }}
    >
      <Form.Item
        name="note"
        label={t('What was done and where the deliverables are')}
        rules={[{ required: true, message: t('Required') }]}
      >
        <Input.TextArea rows={4} maxLength={4000} />
      </Form.Item>
    </FormModal>
  );
}
