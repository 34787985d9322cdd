import { App, Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SEAT_STATES } from '../../../../common/review.js';
import { type BatchResult, batchApi } from '../../../api/batch.js';
import { reviewRunsApi, type Seat } from '../../../api/review-runs.js';
import { useLocale } from '../../../app/locale.js';
import { useApi } from '../../../app/useApi.js';
import { pick } from '../../../components/labels.js';
import { CATEGORY_LABELS, SEAT_COLORS, SEAT_LABELS } from '../../../components/review-labels.js';
import { SelectionBar } from '../../../components/SelectionBar.js';
import { WIDE } from '../../../components/tables.js';
import { zonedTime } from '../../../components/time.js';
import { errorText } from '../../../i18n/errors.js';

/**
 * The published seats with their states and counts; refill fills declined and unanswered ones, and the
 * unanswered ones may be selected and their experts invited again in one action (批量重新邀请).
 */
export function SeatsCard({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const seats = useApi(() => reviewRunsApi.seats(callId), [callId]);
  const [selected, setSelected] = useState<string[]>([]);
  const [result, setResult] = useState<BatchResult | null>(null);
  const reinvite = () =>
    batchApi
      .reinviteSeats(callId, selected)
      .then((r) => {
        setResult(r);
        setSelected(r.results.filter((x) => !x.ok).map((x) => x.id));
        seats.reload();
      })
      .catch((err: unknown) => message.error(errorText(t, err)));
  const labelOf = (id: string) => {
    const s = seats.data?.items.find((x) => x.id === id);
    return s ? `${s.applicationNumber ?? ''} ${s.label} · ${s.expertName}` : id;
  };
  const refill = () =>
    reviewRunsApi
      .refill(callId)
      .then((run) => {
        message.success(
          t('{{count}} seats refilled', { count: run.assignments.filter((p) => !p.fixed).length }),
        );
        seats.reload();
      })
      .catch((err: unknown) => message.error(errorText(t, err)));
  const counts = seats.data?.counts;
  return (
    <Card
      size="small"
      title={t('Seats')}
      data-testid="seats"
      extra={
        <Popconfirm title={t('Refill declined and unanswered seats?')} onConfirm={refill}>
          <Button data-testid="refill">{t('Refill')}</Button>
        </Popconfirm>
      }
    >
      <Space wrap style={{ marginBottom: 12 }} data-testid="seat-counts">
        {SEAT_STATES.map((s) => (
          <Tag key={s} color={SEAT_COLORS[s]}>
            {t(SEAT_LABELS[s])} {counts?.[s] ?? 0}
          </Tag>
        ))}
      </Space>
      <SelectionBar count={selected.length} onClear={() => setSelected([])} result={result} labelOf={labelOf}>
        <Popconfirm
          title={t('Invite the experts of the {{count}} selected seats again, with a new time to answer?', {
            count: selected.length,
          })}
          okText={t('Invite again')}
          cancelText={t('Cancel')}
          onConfirm={reinvite}
        >
          <Button type="primary">{t('Invite again')}</Button>
        </Popconfirm>
      </SelectionBar>
      <Table<Seat>
        scroll={WIDE}
        rowKey="id"
        size="small"
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys as string[]),
          // Only an invitation that ran out unanswered can be sent again.
          getCheckboxProps: (s) => ({
            disabled: s.state !== 'expired',
            'aria-label': `${s.applicationNumber ?? ''} ${s.label} ${s.expertName}`,
          }),
        }}
        loading={seats.loading}
        dataSource={seats.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t('Receipt number'), render: (_, s) => s.applicationNumber ?? '—' },
          { title: t('Label'), render: (_, s) => s.label },
          {
            title: t('Expert'),
            render: (_, s) =>
              `${pick(s.expertName, s.expertNameEn, locale)} · ${t(CATEGORY_LABELS[s.category])}`,
          },
          {
            title: t('State'),
            render: (_, s) => <Tag color={SEAT_COLORS[s.state]}>{t(SEAT_LABELS[s.state])}</Tag>,
          },
          { title: t('Reply by'), render: (_, s) => zonedTime(s.respondBy, locale) },
          { title: t('Reason'), render: (_, s) => s.declineReason ?? '' },
        ]}
      />
    </Card>
  );
}
