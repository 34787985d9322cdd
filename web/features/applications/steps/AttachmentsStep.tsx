import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequiredAttachment } from '../../../../common/calls.js';
import { type ApplicationView, applicationsApi } from '../../../api/applications.js';
import type { PublicCallView } from '../../../api/calls.js';
import { useLocale } from '../../../app/locale.js';
import { ATTACHMENT_TYPE_LABELS } from '../../../components/CallFormLists.js';
import { pick } from '../../../components/labels.js';
import { saveFile } from '../../../components/save-file.js';
import { actions, WIDE } from '../../../components/tables.js';
import { errorText } from '../../../i18n/errors.js';

const ACCEPT: Record<string, string> = {
  pdf: '.pdf,application/pdf',
  docx: '.docx',
  xlsx: '.xlsx',
  image: '.png,.jpg,.jpeg,image/png,image/jpeg',
};

export const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`
    : `${Math.ceil(bytes / 1024)} KB`;

/**
 * Step 6: the call's attachments. The server checks the content (magic bytes) and the size; its refusal
 * is shown next to the attachment it concerns.
 */
export function AttachmentsStep({
  app,
  call,
  onChanged,
}: {
  app: ApplicationView;
  call: PublicCallView;
  onChanged(): void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);

  const upload = async (spec: RequiredAttachment, file: File) => {
    setErrors((e) => ({ ...e, [spec.key]: '' }));
    if (file.size > spec.maxBytes) {
      setErrors((e) => ({
        ...e,
        [spec.key]: t('The file is {{size}}; at most {{max}} is allowed', {
          size: sizeText(file.size),
          max: sizeText(spec.maxBytes),
        }),
      }));
      return;
    }
    setBusy(spec.key);
    try {
      await applicationsApi.upload(app.id, spec.key, file);
      message.success(t('Uploaded {{name}}', { name: file.name }));
      onChanged();
    } catch (err) {
      setErrors((e) => ({ ...e, [spec.key]: errorText(t, err) }));
    } finally {
      setBusy(null);
    }
  };
  const remove = async (key: string) => {
    setBusy(key);
    try {
      await applicationsApi.removeAttachment(app.id, key);
      onChanged();
    } catch (err) {
      message.error(errorText(t, err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Table<RequiredAttachment>
      scroll={WIDE}
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={call.requiredAttachments}
      data-testid="attachments-table"
      columns={[
        {
          title: t('Attachment'),
          render: (_, s) => (
            <Space orientation="vertical" size={0}>
              <span>
                {pick(s.labelZh, s.labelEn, locale)}{' '}
                {s.required ? <Tag color="red">{t('Required')}</Tag> : <Tag>{t('Optional')}</Tag>}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {s.types.map((x) => t(ATTACHMENT_TYPE_LABELS[x])).join(', ')} · ≤ {sizeText(s.maxBytes)}
              </Typography.Text>
            </Space>
          ),
        },
        {
          title: t('File'),
          render: (_, s) => {
            const file = app.attachments.find((a) => a.key === s.key);
            return (
              <Space orientation="vertical" size={4}>
                {file ? (
                  <Space wrap data-testid={`attachment-file-${s.key}`}>
                    <Button
                      type="link"
                      size="small"
                      icon={<DownloadOutlined />}
                      onClick={() => applicationsApi.file(app.id, file.id).then(saveFile)}
                    >
                      {file.fileName}
                    </Button>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {sizeText(file.sizeBytes)} · SHA-256 {file.sha256.slice(0, 12)}…
                    </Typography.Text>
                  </Space>
                ) : (
                  <Typography.Text type="secondary">{t('No file yet')}</Typography.Text>
                )}
                {errors[s.key] ? (
                  <Alert
                    type="error"
                    showIcon
                    title={errors[s.key]}
                    data-testid={`attachment-error-${s.key}`}
                  />
                ) : null}
              </Space>
            );
          },
        },
        {
          title: t('Actions'),
          ...actions(),
          render: (_, s) => (
            <Space>
              <Upload
                accept={s.types.map((x) => ACCEPT[x]).join(',')}
                showUploadList={false}
                beforeUpload={(file) => {
                  void upload(s, file);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} loading={busy === s.key} data-testid={`upload-${s.key}`}>
                  {t('Upload')}
                </Button>
              </Upload>
              {app.attachments.some((a) => a.key === s.key) ? (
                <Button
                  icon={<DeleteOutlined />}
                  onClick={() => remove(s.key)}
                  aria-label={t('Remove')}
                  disabled={busy === s.key}
                />
              ) : null}
            </Space>
          ),
        },
      ]}
    />
  );
}
