import { newId } from '../../http/context.js';
import type { Expect, RouteCase } from './matrix.js';
import { CALL_OFFICERS, roleless } from './matrix.js';

/**
 * The authorization matrix rows of the lists' exports and batch actions (issue 12). An export answers as
 * its list does, since it reads the list through the list's own service, so the rows carry the lists'
 * expectations. A batch action answers 200 to anyone who may write, with each item refused or done as
 * the single route would (applications.batch.test.ts checks the per-item answers).
 */
const rolesOnA: Expect = { anonymous: '401', 'B:platform_admin': '403', ...roleless('403'), others: '2xx' };
const ttKeepers: Expect = {
  anonymous: '401',
  'token:read': '2xx',
  'token:write': '2xx',
  system_admin: '2xx',
  'A:platform_admin': '2xx',
  'A:tech_transfer_officer': '2xx',
  others: '403',
};
const userManagers: Expect = {
  anonymous: '401',
  'token:read': '2xx',
  'token:write': '2xx',
  system_admin: '2xx',
  security_admin: '2xx',
  'A:platform_admin': '2xx',
  'B:platform_admin': '2xx',
  others: '403',
};

export function listActionsCases(env: { A(): string }): RouteCase[] {
  const on = (path: string) => () => ({ url: `/api/platforms/${env.A()}/${path}` });
  return [
    {
      route: 'GET /api/platforms/:platformId/projects/export.xlsx',
      expect: rolesOnA,
      cell: on('projects/export.xlsx'),
    },
    {
      route: 'GET /api/platforms/:platformId/calls/export.xlsx',
      expect: CALL_OFFICERS,
      cell: on('calls/export.xlsx'),
    },
    {
      route: 'GET /api/platforms/:platformId/agreements/export.xlsx',
      expect: ttKeepers,
      cell: on('agreements/export.xlsx'),
    },
    {
      route: 'GET /api/platforms/:platformId/ip/disclosures/export.xlsx',
      expect: ttKeepers,
      cell: on('ip/disclosures/export.xlsx'),
    },
    {
      route: 'GET /api/platforms/:platformId/ip/filings/export.xlsx',
      expect: ttKeepers,
      cell: on('ip/filings/export.xlsx'),
    },
    {
      route: 'GET /api/users/export.xlsx',
      expect: userManagers,
      cell: () => ({ url: '/api/users/export.xlsx' }),
    },
    {
      // An unknown id, so the row changes nothing: the system admin is answered 200 with a per-item 404.
      route: 'POST /api/users/disabled',
      expect: { anonymous: '401', 'token:write': '2xx', system_admin: '2xx', others: '403' },
      cell: () => ({ url: '/api/users/disabled', body: { userIds: [newId()], disabled: true } }),
    },
    {
      route: 'POST /api/applications/screening',
      expect: { anonymous: '401', 'token:read': '403', others: '2xx' },
      cell: () => ({
        url: '/api/applications/screening',
        body: { applicationIds: [newId()], outcome: 'pass' },
      }),
    },
  ];
}
