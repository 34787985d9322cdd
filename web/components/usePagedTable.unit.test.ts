import { describe, expect, it } from 'vitest';
import { pageOf, withPage } from './usePagedTable.js';

// The page of a server-paged list lives in the URL (docs/analytics.md "Drill-down"): what a URL asks
// for, and the URL a new page makes.
const keys = { defaultSize: 20 };

describe('the page of a list in the URL', () => {
  it('reads the page and its size, and falls back on the first page and the default size', () => {
    expect(pageOf(new URLSearchParams('page=3&pageSize=50'), keys)).toEqual({ page: 3, pageSize: 50 });
    expect(pageOf(new URLSearchParams(''), keys)).toEqual({ page: 1, pageSize: 20 });
    // Not a page, or a size the table does not offer (the server would refuse 5,000).
    expect(pageOf(new URLSearchParams('page=0&pageSize=5000'), keys)).toEqual({ page: 1, pageSize: 20 });
    expect(pageOf(new URLSearchParams('page=2.5&pageSize=abc'), keys)).toEqual({ page: 1, pageSize: 20 });
    expect(pageOf(new URLSearchParams('page=2'), { defaultSize: 50 })).toEqual({
      page: 2,
      pageSize: 50,
    });
  });

  it('keeps the filters and leaves the first page and the default size out of the URL', () => {
    const drilled = new URLSearchParams('platform=p1&kind=licence&executedFrom=2010-01-01');
    expect(withPage(drilled, 9, 20, keys).toString()).toBe(
      'platform=p1&kind=licence&executedFrom=2010-01-01&page=9',
    );
    expect(withPage(new URLSearchParams('page=9&tab=filings'), 1, 50, keys).toString()).toBe(
      'tab=filings&pageSize=50',
    );
  });
});
