import { PRIVACY_NOTICE_VERSION } from '../../../common/privacy.js';
import { newId } from '../../http/context.js';
import { randomToken, tokenHash } from '../../modules/auth/secrets.js';
import { validCreditCode } from '../../modules/orgs/orgs.fixtures.js';
import {
  insertRegistration,
  type Registration,
} from '../../modules/registrations/registrations.repository.js';
import { solvedChallengeOf } from '../challenge.js';
import type { MatrixEnv, RouteCase } from './matrix.js';
import { roleless } from './matrix.js';

/**
 * Self-registration (issue 12, docs/adr/0045). The public routes are anyone's (a read-only token writes
 * nothing, as everywhere); the queue and its decisions are the registry keepers' of the platform
 * registered on — A's platform admins and program officers — and system admins (the tokens are a
 * system admin's). B's admin is answered as if the registration did not exist; the list shows it none.
 */
let n = 0;

async function registration(
  env: Pick<MatrixEnv, 'ctx' | 'A'>,
  state: 'unverified' | 'pending',
  token?: string,
) {
  const ctx = env.ctx();
  const now = ctx.clock.now();
  const at = now.toISOString();
  const r: Registration = {
    id: newId(),
    platformId: env.A(),
    state,
    displayName: `注册人${++n}`,
    email: `matrix-reg-${n}-${now.getTime()}@example.org`,
    phone: null,
    locale: 'zh-CN',
    passwordHash: 'scrypt$not-used',
    organisationId: null,
    proposedName: `矩阵测试公司${n}`,
    proposedCreditCode: validCreditCode(500_000 + n, '91370100'),
    proposedType: 'enterprise',
    proposedSize: 'sme',
    consentVersion: PRIVACY_NOTICE_VERSION,
    consentedAt: at,
    tokenHash: token ? tokenHash(token) : null,
    tokenExpiresAt: token ? new Date(now.getTime() + 3_600_000).toISOString() : null,
    verifiedAt: state === 'pending' ? at : null,
    decidedAt: null,
    decidedBy: null,
    refusalReason: null,
    userId: null,
    personId: null,
    ip: null,
    createdAt: at,
    updatedAt: at,
  };
  await insertRegistration(ctx.db, r);
  return r.id;
}

const KEEPERS = {
  anonymous: '401',
  'token:read': '403',
  'token:write': '2xx',
  system_admin: '2xx',
  'A:platform_admin': '2xx',
  'A:program_officer': '2xx',
  'B:platform_admin': '404',
  ...roleless('403'),
  others: '403',
} as const;

export const registrationsCases = (env: Pick<MatrixEnv, 'ctx' | 'A'>): RouteCase[] => [
  {
    route: 'POST /api/public/registrations',
    expect: { 'token:read': '403', others: '2xx' },
    cell: async () => ({
      url: '/api/public/registrations',
      body: {
        platformId: env.A(),
        name: '矩阵',
        email: `matrix-new-${++n}@example.org`,
        password: 'Harbour-lantern-9341',
        newOrganisation: {
          nameZh: `矩阵新单位${n}`,
          creditCode: validCreditCode(600_000 + n, '91370100'),
          type: 'university',
        },
        consentVersion: PRIVACY_NOTICE_VERSION,
        challenge: await solvedChallengeOf(env.ctx()),
      },
    }),
  },
  {
    route: 'POST /api/public/registrations/resend',
    expect: { 'token:read': '403', others: '2xx' },
    cell: () => ({ url: '/api/public/registrations/resend', body: { email: 'someone@example.org' } }),
  },
  {
    route: 'POST /api/public/registrations/verify',
    expect: { 'token:read': '403', others: '2xx' },
    cell: async () => {
      const token = randomToken();
      await registration(env, 'unverified', token);
      return { url: '/api/public/registrations/verify', body: { token } };
    },
  },
  {
    route: 'GET /api/public/registrations/organisations',
    expect: { others: '2xx' },
    cell: () => ({ url: '/api/public/registrations/organisations?q=%E5%85%AC%E5%8F%B8' }),
  },
  {
    route: 'GET /api/registrations',
    expect: { ...KEEPERS, 'token:read': '2xx', 'B:platform_admin': '2xx' },
    cell: () => ({ url: '/api/registrations' }),
  },
  {
    route: 'POST /api/registrations/:id/approve',
    expect: KEEPERS,
    cell: async () => ({ url: `/api/registrations/${await registration(env, 'pending')}/approve`, body: {} }),
  },
  {
    route: 'POST /api/registrations/:id/refuse',
    expect: KEEPERS,
    cell: async () => ({
      url: `/api/registrations/${await registration(env, 'pending')}/refuse`,
      body: { reason: '无法核实' },
    }),
  },
];
