import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween } from './ip.dates.js';
import { deadlinesOf } from './ip.docket.js';
import type { Filing } from './ip.repository.js';

const filing = (over: Partial<Filing>): Filing => ({
  id: 'f',
  platformId: 'p',
  disclosureId: 'd',
  familyId: 'f',
  parentFilingId: null,
  jurisdiction: 'US',
  filingType: 'utility',
  applicationNumber: null,
  publicationNumber: null,
  patentNumber: null,
  filingDate: '2020-01-31',
  priorityDate: '2020-01-31',
  publicationDate: null,
  grantDate: null,
  status: 'pending',
  createdAt: '',
  updatedAt: '',
  ...over,
});

describe('patent office periods', () => {
  it('adds months keeping the day, or the last day of a shorter month', () => {
    expect(addMonths('2020-01-31', 1)).toBe('2020-02-29');
    expect(addMonths('2019-08-31', 6)).toBe('2020-02-29');
    expect(addMonths('2021-08-31', 42)).toBe('2025-02-28');
    expect(addMonths('2020-03-15', -3)).toBe('2019-12-15');
    expect(daysBetween('2020-02-28', '2020-03-01')).toBe(2);
  });

  it('derives each rule: 12 months, 30 months from priority, 3.5/7.5/11.5 years, CN annual fees from the grant on', () => {
    expect(deadlinesOf(filing({ filingType: 'provisional' }), false)).toEqual([
      { rule: 'us_nonprovisional_12m', dueDate: '2021-01-31', feeYear: null },
    ]);
    expect(deadlinesOf(filing({ filingType: 'provisional' }), true)).toEqual([]);
    expect(
      deadlinesOf(filing({ filingType: 'pct', jurisdiction: 'WO', priorityDate: '2019-05-10' }), false),
    ).toEqual([{ rule: 'pct_national_phase_30m', dueDate: '2021-11-10', feeYear: null }]);
    expect(
      deadlinesOf(filing({ grantDate: '2022-06-14', status: 'granted' }), false).map((d) => d.dueDate),
    ).toEqual(['2025-12-14', '2029-12-14', '2033-12-14']);
    const cn = deadlinesOf(
      filing({ jurisdiction: 'CN', filingDate: '2018-03-01', grantDate: '2021-07-01', status: 'granted' }),
      false,
    );
    expect(cn[0]).toEqual({ rule: 'cn_annual_fee', dueDate: '2022-03-01', feeYear: 5 });
    expect(cn.at(-1)).toEqual({ rule: 'cn_annual_fee', dueDate: '2037-03-01', feeYear: 20 });
    expect(deadlinesOf(filing({ filingType: 'provisional', status: 'abandoned' }), false)).toEqual([]);
  });
});
