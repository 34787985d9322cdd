import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type EvidenceSubject,
  type EvidenceView,
  projectEvidenceApi,
} from '../../../api/project-evidence.js';
import { useApi } from '../../../app/useApi.js';
import { errorText } from '../../../i18n/errors.js';

/** A project's evidence files, loaded once per tab; `of` picks those of one milestone or entry. */
export function useEvidence(projectId: string) {
  const list = useApi(() => projectEvidenceApi.list(projectId), [projectId]);
  const items = list.data?.items ?? [];
  return {
    reload: list.reload,
    of: (subject: EvidenceSubject, ref: string) =>
      items.filter((e) => e.subject === subject && e.ref === ref),
  };
}

/**
 * The evidence files of one milestone or spending entry, each a link downloading it under its own name, and (when
 * the caller may attach) an upload of one more: the server checks the type from the bytes.
 */
export function EvidenceFiles({
  projectId,
  subject,
  subjectRef,
  items,
  canUpload,
  onUploaded,
  label,
}: {
  projectId: string;
  subject: EvidenceSubject;
  /** The milestone's index or the spending entry's id. */
  subjectRef: string;
  items: EvidenceView[];
  canUpload: boolean;
  /** After an upload or a removal: the caller reloads the list. */
  onUploaded(): void;
  /** The upload button's text (reports: 上传附件). */
  label?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const upload = async (file: File) => {
    setBusy(true);
    try {
      await projectEvidenceApi.upload(projectId, subject, subjectRef, file);
      message.success(t('The file is attached'));
      onUploaded();
    } catch (e) {
      message.error(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (id: string) => {
    try {
      await projectEvidenceApi.remove(projectId, id);
      message.success(t('The file is removed'));
      onUploaded();
    } catch (e) {
      message.error(errorText(t, e));
    }
  };
  return (
    <Space orientation="vertical" size={0} data-testid={`evidence-${subject}-${subjectRef}`}>
      {/* A plain link: the browser downloads it under the name the server gives (content-disposition). */}
      {items.map((e) => (
        <Space key={e.id} size="small">
          <Typography.Link href={projectEvidenceApi.fileUrl(projectId, e.id)}>
            <PaperClipOutlined /> {e.fileName}
          </Typography.Link>
          {e.removable ? (
            <Button
              size="small"
              type="link"
              danger
              aria-label={`${t('Remove')} ${e.fileName}`}
              icon={<DeleteOutlined />}
              onClick={() => remove(e.id)}
            />
          ) : null}
        </Space>
      ))}
      {canUpload ? (
        <Upload
          accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg"
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button size="small" icon={<UploadOutlined />} loading={busy}>
            {label ?? t('Attach evidence')}
          </Button>
        </Upload>
      ) : null}
    </Space>
  );
}

/** The files of one report (of the schedule, or a check report): its own list, upload and removal. */
export function ReportFiles({
  projectId,
  subject,
  subjectRef,
  canUpload,
}: {
  projectId: string;
  subject: 'report' | 'check_report';
  subjectRef: string;
  canUpload: boolean;
}) {
  const { t } = useTranslation();
  const evidence = useEvidence(projectId);
  return (
    <EvidenceFiles
      projectId={projectId}
      subject={subject}
      subjectRef={subjectRef}
      items={evidence.of(subject, subjectRef)}
      canUpload={canUpload}
      onUploaded={evidence.reload}
      label={t('Attach a file')}
    />
  );
}
