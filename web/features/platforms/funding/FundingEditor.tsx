import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, InputNumber, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FUNDING_SOURCES, type FundingSource } from '../../../../common/platforms.js';
import { api } from '../../../api/endpoints.js';
import type { FundingTable } from '../../../api/types.js';
import { SaveFailed } from '../../../components/feedback.js';
import { FUNDING_SOURCE_LABELS } from '../../../components/labels.js';
import { actions, WIDE } from '../../../components/tables.js';
import { newYearRow, toRowInputs, toYearRows, type YearRow } from './fundingRows.js';

interface Props {
  platformId: string;
  table: FundingTable;
  onCancel(): void;
  onSaved(): void;
}

const thousands = (v: string | number | undefined) => `${v ?? ''}`.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * Years × sources, typed in major units of the platform's currency; saving replaces the whole table
 * (PUT), sent as integer minor units. An empty cell records nothing; 0 records a zero.
 */
export function FundingEditor({ platformId, table, onCancel, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [rows, setRows] = useState<YearRow[]>(() => toYearRows(table));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const change = (year: number, patch: (r: YearRow) => YearRow) =>
    setRows((rs) => rs.map((r) => (r.year === year ? patch(r) : r)));
  const setAmount = (year: number, source: FundingSource, v: number | null) =>
    change(year, (r) => ({ ...r, amounts: { ...r.amounts, [source]: v } }));
  const addYear = () =>
    setRows((rs) => {
      const last = rs.length ? Math.max(...rs.map((r) => r.year)) : new Date().getFullYear() - 1;
      return [...rs, newYearRow(last + 1)];
    });
  const setYear = (from: number, to: number | null) => {
    if (to === null || rows.some((r) => r.year === to)) return;
    change(from, (r) => ({ ...r, year: to }));
  };

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.setFunding(platformId, toRowInputs(rows, table));
      message.success(t('Funding saved'));
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="funding-editor">
      <Typography.Text type="secondary">
        {t('Amounts in {{currency}}; leave a cell empty when nothing was received from that source', {
          currency: table.currency,
        })}
      </Typography.Text>
      {error ? <SaveFailed error={error} /> : null}
      <Table<YearRow>
        rowKey={(r) => rows.indexOf(r)}
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={WIDE}
        columns={[
          {
            title: t('Year'),
            width: 110,
            render: (_, r) => (
              <InputNumber
                value={r.year}
                min={1900}
                max={2100}
                precision={0}
                onChange={(v) => setYear(r.year, v)}
                aria-label={t('Year')}
                data-testid={`funding-year-${r.year}`}
                style={{ width: 90 }}
              />
            ),
          },
          ...FUNDING_SOURCES.map((s) => ({
            title: t(FUNDING_SOURCE_LABELS[s]),
            key: s,
            render: (_: unknown, r: YearRow) => (
              <InputNumber<number>
                value={r.amounts[s]}
                min={0}
                precision={table.currencyDigits}
                formatter={thousands}
                parser={(v) => Number((v ?? '').replace(/,/g, ''))}
                onChange={(v) => setAmount(r.year, s, v)}
                aria-label={`${r.year} ${t(FUNDING_SOURCE_LABELS[s])}`}
                data-testid={`funding-${r.year}-${s}`}
                style={{ width: 160 }}
              />
            ),
          })),
          {
            title: t('Illustrative'),
            width: 90,
            render: (_, r) => (
              <Checkbox
                checked={r.illustrative}
                onChange={(e) => change(r.year, (x) => ({ ...x, illustrative: e.target.checked }))}
                aria-label={t('Illustrative')}
              />
            ),
          },
          {
            title: t('Actions'),
            ...actions(),
            width: 70,
            render: (_, r) => (
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('Remove year {{year}}', { year: r.year })}
                onClick={() => setRows((rs) => rs.filter((x) => x.year !== r.year))}
              />
            ),
          },
        ]}
      />
      <Button icon={<PlusOutlined />} onClick={addYear} data-testid="funding-add-year">
        {t('Add a year')}
      </Button>
      <Space>
        <Button type="primary" loading={busy} onClick={save} data-testid="funding-save">
          {t('Save')}
        </Button>
        <Button onClick={onCancel}>{t('Cancel')}</Button>
      </Space>
    </Space>
  );
}
