import { FileExcelOutlined, FileTextOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Result, Space, Spin, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { api, type FileFormat, type ImportScope } from '../../api/endpoints.js';
import type { ImportKindName, ImportPreview, ImportResult, ImportRowError } from '../../api/types.js';
import { useLocale } from '../../app/locale.js';
import { saveFile } from '../../components/save-file.js';
import { errorText } from '../../i18n/errors.js';
import { PreviewRowsTable, RowErrorsTable } from './PreviewTables.js';

interface Props {
  open: boolean;
  kind: ImportKindName;
  /** What the file belongs to (the committee's platform, the spending's project). */
  scope?: ImportScope;
  title: string;
  onClose(): void;
  onImported(result: ImportResult): void;
}

/** Choose a file → preview (checked on the server, nothing written) → confirm (all rows or none) → result. */
export function ImportModal({ open, kind, scope, title, onClose, onImported }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [refused, setRefused] = useState<ImportRowError[] | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setFile(null);
    setPreview(null);
    setRefused(null);
    setResult(null);
    setError(null);
  };
  const close = () => {
    reset();
    onClose();
  };

  const check = async (f: File) => {
    reset();
    setFile(f);
    setBusy(true);
    try {
      setPreview(await api.previewImport(kind, f, scope));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const done = await api.commitImport(kind, file, scope);
      setResult(done);
      onImported(done);
    } catch (err) {
      setError(err);
      // The data changed since the preview: the refusal lists every row error, as the preview would.
      const rows = err instanceof ApiError ? err.problem.rowErrors : undefined;
      if (Array.isArray(rows)) setRefused(rows as ImportRowError[]);
    } finally {
      setBusy(false);
    }
  };

  const template = async (format: FileFormat) => {
    try {
      saveFile(await api.importTemplate(kind, format, locale, scope?.projectId));
    } catch (err) {
      message.error(errorText(t, err));
    }
  };

  const errors = refused ?? preview?.errors ?? [];
  const importable = !!preview && preview.errors.length === 0 && preview.rows.length > 0 && !refused;
  const step = result ? 2 : preview ? 1 : 0;

  const footer = result
    ? [
        <Button key="close" type="primary" onClick={close}>
          {t('Close')}
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={close}>
          {t('Cancel')}
        </Button>,
        ...(preview
          ? [
              <Button key="again" onClick={reset} disabled={busy}>
                {t('Choose another file')}
              </Button>,
              <Button
                key="import"
                type="primary"
                disabled={!importable}
                loading={busy}
                onClick={commit}
                data-testid="import-confirm"
              >
                {t('Import {{count}} rows', { count: preview.rows.length })}
              </Button>,
            ]
          : []),
      ];

  return (
    <Modal open={open} title={title} onCancel={close} footer={footer} width={1120} destroyOnHidden>
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 20 }}
        items={[{ title: t('Choose a file') }, { title: t('Check the preview') }, { title: t('Imported') }]}
      />
      {error ? (
        <Alert
          type="error"
          showIcon
          title={errorText(t, error)}
          style={{ marginBottom: 16 }}
          data-testid="import-error"
        />
      ) : null}
      {step === 0 ? (
        <Spin spinning={busy}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Alert
              type="info"
              showIcon
              title={t(
                'Fill in the template and upload it. The file is checked first; nothing is saved until you confirm, and then all rows are imported or none.',
              )}
              action={
                <Space>
                  <Button size="small" icon={<FileExcelOutlined />} onClick={() => template('xlsx')}>
                    {t('Template (XLSX)')}
                  </Button>
                  <Button size="small" icon={<FileTextOutlined />} onClick={() => template('csv')}>
                    {t('Template (CSV)')}
                  </Button>
                </Space>
              }
            />
            <Upload.Dragger
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              multiple={false}
              showUploadList={false}
              beforeUpload={(f) => {
                void check(f);
                return false;
              }}
              data-testid="import-upload"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('Click or drag a CSV or XLSX file here')}</p>
              <p className="ant-upload-hint">{t('At most 5 MB; CSV files in UTF-8')}</p>
            </Upload.Dragger>
          </Space>
        </Spin>
      ) : null}
      {step === 1 && preview ? (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Alert
            type={errors.length ? 'error' : 'success'}
            showIcon
            data-testid="import-summary"
            title={t('{{file}}: {{count}} rows, {{valid}} valid, {{invalid}} with errors', {
              file: file?.name ?? '',
              count: preview.summary.rows,
              valid: preview.summary.valid,
              invalid: preview.summary.invalid,
            })}
            description={
              errors.length
                ? t('Nothing has been saved. Correct the file and choose it again.')
                : t('Nothing has been saved yet. Check the rows below, then confirm the import.')
            }
          />
          {errors.length ? <RowErrorsTable errors={errors} /> : null}
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('Rows as they would be saved')}
          </Typography.Title>
          <PreviewRowsTable kind={kind} preview={{ ...preview, errors }} />
        </Space>
      ) : null}
      {step === 2 && result ? (
        <Result
          status="success"
          data-testid="import-result"
          title={t('{{count}} rows imported', { count: result.created.length })}
          subTitle={file?.name}
        />
      ) : null}
    </Modal>
  );
}
