import { Card, Col, Row, Select, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { INQUIRY_STATES, type InquiryState } from '../../../common/results.js';
import { type InquiryList, resultsApi } from '../../api/results.js';
import { useLocale } from '../../app/locale.js';
import { usePlatforms } from '../../app/platforms.js';
import { useSignedIn } from '../../app/session.js';
import { useApi } from '../../app/useApi.js';
import { DateInput } from '../../components/DateInput.js';
import { LoadFailed } from '../../components/feedback.js';
import {
  INQUIRY_COLORS,
  INQUIRY_KIND_LABELS,
  INQUIRY_STATE_LABELS,
  inquiryStateOptions,
  pickFilled,
} from '../../components/result-labels.js';
import { openableRow, WIDE } from '../../components/tables.js';
import { formatTime } from '../../components/time.js';
import { inquiryPlatforms } from './access.js';
import { InquiryDrawer } from './InquiryDrawer.js';

type InquiryRow = InquiryList['items'][number];

/** The inquiry funnel of a platform for its tech-transfer officers: counts for a period and the inquiries. */
export default function InquiriesPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { user } = useSignedIn();
  const platforms = usePlatforms();
  const mine = user.isSystemAdmin ? platforms.list.map((p) => p.id) : inquiryPlatforms(user);
  // Platform and state are in the URL, so the workbench's link opens the list it counted.
  const [params, setParams] = useSearchParams();
  const inUrl = params.get('platform');
  const platformId = inUrl && mine.includes(inUrl) ? inUrl : mine[0];
  const askedState = params.get('state');
  const state = INQUIRY_STATES.includes(askedState as InquiryState)
    ? (askedState as InquiryState)
    : undefined;
  const setFilter = (key: 'platform' | 'state', v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(key, v);
    else next.delete(key);
    setParams(next);
  };
  const [period, setPeriod] = useState<{ from?: string; to?: string }>({});
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const funnel = useApi(
    () => (platformId ? resultsApi.funnel({ platformId, ...period }) : Promise.resolve(null)),
    [platformId, period.from, period.to],
  );
  const list = useApi(
    () =>
      platformId ? resultsApi.inquiries({ platformId, state, page, pageSize: 20 }) : Promise.resolve(null),
    [platformId, state, page],
  );
  const reload = () => {
    funnel.reload();
    list.reload();
  };
  const f = funnel.data;
  const date = (key: 'from' | 'to', label: string) => (
    <DateInput
      style={{ width: 170 }}
      aria-label={label}
      value={period[key]}
      onChange={(v) => setPeriod({ ...period, [key]: v || undefined })}
    />
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          aria-label={t('Platform')}
          style={{ width: 260 }}
          value={platformId}
          options={mine.map((id) => ({ value: id, label: platforms.nameOf(id) }))}
          onChange={(v) => {
            setFilter('platform', v);
            setPage(1);
          }}
        />
        <span>{t('Received from')}</span>
        {date('from', t('Received from'))}
        <span>{t('to')}</span>
        {date('to', t('to'))}
      </Space>
      {funnel.error ? <LoadFailed error={funnel.error} /> : null}
      {f ? (
        <Row gutter={[12, 12]} data-testid="funnel">
          {(
            [
              [t('Received'), f.received, 'received'],
              [t('In discussion'), f.reached.in_discussion, 'in_discussion'],
              [t('NDA signed'), f.reached.nda_signed, 'nda_signed'],
              [t('Licensed'), f.reached.licensed, 'licensed'],
              [t('Closed'), f.reached.closed, 'closed'],
            ] as const
          ).map(([label, n, key]) => (
            <Col key={key} xs={12} md={8} lg={4}>
              <Card size="small">
                <Statistic title={label} value={n} data-testid={`funnel-${key}`} />
              </Card>
            </Col>
          ))}
        </Row>
      ) : null}
      <Card>
        <Space style={{ marginBottom: 12 }}>
          <Select
            allowClear
            style={{ width: 180 }}
            placeholder={t('State')}
            aria-label={t('State')}
            value={state}
            options={inquiryStateOptions(t)}
            onChange={(v) => {
              setFilter('state', v);
              setPage(1);
            }}
            data-testid="inquiries-state"
          />
        </Space>
        {list.error ? <LoadFailed error={list.error} /> : null}
        <Table<InquiryRow>
          scroll={WIDE}
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          onRow={(r) => openableRow(() => setOpen(r.id))}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
          data-testid="inquiries-table"
          data-count={list.data?.total ?? ''}
          columns={[
            { title: t('Received'), render: (_, r) => formatTime(r.receivedAt, locale) },
            { title: t('Result'), render: (_, r) => pickFilled(r.result.titleZh, r.result.titleEn, locale) },
            { title: t('Inquiry about'), render: (_, r) => t(INQUIRY_KIND_LABELS[r.kind]) },
            { title: t('Name'), render: (_, r) => <span data-testid="inquiry-row-name">{r.name}</span> },
            { title: t('Organisation'), dataIndex: 'organisation' },
            {
              title: t('State'),
              render: (_, r) => (
                <Tag color={INQUIRY_COLORS[r.state]} data-testid="inquiry-row-state">
                  {t(INQUIRY_STATE_LABELS[r.state])}
                </Tag>
              ),
            },
          ]}
        />
      </Card>
      {open ? <InquiryDrawer id={open} onClose={() => setOpen(null)} onChanged={reload} /> : null}
    </Space>
  );
}
