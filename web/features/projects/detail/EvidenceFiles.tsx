import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
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
}: {
  projectId: string;
  subject: EvidenceSubject;
  /** The milestone's index or the spending entry's id. */
  subjectRef: string;
  items: EvidenceView[];
  canUpload: boolean;
  onUploaded(): void;
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
  return (
    <Space orientation="vertical" size={0} data-testid={`evidence-${subject}-${subjectRef}`}>
      {/* A plain link: the browser downloads it under the name the server gives (content-disposition). */}
      {items.map((e) => (
        <Typography.Link key={e.id} href={projectEvidenceApi.fileUrl(projectId, e.id)}>
          <PaperClipOutlined /> {e.fileName}
        </Typography.Link>
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
            {t('Attach evidence')}
          </Button>
        </Upload>
      ) : null}
    </Space>
  );
}
