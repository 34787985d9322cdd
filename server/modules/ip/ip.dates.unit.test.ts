import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween } from './ip.dates.js';
import { deadlinesOf } from './ip.docket.js';
import type { FilingRow } from './ip.repository.js';

const filing = (over: Partial<FilingRow>): FilingRow => ({
  id: 'f',
  platform_id: 'p',
  disclosure_id: 'd',
  family_id: 'f',
  parent_filing_id: null,
  jurisdiction: 'US',
  filing_type: 'utility',
  application_number: null,
  publication_number: null,
  patent_number: null,
  filing_date: '2020-01-31',
  priority_date: '2020-01-31',
  publication_date: null,
  grant_date: null,
  status: 'pending',
  created_at: '',
  updated_at: '',
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
    expect(deadlinesOf(filing({ filing_type: 'provisional' }), false)).toEqual([
      { rule: 'us_nonprovisional_12m', dueDate: '2021-01-31', feeYear: null },
    ]);
    expect(deadlinesOf(filing({ filing_type: 'provisional' }), true)).toEqual([]);
    expect(
      deadlinesOf(filing({ filing_type: 'pct', jurisdiction: 'WO', priority_date: '2019-05-10' }), false),
    ).toEqual([{ rule: 'pct_national_phase_30m', dueDate: '2021-11-10', feeYear: null }]);
    expect(
      deadlinesOf(filing({ grant_date: '2022-06-14', status: 'granted' }), false).map((d) => d.dueDate),
    ).toEqual(['2025-12-14', '2029-12-14', '2033-12-14']);
    const cn = deadlinesOf(
      filing({ jurisdiction: 'CN', filing_date: '2018-03-01', grant_date: '2021-07-01', status: 'granted' }),
      false,
    );
    expect(cn[0]).toEqual({ rule: 'cn_annual_fee', dueDate: '2022-03-01', feeYear: 5 });
    expect(cn.at(-1)).toEqual({ rule: 'cn_annual_fee', dueDate: '2037-03-01', feeYear: 20 });
    expect(deadlinesOf(filing({ filing_type: 'provisional', status: 'abandoned' }), false)).toEqual([]);
  });
});
