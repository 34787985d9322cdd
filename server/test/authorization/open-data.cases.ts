import { DATASETS } from '../../modules/open-data/open-data.views.js';
import type { RouteCase } from './matrix.js';

/**
 * The open-data routes (issue 15) are anonymous: every caller, signed in or not, gets the same 2xx
 * answer; what that answer may hold is checked in open-data.privacy.test.ts.
 */
export const openDataCases = (): RouteCase[] => [
  ...[...DATASETS, 'changes', 'commongrants/opportunities', 'commongrants/awards', 'dumps'].map((d) => ({
    route: `GET /api/open/v1/${d}`,
    expect: { others: '2xx' as const },
    cell: () => ({ url: `/api/open/v1/${d}` }),
  })),
  // A file of the bulk dump: the licence statement, present in every dump.
  {
    route: 'GET /api/open/v1/dumps/:name',
    expect: { others: '2xx' },
    cell: () => ({ url: '/api/open/v1/dumps/LICENCE.txt' }),
  },
];
