import { Alert, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { type DocketEntry, ttApi } from '../../../api/techtransfer.js';
import { useApi } from '../../../app/useApi.js';
import { DateRange } from '../../../components/DateRange.js';
import { openableRow, WIDE } from '../../../components/tables.js';
import { errorText } from '../../../i18n/errors.js';
import { tk } from '../../../i18n/index.js';
import { useTtPlatform } from '../useTtPlatform.js';

const RULE_LABELS: Record<DocketEntry['rule'], string> = {
  us_nonprovisional_12m: tk('Non-provisional due (12 months after the provisional)'),
  pct_national_phase_30m: tk('PCT national phase (30 months from priority)'),
  us_maintenance_3_5y: tk('US maintenance fee at 3.5 years'),
  us_maintenance_7_5y: tk('US maintenance fee at 7.5 years'),
  us_maintenance_11_5y: tk('US maintenance fee at 11.5 years'),
  cn_annual_fee: tk('CN annual fee'),
};
/** Deadlines this close are reminded about at the top of the page. */
const SOON_DAYS = 30;

/**
 * The docket: deadlines computed from the filings (non-provisional at 12 months, PCT national phase at 30
 * months, maintenance and annual fees), earliest first, with reminders for what is overdue or due soon.
 */
export default function DocketPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const tt = useTtPlatform('keep');
  // A period in the URL (the workbench's link) opens the docket on it.
  const [params] = useSearchParams();
  const [from, setFrom] = useState(params.get('from') ?? '');
  const [to, setTo] = useState(params.get('to') ?? '');
  const docket = useApi(
    () =>
      tt.platformId
        ? ttApi.docket(tt.platformId, { from: from || undefined, to: to || undefined })
        : Promise.resolve(null),
    [tt.platformId, from, to],
  );
  if (!tt.platformId) return <Empty description={t('No platform whose tech-transfer records you keep')} />;
  const items = docket.data?.items ?? [];
  const overdue = items.filter((e) => e.overdue).length;
  const soon = items.filter((e) => !e.overdue && e.daysLeft <= SOON_DAYS).length;
  const platformId = tt.platformId;

  return (
    <Card
      title={
        <Space wrap>
          {t('Docket')}
          {tt.picker}
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          <span>{t('Due between')}</span>
          {/* The one date picker of the app (antd's, in the page's language), not the browser's native
              mm/dd/yyyy input (issue 12 item 8); the URL's from/to stay plain YYYY-MM-DD. */}
          <span data-testid="docket-range">
            <DateRange
              label={t('Due between')}
              allowEmpty={[true, true]}
              value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
              onChange={(range) => {
                setFrom(range?.[0]?.format('YYYY-MM-DD') ?? '');
                setTo(range?.[1]?.format('YYYY-MM-DD') ?? '');
              }}
            />
          </span>
          {docket.data && (
            <Typography.Text type="secondary">
              {docket.data.from} – {docket.data.to}
            </Typography.Text>
          )}
        </Space>
        {docket.error ? <Alert type="error" showIcon title={errorText(t, docket.error)} /> : null}
        {overdue > 0 && (
          <Alert
            type="error"
            showIcon
            data-testid="docket-overdue"
            title={t('{{count}} deadlines are overdue', { count: overdue })}
          />
        )}
        {soon > 0 && (
          <Alert
            type="warning"
            showIcon
            data-testid="docket-soon"
            title={t('{{count}} deadlines fall due within {{days}} days', { count: soon, days: SOON_DAYS })}
          />
        )}
        <Table<DocketEntry>
          scroll={WIDE}
          rowKey={(e) => `${e.filingId}-${e.rule}-${e.feeYear ?? ''}`}
          loading={docket.loading}
          dataSource={items}
          data-testid="docket-table"
          data-count={docket.data ? items.length : ''}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          onRow={(e) =>
            openableRow(() =>
              navigate(`/techtransfer/ip?platform=${platformId}&disclosure=${e.disclosureId}`),
            )
          }
          columns={[
            { title: t('Due on'), dataIndex: 'dueDate', width: 120 },
            {
              title: t('Days left'),
              align: 'right',
              width: 110,
              render: (_, e) =>
                e.overdue ? (
                  <Tag color="red">
                    {t('{{days}} days overdue', { days: -e.daysLeft, count: -e.daysLeft })}
                  </Tag>
                ) : e.daysLeft <= SOON_DAYS ? (
                  <Tag color="orange">{e.daysLeft}</Tag>
                ) : (
                  e.daysLeft
                ),
            },
            {
              title: t('Deadline'),
              render: (_, e) =>
                e.feeYear
                  ? `${t(RULE_LABELS[e.rule])} (${t('year {{n}}', { n: e.feeYear })})`
                  : t(RULE_LABELS[e.rule]),
            },
            { title: t('Disclosure'), dataIndex: 'disclosureRefNo' },
            { title: t('Patent office'), dataIndex: 'jurisdiction', width: 80 },
            { title: t('Application number'), render: (_, e) => e.applicationNumber ?? '—' },
            { title: t('Patent number'), render: (_, e) => e.patentNumber ?? '—' },
          ]}
        />
      </Space>
    </Card>
  );
}
