import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Table, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ERROR_MESSAGES } from '../../../common/error-codes.js';
import type { ImportKindName, ImportPreview, ImportRowError } from '../../api/types.js';
import { useLocale } from '../../app/locale.js';
import { SPENDING_LABELS } from '../../components/project-detail-labels.js';
import { WIDE } from '../../components/tables.js';
import { cellText, FILE_COLUMNS, minorText } from './columns.js';

/**
 * The localised reason of a row error; a code the web does not know yet shows the server's English text.
 * A budget refusal names the category and what is left of it, given the rows above.
 */
export function reasonText(
  t: TFunction,
  e: Pick<ImportRowError, 'code' | 'message' | 'params'>,
  locale = 'zh-CN',
): string {
  const p = e.params;
  if (e.code === 'projects.spending_over_budget' && typeof p?.headroomMinor === 'number') {
    const category = SPENDING_LABELS[p.category as keyof typeof SPENDING_LABELS];
    return t('Over the approved budget of {{category}}: {{headroom}} left', {
      category: category ? t(category) : p.category,
      headroom: minorText(p.headroomMinor, locale),
    });
  }
  const english = Object.hasOwn(ERROR_MESSAGES, e.code)
    ? ERROR_MESSAGES[e.code as keyof typeof ERROR_MESSAGES]
    : e.message;
  return t(english);
}

/** Every error of the file: row (the header is row 1), column as written in the file, reason, value. */
export function RowErrorsTable({ errors }: { errors: ImportRowError[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <Table<ImportRowError & { n: number }>
      scroll={WIDE}
      rowKey="n"
      size="small"
      data-testid="import-errors"
      dataSource={errors.map((e, n) => ({ ...e, n }))}
      pagination={errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      columns={[
        { title: t('Row'), dataIndex: 'row', width: 72 },
        { title: t('Column'), dataIndex: 'column', width: 180, render: (c: string | null) => c ?? '—' },
        {
          title: t('Reason'),
          render: (_, e) => <Typography.Text type="danger">{reasonText(t, e, locale)}</Typography.Text>,
        },
        {
          title: t('Value in the file'),
          dataIndex: 'value',
          width: 220,
          ellipsis: true,
          render: (v: string | null | undefined) => (v ? <Typography.Text code>{v}</Typography.Text> : '—'),
        },
      ]}
    />
  );
}

type PreviewRow = ImportPreview['rows'][number];
const ERROR_CELL = { background: '#fff1f0', boxShadow: 'inset 0 0 0 1px #ffccc7' };

/** The rows as they would be stored, with the cells in error marked and each row's status. */
export function PreviewRowsTable({ kind, preview }: { kind: ImportKindName; preview: ImportPreview }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const byRow = new Map<number, ImportRowError[]>();
  for (const e of preview.errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
  const present = new Set(preview.rows.flatMap((r) => Object.keys(r.values)));
  const columns = FILE_COLUMNS[kind].filter((c) => present.has(c.key));
  const cellErrors = (row: number, key: string) => (byRow.get(row) ?? []).filter((e) => e.columnKey === key);

  return (
    <Table<PreviewRow>
      rowKey="row"
      size="small"
      bordered
      data-testid="import-preview"
      dataSource={preview.rows}
      scroll={WIDE}
      pagination={preview.rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      columns={[
        { title: t('Row'), dataIndex: 'row', width: 64, fixed: 'start' },
        {
          title: t('Status'),
          width: 90,
          fixed: 'start',
          render: (_, r) =>
            byRow.has(r.row) ? (
              <Typography.Text type="danger">
                <CloseCircleFilled /> {t('{{count}} errors', { count: byRow.get(r.row)!.length })}
              </Typography.Text>
            ) : (
              <Typography.Text type="success">
                <CheckCircleFilled /> {t('OK')}
              </Typography.Text>
            ),
        },
        ...columns.map((c) => ({
          key: c.key,
          title: t(c.label),
          onCell: (r: PreviewRow) =>
            cellErrors(r.row, c.key).length ? { style: ERROR_CELL, 'data-error': 'true' } : {},
          render: (_: unknown, r: PreviewRow) => {
            const errs = cellErrors(r.row, c.key);
            const text = cellText(t, c.key, r.values[c.key], locale);
            if (!errs.length) return text;
            return (
              <Tooltip title={errs.map((e) => <div key={e.code}>{reasonText(t, e, locale)}</div>)}>
                <span>{text || '—'}</span>
              </Tooltip>
            );
          },
        })),
      ]}
    />
  );
}
