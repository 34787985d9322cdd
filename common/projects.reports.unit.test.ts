import { describe, expect, it } from 'vitest';
import { reportStatuses } from './projects.reports.js';

describe('reportStatuses', () => {
  it('due until the date, overdue after it, submitted once sent (even late)', () => {
    const schedule = [
      { kind: 'annual' as const, dueOn: '2026-03-31' },
      { kind: 'interim' as const, dueOn: '2026-06-30' },
      { kind: 'final' as const, dueOn: '2027-03-31' },
    ];
    const submitted = [
      { kind: 'interim' as const, dueOn: '2026-06-30', submittedAt: '2026-07-02T08:00:00Z' },
    ];
    expect(reportStatuses(schedule, submitted, '2026-06-30').map((r) => r.status)).toEqual([
      'overdue',
      'submitted',
      'due',
    ]);
    // On its due date a report is still due.
    expect(reportStatuses(schedule, [], '2026-03-31')[0]).toEqual({
      kind: 'annual',
      dueOn: '2026-03-31',
      status: 'due',
      submittedAt: null,
    });
    // A submission for another date of the same kind does not count.
    expect(
      reportStatuses(schedule, [{ kind: 'annual', dueOn: '2025-03-31', submittedAt: 'x' }], '2026-04-01')[0]!
        .status,
    ).toBe('overdue');
  });
});
