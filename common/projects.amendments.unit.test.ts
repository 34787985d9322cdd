import { describe, expect, it } from 'vitest';
import { type AgreementTerms, agreementDiff, scheduleOf } from './projects.amendments.js';

const base: AgreementTerms = {
  endsOn: '2027-12-31',
  objectives: ['Build the line'],
  indicators: [
    { name: 'Patents', type: 'count', target: 10, verification: 'Certificates' },
    { name: 'Demo', type: 'yes_no', target: true, verification: 'Visit' },
  ],
  milestones: [{ title: 'Design', dueOn: '2026-06-30', deliverables: ['Drawings'] }],
  schedule: [{ kind: 'final', dueOn: '2027-12-31' }],
};

describe('agreementDiff', () => {
  it('is empty for the same terms', () => {
    expect(agreementDiff(base, structuredClone(base))).toEqual([]);
  });

  it('names each changed field by section and item, and items added or removed', () => {
    const after: AgreementTerms = {
      ...base,
      endsOn: '2028-06-30',
      indicators: [{ ...base.indicators[0]!, target: 12 }],
      milestones: [
        { ...base.milestones[0]!, dueOn: '2026-09-30', deliverables: ['Drawings', 'Model'] },
        { title: 'Pilot', dueOn: '2027-06-30', deliverables: ['Report'] },
      ],
      schedule: [
        { kind: 'interim', dueOn: '2027-01-31' },
        { kind: 'final', dueOn: '2028-06-30' },
      ],
    };
    expect(agreementDiff(base, after)).toEqual([
      { section: 'endsOn', index: null, label: null, field: 'endsOn', from: '2027-12-31', to: '2028-06-30' },
      { section: 'indicators', index: 0, label: 'Patents', field: 'target', from: '10', to: '12' },
      { section: 'indicators', index: 1, label: 'Demo', field: 'removed', from: 'Demo', to: null },
      {
        section: 'milestones',
        index: 0,
        label: 'Design',
        field: 'dueOn',
        from: '2026-06-30',
        to: '2026-09-30',
      },
      {
        section: 'milestones',
        index: 0,
        label: 'Design',
        field: 'deliverables',
        from: 'Drawings',
        to: 'Drawings; Model',
      },
      { section: 'milestones', index: 1, label: 'Pilot', field: 'added', from: null, to: 'Pilot' },
      { section: 'schedule', index: null, label: 'final', field: 'removed', from: '2027-12-31', to: null },
      { section: 'schedule', index: null, label: 'interim', field: 'added', from: null, to: '2027-01-31' },
      { section: 'schedule', index: null, label: 'final', field: 'added', from: null, to: '2028-06-30' },
    ]);
  });
});

describe('scheduleOf', () => {
  it('computes the schedule from the dates unless the version names one, which it sorts', () => {
    expect(scheduleOf('2026-03-01', '2026-10-31', null)).toEqual([{ kind: 'final', dueOn: '2026-10-31' }]);
    expect(
      scheduleOf('2026-03-01', '2026-10-31', [
        { kind: 'final', dueOn: '2026-10-31' },
        { kind: 'interim', dueOn: '2026-06-30' },
      ]),
    ).toEqual([
      { kind: 'interim', dueOn: '2026-06-30' },
      { kind: 'final', dueOn: '2026-10-31' },
    ]);
  });
});
