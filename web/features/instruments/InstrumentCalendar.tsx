import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { slotStarts, staffHoursPerDay } from '../../../common/instruments.js';
import { type Booking, type Instrument, instrumentsApi } from '../../api/instruments.js';
import { useApi } from '../../app/useApi.js';
import { LoadFailed } from '../../components/feedback.js';
import { addDays, dayOf, hourText, mondayOf } from './labels.js';

type Cell = 'free' | 'taken' | 'requested' | 'maintenance';

const COLORS: Record<Cell, string> = {
  free: '#f6ffed',
  taken: '#ffccc7',
  requested: '#fff1b8',
  maintenance: '#d9d9d9',
};

/** What each held hour of the window is: maintenance, requested (awaiting approval) or approved. */
function cellsOf(items: readonly Booking[]): Map<string, Cell> {
  const out = new Map<string, Cell>();
  for (const b of items)
    for (const s of slotStarts(b.startsAt, b.endsAt))
      out.set(s, b.kind === 'maintenance' ? 'maintenance' : b.state === 'requested' ? 'requested' : 'taken');
  return out;
}

/**
 * A week of an instrument's machine hours (UTC, its open hours only): free, held (approved or awaiting
 * approval) or blocked for maintenance. Who holds an hour is never drawn: the public and other bookers
 * are told when, not who. `onPick` makes free hours clickable (the booking form starts there).
 */
export function InstrumentCalendar({
  instrument: i,
  publicView = false,
  reloadKey = 0,
  onPick,
}: {
  instrument: Instrument;
  publicView?: boolean;
  reloadKey?: number;
  onPick?(startsAt: string): void;
}) {
  const { t } = useTranslation();
  const [monday, setMonday] = useState(() => mondayOf(new Date().toISOString().slice(0, 10)));
  const from = `${monday}T00:00:00.000Z`;
  const to = `${addDays(monday, 7)}T00:00:00.000Z`;
  const cal = useApi(
    () =>
      publicView ? instrumentsApi.publicCalendar(i.id, from, to) : instrumentsApi.calendar(i.id, from, to),
    [i.id, from, reloadKey],
  );
  const cells = cellsOf(cal.data?.items ?? []);
  const days = Array.from({ length: 7 }, (_, n) => addDays(monday, n));
  const hours = Array.from({ length: i.closeHour - i.openHour }, (_, n) => i.openHour + n);
  const open = i.closeHour - i.openHour;
  const kept = open - staffHoursPerDay(i.openHour, i.closeHour, i.enterpriseSharePercent);
  const label: Record<Cell, string> = {
    free: t('Free'),
    taken: t('Booked'),
    requested: t('Awaiting approval'),
    maintenance: t('Maintenance'),
  };
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }} data-testid="instrument-calendar">
      <Space wrap>
        <Button
          icon={<LeftOutlined />}
          aria-label={t('Previous week')}
          onClick={() => setMonday(addDays(monday, -7))}
        />
        <Typography.Text strong data-testid="calendar-week">
          {monday} – {addDays(monday, 6)} (UTC)
        </Typography.Text>
        <Button
          icon={<RightOutlined />}
          aria-label={t('Next week')}
          onClick={() => setMonday(addDays(monday, 7))}
        />
      </Space>
      <Typography.Text type="secondary" data-testid="calendar-share">
        {t(
          'Open {{open}}–{{close}} UTC; {{kept}} of the {{count}} hours of each day are kept for enterprises',
          {
            open: hourText(i.openHour),
            close: hourText(i.closeHour),
            kept,
            count: open,
          },
        )}
      </Typography.Text>
      {cal.error ? <LoadFailed error={cal.error} /> : null}
      <div style={{ overflowX: 'auto' }}>
        <table
          aria-label={t('Machine-hour calendar')}
          aria-busy={cal.loading}
          style={{ borderCollapse: 'collapse', width: '100%', minWidth: 560, fontSize: 12 }}
        >
          <thead>
            <tr>
              <th />
              {days.map((d) => (
                <th key={d} scope="col" style={{ padding: 4 }}>
                  {d.slice(5)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {hours.map((h) => (
              <tr key={h}>
                <th scope="row" style={{ padding: 4, textAlign: 'right', fontWeight: 400 }}>
                  {hourText(h)}
                </th>
                {days.map((d) => {
                  const at = `${d}T${hourText(h)}:00.000Z`;
                  const cell = cells.get(at) ?? 'free';
                  // While a week loads its held hours are unknown: nothing is offered until they are.
                  const pickable =
                    cell === 'free' &&
                    !!onPick &&
                    !cal.loading &&
                    dayOf(at) >= dayOf(new Date().toISOString());
                  return (
                    <td
                      key={d}
                      title={`${d} ${hourText(h)} ${label[cell]}`}
                      data-slot={at}
                      data-state={cell}
                      style={{
                        background: COLORS[cell],
                        border: '1px solid #f0f0f0',
                        height: 22,
                        textAlign: 'center',
                      }}
                    >
                      {pickable ? (
                        <button
                          type="button"
                          aria-label={`${d} ${hourText(h)} ${label.free}`}
                          onClick={() => onPick(at)}
                          style={{
                            width: '100%',
                            height: '100%',
                            border: 0,
                            background: 'transparent',
                            cursor: 'pointer',
                          }}
                        />
                      ) : cell === 'free' ? (
                        ''
                      ) : (
                        label[cell]
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Space>
  );
}
