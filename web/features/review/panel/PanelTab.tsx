import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CRITERIA } from '../../../../common/calls.js';
import type { REVIEW_FLAG_LABELS, REVIEWER_FLAG_LABELS } from '../../../../common/review-scoring.js';
import {
  type PanelApplication,
  type PanelReview,
  type PanelView,
  scoringApi,
} from '../../../api/review-scoring.js';
import { useLocale } from '../../../app/locale.js';
import { useApi } from '../../../app/useApi.js';
import { Centered, LoadFailed } from '../../../components/feedback.js';
import { fileOptions } from '../../../components/file-options.js';
import { CRITERIA_SHOWN, pick } from '../../../components/labels.js';
import { money } from '../../../components/money.js';
import { saveFile } from '../../../components/save-file.js';
import { WIDE } from '../../../components/tables.js';
import { errorText } from '../../../i18n/errors.js';
import { tk } from '../../../i18n/index.js';
import { ConsensusForm } from './ConsensusForm.js';
import { ThresholdsForm } from './ThresholdsForm.js';

const FLAG_SHOWN = {
  outlier: tk('Outlying review'),
  far_from_others: tk('Far from the other reviews'),
  severe: tk('Severe reviewer'),
  lenient: tk('Lenient reviewer'),
} satisfies Record<keyof typeof REVIEW_FLAG_LABELS | keyof typeof REVIEWER_FLAG_LABELS, string>;
const THRESHOLD_SHOWN: Record<string, string> = {
  total: tk('score.total'),
  academic: tk('Academic evaluation'),
  economic: tk('Economic evaluation'),
  ...CRITERIA_SHOWN,
};

export const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(2));

/** "raw → calibrated", the calibrated part highlighted when it differs. */
function RawCalibrated({
  raw,
  calibrated,
}: {
  raw: number | null | undefined;
  calibrated: number | null | undefined;
}) {
  const moved =
    raw !== null &&
    raw !== undefined &&
    calibrated !== null &&
    calibrated !== undefined &&
    Math.abs(raw - calibrated) >= 0.005;
  return (
    <span>
      {fmt(raw)} → <Typography.Text strong={moved}>{fmt(calibrated)}</Typography.Text>
    </span>
  );
}

function Reviews({ app }: { app: PanelApplication }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const name = (r: PanelReview) => pick(r.expertName, r.expertNameEn, locale);
  return (
    <Table<PanelReview>
      scroll={WIDE}
      size="small"
      rowKey="label"
      pagination={false}
      dataSource={app.reviews}
      data-testid={`panel-reviews-${app.applicationId}`}
      columns={[
        {
          title: t('Reviewer'),
          render: (_, r) => (
            <Tooltip title={name(r)}>
              <Tag>{t('Reviewer {{label}}', { label: r.label })}</Tag>
            </Tooltip>
          ),
        },
        { title: t('Name (officers only)'), render: (_, r) => name(r) },
        ...CRITERIA.map((c) => ({
          title: t(CRITERIA_SHOWN[c]),
          render: (_: unknown, r: PanelReview) => (
            <RawCalibrated raw={r.raw[c]} calibrated={r.calibrated[c]} />
          ),
        })),
        {
          title: t('Weighted total'),
          render: (_, r) => <RawCalibrated raw={r.rawTotal} calibrated={r.calibratedTotal} />,
        },
        {
          title: t('Flags'),
          render: (_, r) => (
            <Space size={2} wrap>
              {r.flags.map((f) => (
                <Tag key={f} color="orange">
                  {t(FLAG_SHOWN[f])}
                </Tag>
              ))}
              {r.reviewerFlag ? <Tag color="purple">{t(FLAG_SHOWN[r.reviewerFlag])}</Tag> : null}
            </Space>
          ),
        },
      ]}
    />
  );
}

/** The call review page's panel tab: ranked table, raw vs calibrated, flags, thresholds, consensus. */
export default function PanelTab({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const panel = useApi(() => scoringApi.panel(callId), [callId]);
  if (panel.error) return <LoadFailed error={panel.error} />;
  const p: PanelView | undefined = panel.data;
  if (!p || p.callId !== callId) return <Centered />;
  const download = () =>
    scoringApi.panelFile(callId).then(saveFile, (err) => message.error(errorText(t, err)));
  const printPdf = () =>
    scoringApi
      .panelPdf(callId, fileOptions(locale))
      .then(saveFile, (err) => message.error(errorText(t, err)));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="panel-tab">
      <Card
        size="small"
        title={t('Ranking')}
        extra={
          <Space wrap>
            <Button icon={<PrinterOutlined />} onClick={printPdf}>
              {t('Print the panel summary (PDF)')}
            </Button>
            <Button icon={<DownloadOutlined />} onClick={download} data-testid="panel-download">
              {t('Download the panel summary (XLSX)')}
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">
          {t(
            'Calibrated scores remove each reviewer’s estimated severity or leniency (additive model, shrunk toward zero; λ = {{lambda}}, residual SD {{sd}}, reviews: {{reviews}}, groups: {{groups}}).',
            {
              lambda: p.calibration.lambda.toFixed(1),
              sd: fmt(p.calibration.residualSd),
              reviews: p.calibration.reviews,
              groups: p.calibration.components,
            },
          )}
        </Typography.Paragraph>
        {p.calibration.components > 1 ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('Some groups of reviewers share no application: their levels are not comparable.')}
          />
        ) : null}
        <Table<PanelApplication>
          scroll={WIDE}
          size="small"
          rowKey="applicationId"
          pagination={false}
          dataSource={p.applications}
          data-testid="panel-table"
          expandable={{
            expandedRowRender: (a) => (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Reviews app={a} />
                <ConsensusForm app={a} scale={p.scale} onSaved={panel.reload} />
              </Space>
            ),
          }}
          columns={[
            { title: t('Rank'), dataIndex: 'rank', width: 60, render: (r: number | null) => r ?? '—' },
            {
              title: t('Application'),
              render: (_, a) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Text>
                    {pick(a.titleZh, a.titleEn, locale) || t('Untitled application')}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {pick(a.leadNameZh, a.leadNameEn, locale)} ·{' '}
                    {money(a.requestedTotalMinor, p.currency, locale)}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: t('Reviews'), render: (_, a) => `${a.reviews.length} / ${a.seats}` },
            { title: t('Raw mean'), render: (_, a) => fmt(a.rawMean) },
            { title: t('Calibrated mean'), render: (_, a) => fmt(a.calibratedMean) },
            { title: t('Academic evaluation'), render: (_, a) => fmt(a.academic) },
            { title: t('Economic evaluation'), render: (_, a) => fmt(a.economic) },
            { title: t('Consensus'), render: (_, a) => fmt(a.consensus?.score) },
            {
              title: t('Score used'),
              render: (_, a) => <Typography.Text strong>{fmt(a.score)}</Typography.Text>,
            },
            {
              title: t('Thresholds'),
              render: (_, a) =>
                a.passesThresholds ? (
                  <Tag color="green">{t('Passes')}</Tag>
                ) : (
                  <Tooltip title={a.missedThresholds.map((m) => t(THRESHOLD_SHOWN[m] ?? m)).join(', ')}>
                    <Tag color="red">{t('Below')}</Tag>
                  </Tooltip>
                ),
            },
            {
              title: t('Flags'),
              render: (_, a) => (a.flagged ? <Tag color="orange">{t('Flagged')}</Tag> : null),
            },
          ]}
        />
      </Card>
      <ThresholdsForm callId={callId} panel={p} onSaved={panel.reload} />
      <Card size="small" title={t('Reviewer severity')}>
        <Table
          scroll={WIDE}
          size="small"
          rowKey="code"
          pagination={false}
          dataSource={p.reviewers}
          columns={[
            { title: t('Reviewer'), dataIndex: 'code' },
            {
              title: t('Name (officers only)'),
              render: (_, r) => pick(r.expertName, r.expertNameEn, locale),
            },
            { title: t('Reviews'), dataIndex: 'reviews' },
            {
              title: t('Estimated effect'),
              render: (_, r) => (r.effect >= 0 ? '+' : '') + r.effect.toFixed(2),
            },
            {
              title: t('Flags'),
              render: (_, r) => (r.flag ? <Tag color="purple">{t(FLAG_SHOWN[r.flag])}</Tag> : null),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
