import { ExperimentOutlined } from '@ant-design/icons';
import { Alert, Result, Spin, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { errorText, fieldErrors } from '../i18n/errors.js';

/** Marks a record or figure that is a plausible value rather than one taken from a source. */
export function IllustrativeTag({ note }: { note?: string | null }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color="gold" icon={<ExperimentOutlined />} data-testid="illustrative-tag">
      {t('Illustrative')}
    </Tag>
  );
  return note ? <Tooltip title={note}>{tag}</Tooltip> : tag;
}

export function Centered() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 64 }}>
      <Spin size="large" />
    </div>
  );
}

export function Forbidden() {
  const { t } = useTranslation();
  return <Result status="403" title="403" subTitle={t('You are not allowed to do this')} />;
}

/** A failed load: 404 as a result page, anything else as an error banner. */
export function LoadFailed({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 404) {
    return <Result status="404" title="404" subTitle={errorText(t, error)} />;
  }
  if (error instanceof ApiError && error.status === 403) return <Forbidden />;
  return <Alert type="error" showIcon title={errorText(t, error)} style={{ marginBottom: 16 }} />;
}

/**
 * A failed save: the localised problem and, under it, each field error the server listed (`brief`: the
 * problem only, for forms that show every field error under its field).
 */
export function SaveFailed({ error, brief = false }: { error: unknown; brief?: boolean }) {
  const { t } = useTranslation();
  const details = brief ? [] : [...new Set(fieldErrors(t, error).flatMap((f) => f.errors ?? []))];
  return (
    <Alert
      type="error"
      showIcon
      title={errorText(t, error)}
      description={details.length ? details.join('; ') : undefined}
      style={{ marginBottom: 16 }}
      data-testid="save-failed"
    />
  );
}
