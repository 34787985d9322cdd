import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMITTEE_CATEGORIES } from '../../../../common/platforms.js';
import { api } from '../../../api/endpoints.js';
import type { OrgChart } from '../../../api/types.js';
import { useLocale } from '../../../app/locale.js';
import { useApi } from '../../../app/useApi.js';
import { Chart } from '../../../components/Chart.js';
import { Centered, IllustrativeTag, LoadFailed } from '../../../components/feedback.js';
import { COMMITTEE_CATEGORY_LABELS, FUNDING_SOURCE_LABELS, localName } from '../../../components/labels.js';
import { formatMoney } from '../../../components/money.js';
import { orgChartOption } from './orgChartOption.js';

type TreeNode = OrgChart['tree'];

function findNodes(root: TreeNode, kind: TreeNode['kind']): TreeNode[] {
  const out: TreeNode[] = [];
  const walk = (n: TreeNode) => {
    if (n.kind === kind) out.push(n);
    for (const c of (n as { children?: TreeNode[] }).children ?? []) walk(c);
  };
  walk(root);
  return out;
}

/**
 * A platform's organisation chart, read from the API on every visit so it always matches the records,
 * drawn with ECharts and restated in words underneath (for screen readers and for copying).
 */
export function OrgChartView({ platformId }: { platformId: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const chart = useApi(() => api.orgChart(platformId), [platformId]);
  const data = chart.data?.platformId === platformId ? chart.data : undefined;
  const layout = useMemo(() => (data ? orgChartOption(data, t, locale) : null), [data, t, locale]);

  if (chart.error) return <LoadFailed error={chart.error} />;
  if (!data || !layout) return <Centered />;

  const platform = findNodes(data.tree, 'platform')[0];
  const department = findNodes(data.tree, 'department')[0];
  const units = findNodes(data.tree, 'unit');
  const appointer = locale === 'zh-CN' ? data.committee.appointerZh : data.committee.appointerEn;
  const composition = data.committee.composition;

  return (
    <Card
      data-testid="org-chart-card"
      title={
        <Space>
          <span data-testid="org-chart-title">{platform ? localName(platform, locale) : ''}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
            {t('Organisation chart')}
          </Typography.Text>
        </Space>
      }
      extra={
        <Button icon={<ReloadOutlined />} onClick={chart.reload} loading={chart.loading}>
          {t('Refresh')}
        </Button>
      }
    >
      <div style={{ overflowX: 'auto' }}>
        <div style={{ width: layout.width, margin: '0 auto' }}>
          <Chart
            option={layout.option}
            height={layout.height}
            label={t('Organisation chart')}
            testId="org-chart"
          />
        </div>
      </div>
      {!data.showsPeople && (
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('Unit directors are shown to those who hold a role on this platform')}
        </Typography.Paragraph>
      )}
      <Descriptions
        bordered
        size="small"
        column={1}
        style={{ marginTop: 16 }}
        data-testid="org-chart-words"
        title={t('The chart in words')}
      >
        <Descriptions.Item label={t('Supervising department')}>
          {department ? localName(department, locale) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('Units ({{count}})', { count: units.length })}>
          {units.length === 0 ? (
            '—'
          ) : (
            <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="org-chart-units">
              {units.map((u) => (
                <li key={u.id}>
                  {localName(u, locale)}
                  {u.director ? ` — ${t('Director')} ${localName(u.director, locale)}` : ''}
                </li>
              ))}
            </ul>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('Evaluation committee')}>
          <Space orientation="vertical" size={2} data-testid="org-chart-committee">
            <span>
              {t('Committee appointed by')}:{' '}
              {appointer ?? data.committee.appointerZh ?? data.committee.appointerEn ?? '—'}
            </span>
            <span>
              {COMMITTEE_CATEGORIES.map((c) => `${t(COMMITTEE_CATEGORY_LABELS[c])} ${composition[c]}`).join(
                ' · ',
              )}{' '}
              ({t('{{count}} members', { count: composition.total })})
            </span>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item
          label={data.fundingYear ? t('Funding in {{year}}', { year: data.fundingYear }) : t('Funding')}
        >
          {data.funding.length === 0 ? (
            t('No funding recorded yet')
          ) : (
            <Space wrap data-testid="org-chart-funding">
              {data.funding.map((f) => (
                <span key={f.source}>
                  {t(FUNDING_SOURCE_LABELS[f.source])}{' '}
                  {formatMoney(f.amountMinor, data.currency, data.currencyDigits, locale)}
                  {f.isIllustrative && (
                    <>
                      {' '}
                      <IllustrativeTag />
                    </>
                  )}
                </span>
              ))}
            </Space>
          )}
        </Descriptions.Item>
      </Descriptions>
      {data.funding.some((f) => f.isIllustrative) && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 16 }}
          title={t('Some figures of this platform are illustrative, not from a source')}
        />
      )}
    </Card>
  );
}
