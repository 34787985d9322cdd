import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportOptions } from '../../common/export-options.js';
import type { DownloadedFile } from '../api/client.js';
import { useLocale } from '../app/locale.js';
import { errorText } from '../i18n/errors.js';
import { saveFile } from './save-file.js';
import { viewerZone } from './time.js';

/**
 * The one 导出 button of every list (issue 12): it asks the server for the list's XLSX with the page's
 * own filters, in the reader's language and time zone, and saves it; a refusal shows as a message.
 */
export function ExportButton({
  file,
  testId = 'export-list',
}: {
  /** The list's export call, given the reader's language and zone. */
  file: (opts: ExportOptions) => Promise<DownloadedFile>;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      saveFile(await file({ lang: locale === 'en-US' ? 'en-US' : 'zh-CN', tz: viewerZone() }));
    } catch (err) {
      message.error(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={run} data-testid={testId}>
      {t('Export')}
    </Button>
  );
}
