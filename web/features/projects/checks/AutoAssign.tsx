import { Button, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckSeatState } from '../../../../common/project-checks.js';
import { ASSIGNMENT_MODE_LABELS, ASSIGNMENT_MODES, type AssignmentMode } from '../../../../common/review.js';
import { type CheckView, projectChecksApi } from '../../../api/project-checks.js';
import { WIDE } from '../../../components/tables.js';
import { errorText } from '../../../i18n/errors.js';
import { tk } from '../../../i18n/index.js';

export const SEAT_STATE_LABELS: Record<CheckSeatState, string> = {
  invited: tk('seat.invited'),
  accepted: tk('seat.accepted'),
  declined: tk('answer.declined'),
  expired: tk('seat.expired'),
};
const SEAT_COLORS: Record<CheckSeatState, string> = {
  invited: 'blue',
  accepted: 'green',
  declined: 'red',
  expired: 'default',
};

export function SeatTag({ state }: { state: CheckSeatState }) {
  const { t } = useTranslation();
  return <Tag color={SEAT_COLORS[state]}>{t(SEAT_STATE_LABELS[state])}</Tag>;
}

/**
 * The officers run the review engine for this check (mode and panel size): experts are invited, the
 * conflicts of the platform's rule set kept off with their evidence; a declined or expired seat is
 * refilled by the engine.
 */
export function AutoAssign({ check, onDone }: { check: CheckView; onDone(): void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<AssignmentMode>('hybrid');
  const [size, setSize] = useState<number>(3);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const act = async (f: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await f();
      setError(undefined);
      onDone();
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };
  const open = (check.panel ?? []).filter((s) => s.state === 'declined' || s.state === 'expired');
  return (
    <Space wrap>
      <Select
        aria-label={t('Assignment mode')}
        value={mode}
        onChange={setMode}
        style={{ width: 140 }}
        options={ASSIGNMENT_MODES.map((m) => ({ value: m, label: t(ASSIGNMENT_MODE_LABELS[m]) }))}
      />
      <InputNumber
        aria-label={t('Panel size')}
        min={1}
        max={15}
        value={size}
        onChange={(v) => setSize(v ?? 1)}
      />
      <Button
        type="primary"
        loading={busy}
        onClick={() => act(() => projectChecksApi.run({ checkIds: [check.id], mode, panelSize: size }))}
      >
        {t('Assign experts automatically')}
      </Button>
      {check.latestRun && open.length ? (
        <Button loading={busy} onClick={() => act(() => projectChecksApi.refill(check.id))}>
          {t('Refill the declined seats')}
        </Button>
      ) : null}
      {check.latestRun ? (
        <Tag data-testid="check-latest-run">
          {t(ASSIGNMENT_MODE_LABELS[check.latestRun.mode])} · {t('Panel size')} {check.latestRun.panelSize}
        </Tag>
      ) : null}
      {error ? <Tag color="red">{error}</Tag> : null}
    </Space>
  );
}

const num = (x: number | null | undefined) => (x == null ? '—' : String(Math.round(x * 100) / 100));

/** The raw and the calibrated totals of the submitted scorecards, side by side (officers and chair). */
export function CalibratedScores({ check }: { check: CheckView }) {
  const { t } = useTranslation();
  const c = check.calibration;
  if (!c?.reviews.length) return null;
  return (
    <Table
      size="small"
      scroll={WIDE}
      pagination={false}
      rowKey="expertId"
      data-testid="check-calibration"
      dataSource={c.reviews}
      columns={[
        { title: t('Expert'), dataIndex: 'name' },
        { title: t('Raw total'), render: (_, r) => num(r.rawTotal) },
        { title: t('Calibrated total'), render: (_, r) => num(r.calibratedTotal) },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>{t('Mean')}</Table.Summary.Cell>
          <Table.Summary.Cell index={1}>{num(c.rawMean)}</Table.Summary.Cell>
          <Table.Summary.Cell index={2}>{num(c.calibratedMean)}</Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}
