import { describe, expect, it } from 'vitest';
import { endOfProjectMonth, reportingSchedule } from './projects.js';

describe('milestone due dates from the work plan month', () => {
  it('ends month n the day before the same day n months later', () => {
    expect(endOfProjectMonth('2026-03-15', 1)).toBe('2026-04-14');
    expect(endOfProjectMonth('2026-03-15', 6)).toBe('2026-09-14');
    expect(endOfProjectMonth('2026-01-01', 12)).toBe('2026-12-31');
    expect(endOfProjectMonth('2026-12-06', 24)).toBe('2028-12-05');
  });

  it('clamps to the length of the target month', () => {
    expect(endOfProjectMonth('2026-01-31', 1)).toBe('2026-02-27');
    expect(endOfProjectMonth('2028-01-31', 1)).toBe('2028-02-28');
    expect(endOfProjectMonth('2026-03-31', 1)).toBe('2026-04-29');
  });
});

describe('reporting schedule from the project dates', () => {
  it('asks for annual reports, one interim report halfway and the final report on the end date', () => {
    expect(reportingSchedule('2026-01-01', '2028-12-31')).toEqual([
      { kind: 'annual', dueOn: '2026-12-31' },
      { kind: 'interim', dueOn: '2027-06-30' },
      { kind: 'annual', dueOn: '2027-12-31' },
      { kind: 'final', dueOn: '2028-12-31' },
    ]);
  });

  it('needs only the final report for a project under a year', () => {
    expect(reportingSchedule('2026-03-01', '2026-10-31')).toEqual([{ kind: 'final', dueOn: '2026-10-31' }]);
  });
});
