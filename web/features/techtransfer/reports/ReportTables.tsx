import { Space, Table, Tabs, Typography } from 'antd';
import { useMemo } from 'react';
import { type Cell, type DocTable, formatCell } from '../../../../common/report-doc.js';
import { reportDoc } from '../../../../common/tech-transfer-sheets.js';
import type { TtReport } from '../../../api/techtransfer.js';
import { useLocale } from '../../../app/locale.js';
import { WIDE } from '../../../components/tables.js';

/**
 * The federal (NIST), AUTM and Chinese sets and the figures by year, as tabs of tables. They are laid out
 * by the same pure code as the XLSX and PDF files (common/tech-transfer-sheets.ts), so the screen and the downloads
 * always show the same rows with the same labels.
 */
export function ReportTables({ report }: { report: TtReport }) {
  const { locale } = useLocale();
  const doc = useMemo(() => reportDoc(report, locale, { unit: null, field: null }), [report, locale]);
  return (
    <Tabs
      data-testid="report-sets"
      items={doc.sheets.map((sheet, i) => ({
        key: String(i),
        label: sheet.name,
        children: (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {sheet.title}
            </Typography.Title>
            {sheet.tables.map((table, j) => (
              <DocTableView key={table.title} table={table} testId={`report-table-${i}-${j}`} lang={locale} />
            ))}
          </Space>
        ),
      }))}
    />
  );
}

function DocTableView({ table, testId, lang }: { table: DocTable; testId: string; lang: 'zh-CN' | 'en-US' }) {
  const rows = table.rows.map((cells, key) => ({ key, cells }));
  const numeric = (c: Cell | undefined) => c !== undefined && c.kind !== 'text';
  return (
    <div>
      <Typography.Text strong>{table.title}</Typography.Text>
      <Table<{ key: number; cells: Cell[] }>
        size="small"
        pagination={false}
        data-testid={testId}
        dataSource={rows}
        scroll={WIDE}
        style={{ marginTop: 8 }}
        columns={table.columns.map((title, i) => ({
          title,
          key: String(i),
          align: i > 0 && rows.some((r) => numeric(r.cells[i])) ? ('right' as const) : ('left' as const),
          render: (_: unknown, r: { cells: Cell[] }) => {
            const c = r.cells[i];
            return c ? formatCell(c, lang) : '';
          },
        }))}
      />
      {table.note && <Typography.Text type="secondary">{table.note}</Typography.Text>}
    </div>
  );
}
