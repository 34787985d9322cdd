import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ExportQuery, type FileFormat } from '../../api/endpoints.js';
import type { ImportKindName, ImportResult } from '../../api/types.js';
import { useLocale } from '../../app/locale.js';
import { saveFile } from '../../components/save-file.js';
import { errorText } from '../../i18n/errors.js';
import { tk } from '../../i18n/index.js';
import { ImportModal } from './ImportModal.js';

const TITLES: Record<ImportKindName, string> = {
  organisations: tk('Import organisations'),
  people: tk('Import people'),
  committee: tk('Import committee members'),
  experts: tk('Import experts'),
  spending: tk('Import spending'),
};

export interface ImportExportProps {
  /** What the file holds; the server's import kinds. */
  kind: ImportKindName;
  /** Required for 'committee': the platform whose committee is imported and exported. */
  platformId?: string;
  /** Required for 'spending': the project whose spending is imported and exported. */
  projectId?: string;
  /** The import button's text (default 导入). */
  importLabel?: string;
  /** Shows the Import button. Mirror the server's policy (it still refuses others with 403). */
  canImport: boolean;
  /** Shows the export buttons (default true). */
  canExport?: boolean;
  /** Narrows the organisations export (the registry page passes its type and size filters). */
  exportFilter?: Pick<ExportQuery, 'type' | 'size'>;
  /** After a successful import, e.g. to reload the list the buttons sit on. */
  onImported?(result: ImportResult): void;
}

/**
 * Import and export buttons for a list page: "Import" opens a dialog that downloads the CSV/XLSX template,
 * uploads a file, shows the server's preview with row-level errors (row, column, localised reason) and only
 * imports — all rows or none — when the user confirms; "Export CSV" / "Export XLSX" download the list in
 * the UI language, in the template's columns. Used by the organisation registry, the people directory and
 * the evaluation committee:
 *
 *   <ImportExport kind="committee" platformId={platform.id} canImport={isAdmin} onImported={reload} />
 */
export function ImportExport({
  kind,
  platformId,
  projectId,
  importLabel,
  canImport,
  canExport = true,
  exportFilter,
  onImported,
}: ImportExportProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [exporting, setExporting] = useState<FileFormat | null>(null);

  const exportAs = async (format: FileFormat) => {
    setExporting(format);
    try {
      saveFile(await api.exportFile(kind, format, { lang: locale, platformId, projectId, ...exportFilter }));
    } catch (err) {
      message.error(errorText(t, err));
    } finally {
      setExporting(null);
    }
  };

  return (
    <Space wrap data-testid={`import-export-${kind}`}>
      {canImport ? (
        <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>
          {importLabel ?? t('Import')}
        </Button>
      ) : null}
      {canExport ? (
        <>
          <Button icon={<DownloadOutlined />} loading={exporting === 'csv'} onClick={() => exportAs('csv')}>
            {t('Export CSV')}
          </Button>
          <Button icon={<DownloadOutlined />} loading={exporting === 'xlsx'} onClick={() => exportAs('xlsx')}>
            {t('Export XLSX')}
          </Button>
        </>
      ) : null}
      {canImport ? (
        <ImportModal
          open={open}
          kind={kind}
          scope={{ platformId, projectId }}
          title={t(TITLES[kind])}
          onClose={() => setOpen(false)}
          onImported={(r) => onImported?.(r)}
        />
      ) : null}
    </Space>
  );
}
