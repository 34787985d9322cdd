import { EditOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FUNDING_SOURCES } from '../../../../common/platforms.js';
import type { PlatformDetail } from '../../../api/types.js';
import { useLocale } from '../../../app/locale.js';
import { IllustrativeTag } from '../../../components/feedback.js';
import { FUNDING_SOURCE_LABELS } from '../../../components/labels.js';
import { formatMoney, toMinor } from '../../../components/money.js';
import { WIDE } from '../../../components/tables.js';
import { FundingChart } from './FundingChart.js';
import { FundingEditor } from './FundingEditor.js';
import { toYearRows, type YearRow } from './fundingRows.js';

/** Funding by source and year: the mix as a chart and a table; the platform's admins edit the table. */
export function FundingTab({ platform, onSaved }: { platform: PlatformDetail; onSaved(): void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [editing, setEditing] = useState(false);
  const { funding } = platform;
  const rows = useMemo(() => toYearRows(funding), [funding]);
  const money = (major: number | null) =>
    major === null
      ? '—'
      : formatMoney(toMinor(major, funding.currencyDigits), funding.currency, funding.currencyDigits, locale);
  const notes = (year: number) =>
    [...new Set(funding.rows.filter((r) => r.year === year && r.note).map((r) => r.note))].join('; ');

  if (editing) {
    return (
      <FundingEditor
        platformId={platform.id}
        table={funding}
        onCancel={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          onSaved();
        }}
      />
    );
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="funding-tab">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Text type="secondary">
          {t('Amounts in {{currency}}, by the year they were received', { currency: funding.currency })}
        </Typography.Text>
        {platform.access.canEdit && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-funding">
            {t('Edit funding')}
          </Button>
        )}
      </Space>
      {rows.length === 0 ? (
        <Empty description={t('No funding recorded yet')} />
      ) : (
        <>
          <FundingChart rows={rows} currency={funding.currency} digits={funding.currencyDigits} />
          {rows.some((r) => r.illustrative) && (
            <Typography.Text type="secondary">
              {t('* Illustrative figures, not from a source')}
            </Typography.Text>
          )}
          <Table<YearRow>
            rowKey="year"
            size="small"
            pagination={false}
            dataSource={rows}
            data-testid="funding-table"
            scroll={WIDE}
            columns={[
              {
                title: t('Year'),
                dataIndex: 'year',
                render: (y: number, r) => (
                  <Space size={4}>
                    {y}
                    {r.illustrative && <IllustrativeTag note={notes(y) || null} />}
                  </Space>
                ),
              },
              ...FUNDING_SOURCES.map((s) => ({
                title: t(FUNDING_SOURCE_LABELS[s]),
                key: s,
                align: 'right' as const,
                render: (_: unknown, r: YearRow) => money(r.amounts[s]),
              })),
              {
                title: t('Total'),
                key: 'total',
                align: 'right' as const,
                render: (_: unknown, r: YearRow) =>
                  money(FUNDING_SOURCES.reduce((sum, s) => sum + (r.amounts[s] ?? 0), 0)),
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}
