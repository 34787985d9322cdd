import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLE_LABELS, type Role } from '../../../common/roles.js';
import { useLocale } from '../../app/locale.js';
import { WIDE } from '../../components/tables.js';
import { formatTime } from '../../components/time.js';
import { auditDiff, type DiffRow } from './audit.diff.js';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A recorded value as a reader reads it: words for yes/no, the reader's time, lists and records compact. */
function Value({ value, field, recorded }: { value: unknown; field: string; recorded: boolean }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  if (!recorded) return <Typography.Text type="secondary">{t('auditField.notRecorded')}</Typography.Text>;
  if (value === undefined || value === null || value === '') return <span>—</span>;
  // Role codes are the one list of codes every account entry records; they have words.
  if (
    field === 'roles' &&
    Array.isArray(value) &&
    value.every((r) => typeof r === 'string' && r in ROLE_LABELS)
  )
    return <span>{value.map((r: Role) => t(ROLE_LABELS[r])).join('、')}</span>;
  if (typeof value === 'boolean') return <span>{value ? t('Yes') : t('No')}</span>;
  if (typeof value === 'string' && ISO_INSTANT.test(value)) return <span>{formatTime(value, locale)}</span>;
  if (typeof value === 'string' || typeof value === 'number') return <span>{String(value)}</span>;
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null))
    return <span>{value.map(String).join('、')}</span>;
  return <pre className="cl-json">{JSON.stringify(value, null, 2)}</pre>;
}

/**
 * An audit entry's before/after as a table of fields (issue 12 item 13) instead of two JSON bodies: each
 * field in the reader's words with its code beside it, changed fields first, highlighted and marked in
 * words as well as colour (a reader who does not see the colour still finds them).
 */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const rows = auditDiff(t, before, after);
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  if (!hasBefore && !hasAfter) return <span>—</span>;
  return (
    <Table<DiffRow>
      scroll={WIDE}
      data-testid="audit-diff"
      size="small"
      rowKey={(r) => r.field || '-'}
      pagination={false}
      dataSource={rows}
      rowClassName={(r) => (r.changed ? 'cl-diff-changed' : '')}
      columns={[
        {
          title: t('auditField.column'),
          width: 240,
          render: (_, r) => (
            <span>
              {r.label ?? (r.field ? <Typography.Text code>{r.field}</Typography.Text> : '—')}
              {r.label ? (
                <Typography.Text type="secondary" className="cl-diff-code">
                  {r.field}
                </Typography.Text>
              ) : null}
              {r.changed ? (
                <Tag color="orange" className="cl-diff-mark">
                  {t('auditField.changed')}
                </Tag>
              ) : null}
            </span>
          ),
        },
        ...(hasBefore
          ? [
              {
                title: t('Before'),
                render: (_: unknown, r: DiffRow) => (
                  <Value value={r.before} field={r.field} recorded={r.inBefore} />
                ),
              },
            ]
          : []),
        ...(hasAfter
          ? [
              {
                title: t('After'),
                render: (_: unknown, r: DiffRow) => (
                  <Value value={r.after} field={r.field} recorded={r.inAfter} />
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
