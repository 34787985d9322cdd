import { describe, expect, it } from 'vitest';
import { healthFlags } from './health.js';

const healthy = {
  state: 'in_progress' as const,
  outcome: null,
  reports: [{ status: 'submitted' as const }, { status: 'due' as const }],
  cells: [{ plannedMinor: 100, spentMinor: 100 }],
};

describe('healthFlags', () => {
  it('raises nothing for a project on plan with no report late', () => {
    expect(healthFlags(healthy)).toEqual([]);
  });

  it('raises each flag from its own evidence, in a fixed order', () => {
    expect(
      healthFlags({
        state: 'rectification',
        outcome: null,
        reports: [{ status: 'overdue' }],
        cells: [
          { plannedMinor: 100, spentMinor: 50 },
          { plannedMinor: 100, spentMinor: 101 },
        ],
      }),
    ).toEqual(['overdue_report', 'overspent', 'rectification']);
    expect(healthFlags({ ...healthy, state: 'closed', outcome: 'failed' })).toEqual(['failed']);
    expect(healthFlags({ ...healthy, state: 'closed', outcome: 'passed' })).toEqual([]);
  });
});

describe('burnByCategory', () => {
  it('sums the members per category and warns from 90 % of the plan', async () => {
    const { burnByCategory } = await import('./budget.js');
    const burn = burnByCategory([
      { category: 'equipment', plannedMinor: 300_000, spentMinor: 0 },
      { category: 'operations', plannedMinor: 150_000, spentMinor: 100_000 },
      { category: 'operations', plannedMinor: 200_000, spentMinor: 215_000 },
      { category: 'labour', plannedMinor: 100, spentMinor: 89 },
      { category: 'indirect', plannedMinor: 0, spentMinor: 0 },
    ]);
    expect(burn).toEqual([
      { category: 'equipment', plannedMinor: 300_000, spentMinor: 0, alert: null },
      { category: 'operations', plannedMinor: 350_000, spentMinor: 315_000, alert: 'near' },
      { category: 'labour', plannedMinor: 100, spentMinor: 89, alert: null },
    ]);
    expect(burnByCategory([{ category: 'labour', plannedMinor: 100, spentMinor: 101 }])[0]?.alert).toBe(
      'over',
    );
  });
});
