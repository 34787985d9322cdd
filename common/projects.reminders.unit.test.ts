import { describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_SETTINGS, reminderOffsets, remindersDue } from './projects.reminders.js';

const report = (dueOn: string, status: 'due' | 'overdue' | 'submitted' = 'due') => ({
  kind: 'annual' as const,
  dueOn,
  status,
});
const on = (today: string, settings = DEFAULT_REMINDER_SETTINGS) =>
  remindersDue([report('2027-01-14')], settings, today).map((r) => [r.offset, r.daysLeft]);

describe('which reminder a report gets on which day', () => {
  it('the offsets in day order, before the due day negative', () => {
    expect(reminderOffsets({ daysBefore: [3, 14, 0], daysAfter: [7, 1] })).toEqual([-14, -3, 0, 1, 7]);
  });

  it('the latest offset whose day has come, from its day to a week after', () => {
    expect(on('2026-12-30')).toEqual([]);
    expect(on('2026-12-31')).toEqual([[-14, 14]]);
    expect(on('2027-01-07')).toEqual([[-14, 7]]);
    // Eight days after its day, the 14-days reminder is no longer sent; the 3-days one comes on its day.
    expect(on('2027-01-08')).toEqual([]);
    expect(on('2027-01-11')).toEqual([[-3, 3]]);
    expect(on('2027-01-14')).toEqual([[-3, 0]]);
    expect(on('2027-01-15')).toEqual([[1, -1]]);
    expect(on('2027-01-21')).toEqual([[7, -7]]);
    expect(on('2027-01-28')).toEqual([[7, -14]]);
    // More than a week after the last reminder's day: nothing more.
    expect(on('2027-01-29')).toEqual([]);
  });

  it('a missed day is not caught up beyond a week, even before the due day', () => {
    const far = { enabled: true, daysBefore: [60], daysAfter: [] };
    expect(on('2026-11-15', far)).toEqual([[-60, 60]]);
    expect(on('2026-11-23', far)).toEqual([]);
  });

  it('nothing for a submitted report, nor when reminders are off', () => {
    expect(
      remindersDue([report('2027-01-14', 'submitted')], DEFAULT_REMINDER_SETTINGS, '2027-01-15'),
    ).toEqual([]);
    expect(on('2027-01-15', { ...DEFAULT_REMINDER_SETTINGS, enabled: false })).toEqual([]);
  });
});
