import { Card, Col, Row } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LICENCE_KINDS } from '../../../../common/ip.js';
import { currencyDigits } from '../../../../common/platforms.js';
import type { TtReport } from '../../../api/techtransfer.js';
import { useLocale } from '../../../app/locale.js';
import { Chart, type ChartOption } from '../../../components/Chart.js';
import { formatCompact, formatMoney, toMajor } from '../../../components/money.js';
import { LICENCE_KIND_LABELS } from '../labels.js';

const grid = { left: 16, right: 16, top: 24, bottom: 40, containLabel: true };

/** Per-year disclosures, applications and patents; income by year; licences by kind (active and new). */
export function ReportCharts({ report }: { report: TtReport }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const currency = report.scope.currency;
  const digits = currencyDigits(currency);
  const years = useMemo(() => report.years.map((y) => String(y.year)), [report]);

  const pipeline = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid,
      xAxis: { type: 'category', data: years },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('Invention disclosures'),
          data: report.years.map((y) => y.inventionDisclosures),
        },
        { type: 'bar', name: t('Patent applications'), data: report.years.map((y) => y.patentApplications) },
        { type: 'bar', name: t('Patents issued'), data: report.years.map((y) => y.patentsIssued) },
      ],
    }),
    [report, t, years],
  );

  const income = useMemo<ChartOption>(() => {
    const money = (v: unknown) =>
      typeof v === 'number' ? formatMoney(Math.round(v * 10 ** digits), currency, digits, locale) : '—';
    return {
      tooltip: { trigger: 'axis', valueFormatter: money },
      legend: { bottom: 0 },
      grid,
      xAxis: { type: 'category', data: years },
      yAxis: {
        type: 'value',
        axisLabel: {
          formatter: (v: number) => formatCompact(Math.round(v * 10 ** digits), currency, digits, locale),
        },
      },
      series: [
        {
          type: 'line',
          name: t('Licence income'),
          data: report.years.map((y) => toMajor(y.licenceIncome.amountMinor, digits)),
        },
        {
          type: 'line',
          name: t('Earned royalties'),
          data: report.years.map((y) => toMajor(y.earnedRoyalties.amountMinor, digits)),
        },
      ],
    };
  }, [report, t, years, currency, digits, locale]);

  const kinds = useMemo<ChartOption>(() => {
    const { active, new: fresh } = report.federal.licences;
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid,
      xAxis: { type: 'category', data: LICENCE_KINDS.map((k) => t(LICENCE_KIND_LABELS[k])) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', name: t('Active licences'), data: LICENCE_KINDS.map((k) => active.byKind[k]) },
        { type: 'bar', name: t('New licences'), data: LICENCE_KINDS.map((k) => fresh.byKind[k]) },
      ],
    };
  }, [report, t]);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('Disclosures, applications and patents by year')}>
          <Chart
            option={pipeline}
            height={300}
            label={t('Disclosures, applications and patents by year')}
            testId="chart-pipeline"
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('Licence income by year')}>
          <Chart option={income} height={300} label={t('Licence income by year')} testId="chart-income" />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('Licences by kind')}>
          <Chart option={kinds} height={300} label={t('Licences by kind')} testId="chart-kinds" />
        </Card>
      </Col>
    </Row>
  );
}
