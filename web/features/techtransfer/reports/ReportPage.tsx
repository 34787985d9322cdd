import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Row, Space, Spin, Statistic, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { currencyDigits } from '../../../../common/platforms.js';
import { api } from '../../../api/endpoints.js';
import { ttApi } from '../../../api/techtransfer.js';
import { useLocale } from '../../../app/locale.js';
import { useApi } from '../../../app/useApi.js';
import { formatMoney } from '../../../components/money.js';
import { saveFile } from '../../../components/save-file.js';
import { errorText } from '../../../i18n/errors.js';
import { useTtPlatform } from '../useTtPlatform.js';
import { ReportCharts } from './ReportCharts.js';
import { type ReportFilter, ReportFilters } from './ReportFilters.js';
import { ReportTables } from './ReportTables.js';

const year = (v: string | null, fallback: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1900 && n <= 2200 ? n : fallback;
};

/** The report year a date falls in: a fiscal year is named by the calendar year it ends in. */
export function reportYearOf(date: string, basis: 'fiscal' | 'calendar', startMonth: number): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return y + (basis === 'fiscal' && startMonth > 1 && m >= startMonth ? 1 : 0);
}

/** The tech-transfer report of a platform for a period: headline figures, charts, the three sets, files. */
export default function ReportPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const tt = useTtPlatform('report');
  const [params, setParams] = useSearchParams();
  const [busy, setBusy] = useState<'xlsx' | 'pdf' | null>(null);
  const platform = useApi(
    () => (tt.platformId ? api.platform(tt.platformId) : Promise.resolve(null)),
    [tt.platformId],
  );
  const basis = params.get('basis') === 'calendar' ? 'calendar' : 'fiscal';
  // The year the current period is named by: a fiscal year by the calendar year it ends in.
  const now = new Date();
  const startMonth = platform.data?.fiscalYearStartMonth ?? 1;
  const thisYear =
    now.getFullYear() + (basis === 'fiscal' && startMonth > 1 && now.getMonth() + 1 >= startMonth ? 1 : 0);
  const filter: ReportFilter = {
    from: year(params.get('from'), thisYear - 6),
    to: year(params.get('to'), thisYear),
    basis,
    unitId: params.get('unit') ?? undefined,
    fieldId: params.get('field') ?? undefined,
  };
  const setFilter = (f: ReportFilter) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set('from', String(f.from));
      next.set('to', String(f.to));
      next.set('basis', f.basis);
      for (const [k, v] of [
        ['unit', f.unitId],
        ['field', f.fieldId],
      ] as const) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    });
  const query = { ...filter };
  const key = JSON.stringify([tt.platformId, query, Boolean(platform.data)]);
  const report = useApi(
    () =>
      tt.platformId && filter.from <= filter.to ? ttApi.report(tt.platformId, query) : Promise.resolve(null),
    [key],
  );

  const download = async (format: 'xlsx' | 'pdf') => {
    if (!tt.platformId) return;
    setBusy(format);
    try {
      saveFile(await ttApi.reportFile(tt.platformId, format, { ...query, lang: locale }));
    } catch (err) {
      message.error(errorText(t, err));
    } finally {
      setBusy(null);
    }
  };

  // Opened without a period, on recent years that hold nothing: move to the seven years ending with the
  // latest that has data (a disclosure or a receipt), once, replacing the history entry.
  const latest = report.data?.latestDataDate;
  const unchosen = !params.has('from') && !params.has('to');
  useEffect(() => {
    if (!unchosen || !latest || !platform.data) return;
    const last = reportYearOf(latest, basis, startMonth);
    if (last >= filter.from) return;
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('from', String(last - 6));
        next.set('to', String(last));
        return next;
      },
      { replace: true },
    );
  }, [unchosen, latest, platform.data, basis, startMonth, filter.from, setParams]);

  if (!tt.platformId)
    return <Empty description={t('No platform whose tech-transfer reports you may read')} />;
  const r = report.data;
  const digits = r ? currencyDigits(r.scope.currency) : 2;
  const number = (n: number) => new Intl.NumberFormat(locale).format(n);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
            <Space wrap>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {t('Tech-transfer report')}
              </Typography.Title>
              {tt.picker}
            </Space>
            <Space wrap>
              <Button
                icon={<FileExcelOutlined />}
                loading={busy === 'xlsx'}
                disabled={!r}
                onClick={() => download('xlsx')}
                data-testid="report-xlsx"
              >
                {t('Download XLSX')}
              </Button>
              <Button
                icon={<FilePdfOutlined />}
                loading={busy === 'pdf'}
                disabled={!r}
                onClick={() => download('pdf')}
                data-testid="report-pdf"
              >
                {t('Download PDF')}
              </Button>
            </Space>
          </Space>
          <ReportFilters platformId={tt.platformId} value={filter} onChange={setFilter} />
          {filter.from > filter.to && (
            <Alert type="warning" showIcon title={t('The last year is before the first')} />
          )}
          {report.error ? <Alert type="error" showIcon title={errorText(t, report.error)} /> : null}
          {r && (
            <Typography.Text type="secondary" data-testid="report-scope">
              {r.scope.startDate} – {r.scope.endDate} ·{' '}
              {r.scope.basis === 'fiscal'
                ? t('fiscal years starting in month {{month}}', { month: r.platform.fiscalYearStartMonth })
                : t('calendar years')}{' '}
              · {r.scope.currency}
            </Typography.Text>
          )}
        </Space>
      </Card>
      <Spin spinning={report.loading}>
        {r && (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="report-body">
            <Row gutter={[16, 16]}>
              {(
                [
                  ['report-disclosures', t('Invention disclosures'), number(r.inventionDisclosures)],
                  ['report-applications', t('Patent applications'), number(r.patentApplications)],
                  ['report-patents', t('Patents issued'), number(r.patentsIssued)],
                  ['report-active-licences', t('Active licences'), number(r.activeLicences)],
                  [
                    'report-income',
                    t('Licence income'),
                    formatMoney(r.licenceIncome.amountMinor, r.licenceIncome.currency, digits, locale),
                  ],
                ] as const
              ).map(([id, title, value]) => (
                <Col key={id} xs={24} sm={12} lg={8} xxl={4}>
                  <Card size="small">
                    <Statistic
                      title={title}
                      value={value}
                      valueRender={() => <span data-testid={id}>{value}</span>}
                    />
                  </Card>
                </Col>
              ))}
            </Row>
            <Typography.Text type="secondary">
              {t('Active licences are those in force at any time in the period, each counted once.')}
            </Typography.Text>
            <ReportCharts report={r} />
            <Card>
              <ReportTables report={r} />
            </Card>
          </Space>
        )}
      </Spin>
    </Space>
  );
}
