import { describe, expect, it } from 'vitest';
import { periodOf, royaltyStats, yearBounds } from './ttreports.period.js';

describe('report periods and statistics', () => {
  it('names a fiscal year by the year it ends in', () => {
    expect(yearBounds(2010, 10)).toEqual({ startDate: '2009-10-01', endDate: '2010-09-30' });
    expect(yearBounds(2016, 4)).toEqual({ startDate: '2015-04-01', endDate: '2016-03-31' });
    expect(yearBounds(2016, 3)).toEqual({ startDate: '2015-03-01', endDate: '2016-02-29' });
    expect(periodOf(2010, 2016, 'fiscal', 10)).toMatchObject({
      startDate: '2009-10-01',
      endDate: '2016-09-30',
    });
    expect(periodOf(2010, 2016, 'calendar', 10)).toMatchObject({
      startDate: '2010-01-01',
      endDate: '2016-12-31',
      startMonth: 1,
    });
  });

  it('takes median, range and top shares over licences with earned royalties', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    const s = royaltyStats([0, ...values]);
    expect(s).toMatchObject({ licences: 100, median: 51, min: 1, max: 100 });
    expect(s.top1).toBeCloseTo(100 / 5050);
    expect(s.top5).toBeCloseTo((100 + 99 + 98 + 97 + 96) / 5050);
    expect(royaltyStats([])).toMatchObject({ licences: 0, median: null, top1: null });
  });
});
