import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Col,
  InputNumber,
  Row,
  Select,
  Space,
  Tabs,
  Tooltip,
  TreeSelect,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import {
  DASHBOARD_INDICATORS,
  type Dashboard,
  INDICATOR_GROUP_NAMES,
  INDICATOR_GROUPS,
  INDICATORS,
} from '../../../common/analytics.js';
import { PLATFORM_MODELS, type PlatformModel } from '../../../common/roles.js';
import { type AnalyticsQuery, analyticsApi } from '../../api/analytics.js';
import { api } from '../../api/endpoints.js';
import { useLocale } from '../../app/locale.js';
import { hasRole } from '../../app/permissions.js';
import { useSignedIn } from '../../app/session.js';
import { useApi } from '../../app/useApi.js';
import { treeData } from '../../components/FieldTreeSelect.js';
import { Centered, LoadFailed } from '../../components/feedback.js';
import { localName } from '../../components/labels.js';
import { saveFile } from '../../components/save-file.js';
import { errorText } from '../../i18n/errors.js';
import { tk } from '../../i18n/index.js';
import { MODEL_LABELS } from '../../i18n/labels.js';
import { IndicatorCard } from './IndicatorCard.js';

const DASHBOARD_LABELS: Record<Dashboard, string> = {
  supervisor: tk('Supervisor overview'),
  platform: tk('Platform overview'),
  program: tk('Calls and review pipeline'),
  transfer: tk('Technology transfer'),
  unit: tk('My unit'),
};

/** The dashboards a user has, from their roles (the server decides what each one may read). */
function dashboardsOf(user: ReturnType<typeof useSignedIn>['user']): Dashboard[] {
  const out: Dashboard[] = [];
  if (hasRole(user, 'supervisor') || user.isSystemAdmin) out.push('supervisor');
  if (hasRole(user, 'platform_admin')) out.push('platform');
  if (hasRole(user, 'program_officer', 'platform_admin')) out.push('program');
  if (hasRole(user, 'tech_transfer_officer', 'platform_admin')) out.push('transfer');
  if (out.length === 0 && hasRole(user, 'lab_director')) out.push('unit');
  return out;
}

/**
 * The period asked for in the URL, or the last five calendar years; a year outside 1900–2200 is ignored
 * and the period is held to the 30 years the server answers.
 */
function periodOf(params: URLSearchParams): AnalyticsQuery {
  const thisYear = new Date().getFullYear();
  const year = (name: string, fallback: number) => {
    const v = Number(params.get(name));
    return Number.isInteger(v) && v >= 1900 && v <= 2200 ? v : fallback;
  };
  const to = year('to', thisYear);
  return {
    from: Math.max(Math.min(year('from', to - 4), to), to - 29),
    to,
    basis: params.get('basis') === 'fiscal' ? 'fiscal' : 'calendar',
    currency: 'CNY',
  };
}

/** 统计分析: the role dashboards over the indicators of common/analytics.ts, cut and compared. */
export default function AnalyticsPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const { user } = useSignedIn();
  const dashboards = dashboardsOf(user);
  const [dashboard, setDashboard] = useState<Dashboard>(dashboards[0] ?? 'unit');
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState<AnalyticsQuery>(() => periodOf(params));
  // The period is kept in the URL (?from=&to=&basis=), so a dashboard over other years can be linked,
  // reloaded and returned to from a drilled list.
  useEffect(() => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('from', String(q.from));
        next.set('to', String(q.to));
        next.set('basis', q.basis ?? 'calendar');
        return next;
      },
      { replace: true },
    );
  }, [q.from, q.to, q.basis, setParams]);
  const data = useApi(() => analyticsApi.get(q), [JSON.stringify(q)]);
  const [choices, setChoices] = useState<Array<{ value: string; label: string }>>([]);
  const items = data.data?.platforms;
  if (items && choices.length === 0 && items.length > 0)
    setChoices(items.map((p) => ({ value: p.id, label: localName(p, locale) })));
  const exportXlsx = async () => {
    try {
      saveFile(await analyticsApi.file('xlsx', { ...q, lang: locale, dashboard }));
    } catch (e) {
      message.error(errorText(t, e));
    }
  };
  // The annual report is of one platform, whole: offered when the cut leaves exactly one.
  const single = items?.length === 1 && items[0]!.unitId === null ? items[0]! : null;
  const exportReport = async () => {
    if (!single) return;
    try {
      saveFile(
        await analyticsApi.annualReport({
          platformId: single.id,
          year: Number(q.to),
          basis: q.basis ?? 'calendar',
          currency: q.currency ?? 'CNY',
          lang: locale,
        }),
      );
    } catch (e) {
      message.error(errorText(t, e));
    }
  };
  const shown = DASHBOARD_INDICATORS[dashboard];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="analytics">
      {dashboards.length > 1 && (
        <Tabs
          activeKey={dashboard}
          onChange={(k) => setDashboard(k as Dashboard)}
          items={dashboards.map((d) => ({ key: d, label: t(DASHBOARD_LABELS[d]) }))}
          data-testid="analytics-dashboards"
        />
      )}
      <Space wrap>
        <Select
          mode="multiple"
          allowClear
          placeholder={t('All platforms')}
          aria-label={t('All platforms')}
          style={{ minWidth: 260 }}
          options={choices}
          onChange={(ids: string[]) => setQ({ ...q, platformIds: ids.length ? ids.join(',') : undefined })}
          data-testid="analytics-platforms"
        />
        <Select
          allowClear
          placeholder={t('Construction model')}
          aria-label={t('Construction model')}
          style={{ width: 220 }}
          options={PLATFORM_MODELS.map((m) => ({ value: m, label: t(MODEL_LABELS[m]) }))}
          onChange={(model?: PlatformModel) => setQ({ ...q, model })}
          data-testid="analytics-model"
        />
        <FieldCut value={q.fieldId} onChange={(fieldId) => setQ({ ...q, fieldId })} />
        <InputNumber
          value={Number(q.from)}
          min={1900}
          max={2200}
          onChange={(v) => v && setQ({ ...q, from: v })}
          addonBefore={t('From year')}
          aria-label={t('From year')}
          data-testid="analytics-from"
        />
        <InputNumber
          value={Number(q.to)}
          min={1900}
          max={2200}
          onChange={(v) => v && setQ({ ...q, to: v })}
          addonBefore={t('To year')}
          aria-label={t('To year')}
          data-testid="analytics-to"
        />
        <Select
          aria-label={t('Year basis')}
          value={q.basis}
          style={{ width: 150 }}
          options={[
            { value: 'calendar', label: t('Calendar years') },
            { value: 'fiscal', label: t('Fiscal year of each platform') },
          ]}
          onChange={(basis) => setQ({ ...q, basis })}
          data-testid="analytics-basis"
        />
        <Select
          aria-label={t('Currency')}
          value={q.currency}
          style={{ width: 100 }}
          options={['CNY', 'USD', 'EUR', 'JPY'].map((c) => ({ value: c, label: c }))}
          onChange={(currency) => setQ({ ...q, currency })}
          data-testid="analytics-currency"
        />
        <Button icon={<DownloadOutlined />} onClick={exportXlsx} data-testid="analytics-xlsx">
          {t('Export XLSX')}
        </Button>
        <Tooltip title={single ? null : t('Choose one platform for its annual report')}>
          <Button
            icon={<FilePdfOutlined />}
            disabled={!single}
            onClick={exportReport}
            data-testid="analytics-annual-report"
          >
            {t('Annual report (PDF)')}
          </Button>
        </Tooltip>
      </Space>
      {data.error ? (
        <LoadFailed error={data.error} />
      ) : !data.data ? (
        <Centered />
      ) : (
        <>
          {data.data.converted && (
            <Alert
              type="info"
              showIcon
              title={t(
                'Amounts in other currencies are converted to {{currency}} with the stored yearly exchange rates',
                {
                  currency: data.data.currency,
                },
              )}
              data-testid="analytics-converted"
            />
          )}
          {data.data.platforms.some((p) => p.isIllustrative || p.fundingIllustrative) && (
            <Alert
              type="warning"
              showIcon
              title={t('Some figures are illustrative demo values: {{platforms}}', {
                platforms: data.data.platforms
                  .filter((p) => p.isIllustrative || p.fundingIllustrative)
                  .map((p) => localName(p, locale))
                  .join(locale === 'zh-CN' ? '、' : ', '),
              })}
              data-testid="analytics-illustrative"
            />
          )}
          {INDICATOR_GROUPS.map((g) => {
            const ids = shown.filter((id) => INDICATORS[id].group === g);
            if (ids.length === 0) return null;
            return (
              <div key={g}>
                <Typography.Title level={5}>
                  {locale === 'zh-CN' ? INDICATOR_GROUP_NAMES[g].zh : INDICATOR_GROUP_NAMES[g].en}
                </Typography.Title>
                <Row gutter={[16, 16]}>
                  {ids.map((id) => (
                    <Col key={id} xs={24} xl={12}>
                      <IndicatorCard id={id} data={data.data!} />
                    </Col>
                  ))}
                </Row>
              </div>
            );
          })}
        </>
      )}
    </Space>
  );
}

/** The field cut: one field, its sub-fields included (the server takes them with it). */
function FieldCut({ value, onChange }: { value?: string; onChange: (id?: string) => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const tree = useApi(() => api.fields(false), []);
  return (
    <TreeSelect
      allowClear
      showSearch
      treeNodeFilterProp="title"
      placeholder={t('Technology field')}
      aria-label={t('Technology field')}
      style={{ width: 220 }}
      value={value}
      onChange={(v?: string) => onChange(v || undefined)}
      treeData={treeData(tree.data, locale, new Set())}
      data-testid="analytics-field"
    />
  );
}
