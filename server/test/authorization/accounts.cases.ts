import { newId } from '../../http/context.js';
import { insertPasswordReset } from '../../modules/auth/auth.recovery.repository.js';
import { randomToken, tokenHash } from '../../modules/auth/secrets.js';
import { buildUser } from '../factories.js';
import type { MatrixEnv, RouteCase } from './matrix.js';

/**
 * The public account routes (issue 10/12): anyone may ask for a challenge or a reset link; a reset works for
 * whoever holds a live link, signed in or not (each cell gets a link of an account of its own). A read-only
 * token writes nothing, as everywhere.
 */
export const accountsCases = (env: Pick<MatrixEnv, 'ctx'>): RouteCase[] => [
  {
    route: 'GET /api/auth/challenge',
    expect: { others: '2xx' },
    cell: () => ({ url: '/api/auth/challenge' }),
  },
  {
    route: 'POST /api/auth/password-reset-requests',
    expect: { 'token:read': '403', others: '2xx' },
    cell: () => ({ url: '/api/auth/password-reset-requests', body: { email: 'someone@example.org' } }),
  },
  {
    route: 'POST /api/auth/password-reset',
    expect: { 'token:read': '403', others: '2xx' },
    cell: async () => {
      const ctx = env.ctx();
      const u = await buildUser(ctx);
      const token = randomToken();
      const now = ctx.clock.now();
      await insertPasswordReset(ctx.db, {
        id: newId(),
        userId: u.id,
        tokenHash: tokenHash(token),
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + 30 * 60_000).toISOString(),
        ip: null,
      });
      return { url: '/api/auth/password-reset', body: { token, newPassword: 'Harbour-lantern-9341' } };
    },
  },
  {
    route: 'POST /api/auth/password-reset',
    label: 'a link nobody was sent',
    expect: { 'token:read': '403', others: '400' },
    cell: () => ({
      url: '/api/auth/password-reset',
      body: { token: randomToken(), newPassword: 'Harbour-lantern-9341' },
    }),
  },
];
