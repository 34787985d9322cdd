import { PRIVACY_NOTICE_VERSION } from '../../../common/privacy.js';
import type { Role } from '../../../common/roles.js';
import type { Ctx } from '../../http/context.js';
import { createInquiry } from '../../modules/inquiries/inquiries.service.js';
import { makeResult, publicationBody, technologyBody } from '../../modules/results/results.fixtures.js';
import { roleless } from './matrix.js';

/**
 * The authorization matrix rows of the results catalog, the public portal and inquiries (issue 6), in the
 * shape of authorization.test.ts, which spreads them into its table.
 */
type Cls = '2xx' | '3xx' | '401' | '403' | '404';
type ActorName =
  | 'anonymous'
  | 'token:read'
  | 'token:write'
  | 'system_admin'
  | 'security_admin'
  | 'audit_admin'
  | `A:${Role}`
  | 'B:platform_admin';
type Expect = Partial<Record<ActorName, Cls>> & { others: Cls };
interface Cell {
  url: string;
  body?: unknown;
}
interface RouteCase {
  route: string;
  label?: string;
  expect: Expect;
  cell(actor: ActorName): Promise<Cell> | Cell;
}

export interface ResultsMatrixEnv {
  ctx(): Ctx;
  A(): string;
}

const open: Expect = { others: '2xx' };
const signedIn: Expect = { anonymous: '401', others: '2xx' };
/** Anyone may write to the portal, but a read-only token may not write at all. */
const publicWrite: Expect = { 'token:read': '403', others: '2xx' };
const managersOfA = {
  'token:write': '2xx',
  system_admin: '2xx',
  'A:platform_admin': '2xx',
  'A:tech_transfer_officer': '2xx',
} as const;
/** Staff of A who read the catalog but do not manage it. */
const readersOfA = {
  'A:supervisor': '403',
  'A:lab_director': '403',
  'A:researcher': '403',
  'A:program_officer': '403',
} as const;
const staffRead: Expect = {
  anonymous: '401',
  'token:read': '2xx',
  ...managersOfA,
  'A:supervisor': '2xx',
  'A:lab_director': '2xx',
  'A:researcher': '2xx',
  'A:program_officer': '2xx',
  others: '404',
};
const manage: Expect = {
  anonymous: '401',
  'token:read': '403',
  ...managersOfA,
  ...readersOfA,
  others: '404',
};
const draft: Expect = {
  anonymous: '401',
  ...managersOfA,
  'A:lab_director': '2xx',
  'A:researcher': '2xx',
  others: '403',
};
/** Inquiries: A's officers and admins; others with a role on A learn it exists, outsiders do not. */
const inquiryManage: Expect = {
  anonymous: '401',
  'token:read': '403',
  ...managersOfA,
  'B:platform_admin': '404',
  ...roleless('404'),
  others: '403',
};

const form = {
  kind: 'collaboration' as const,
  name: 'Matrix',
  organisation: 'Matrix Ltd',
  email: 'matrix@example.com',
  message: 'We would like to collaborate on this.',
  consentVersion: PRIVACY_NOTICE_VERSION as typeof PRIVACY_NOTICE_VERSION,
};

export function resultsCases(env: ResultsMatrixEnv): RouteCase[] {
  const published = async () => (await makeResult(env.ctx(), technologyBody(env.A()))).id;
  const drafted = async () => (await makeResult(env.ctx(), publicationBody(env.A()), false)).id;
  let shared: Promise<string> | undefined;
  const sharedPublished = () => {
    shared ??= published();
    return shared;
  };
  const inquiry = async () =>
    (await createInquiry(env.ctx(), await sharedPublished(), { ...form, locale: 'en-US' })).id;
  let sharedInquiry: Promise<string> | undefined;
  return [
    {
      route: 'GET /api/public/results',
      expect: open,
      cell: () => ({ url: '/api/public/results?q=voltage' }),
    },
    {
      route: 'GET /api/public/results/filters',
      expect: open,
      cell: () => ({ url: '/api/public/results/filters' }),
    },
    {
      route: 'GET /api/public/results/:id',
      expect: open,
      cell: async () => ({ url: `/api/public/results/${await sharedPublished()}` }),
    },
    {
      route: 'GET /api/public/results/:id',
      label: 'a draft',
      expect: { others: '404' },
      cell: async () => ({ url: `/api/public/results/${await drafted()}` }),
    },
    {
      route: 'POST /api/public/results/:id/inquiries',
      expect: publicWrite,
      cell: async () => ({ url: `/api/public/results/${await sharedPublished()}/inquiries`, body: form }),
    },
    { route: 'GET /api/results', expect: signedIn, cell: () => ({ url: '/api/results' }) },
    {
      route: 'GET /api/results/export.csv',
      expect: signedIn,
      cell: () => ({ url: '/api/results/export.csv' }),
    },
    {
      route: 'GET /api/results/export.xlsx',
      expect: signedIn,
      cell: () => ({ url: '/api/results/export.xlsx' }),
    },
    {
      route: 'POST /api/results',
      expect: draft,
      cell: () => ({ url: '/api/results', body: publicationBody(env.A()) }),
    },
    {
      route: 'GET /api/results/:id',
      expect: staffRead,
      cell: async () => ({ url: `/api/results/${await sharedPublished()}` }),
    },
    {
      route: 'PATCH /api/results/:id',
      expect: manage,
      cell: async () => ({ url: `/api/results/${await sharedPublished()}`, body: { trl: 7 } }),
    },
    {
      route: 'POST /api/results/:id/publish',
      expect: manage,
      cell: async () => ({ url: `/api/results/${await drafted()}/publish` }),
    },
    {
      route: 'POST /api/results/:id/withdraw',
      expect: manage,
      cell: async () => ({ url: `/api/results/${await published()}/withdraw` }),
    },
    {
      route: 'DELETE /api/results/:id',
      label: "someone else's draft",
      expect: manage,
      cell: async () => ({ url: `/api/results/${await drafted()}` }),
    },
    {
      route: 'GET /api/inquiries',
      expect: {
        anonymous: '401',
        'token:read': '2xx',
        ...managersOfA,
        'B:platform_admin': '2xx',
        others: '403',
      },
      cell: () => ({ url: '/api/inquiries' }),
    },
    {
      route: 'GET /api/inquiries/funnel',
      expect: { anonymous: '401', 'token:read': '2xx', ...managersOfA, others: '403' },
      cell: () => ({ url: `/api/inquiries/funnel?platformId=${env.A()}` }),
    },
    {
      route: 'GET /api/inquiries/:id',
      expect: { ...inquiryManage, 'token:read': '2xx' },
      cell: async () => {
        sharedInquiry ??= inquiry();
        return { url: `/api/inquiries/${await sharedInquiry}` };
      },
    },
    {
      route: 'POST /api/inquiries/:id/transitions',
      expect: inquiryManage,
      cell: async () => ({
        url: `/api/inquiries/${await inquiry()}/transitions`,
        body: { to: 'in_discussion' },
      }),
    },
  ];
}
