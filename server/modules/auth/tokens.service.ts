import type { Kysely } from 'kysely';
import type { TokenScope } from '../../../common/roles.js';
import type { DB } from '../../db/schema.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, notFound } from '../../http/errors.js';
import {
  type ApiToken,
  findTokenOf,
  insertToken,
  revokeTokensOf,
  setTokenRevoked,
  tokenRow,
  tokensOf,
} from './auth.repository.js';
import { API_TOKEN_PREFIX, randomToken, tokenHash } from './secrets.js';

const view = (t: ApiToken) => ({
  id: t.id,
  name: t.name,
  prefix: t.tokenPrefix,
  scopes: t.scopes,
  createdAt: t.createdAt,
  expiresAt: t.expiresAt,
  lastUsedAt: t.lastUsedAt,
  revokedAt: t.revokedAt,
});

/**
 * Minting credentials and changing the password need a person at a browser (or the CLI on the server):
 * a leaked token must not be able to make itself permanent.
 */
export function requireInteractive(ctx: Ctx): void {
  if (ctx.actor?.via === 'token') throw new AppError(403, 'auth.session_required');
}

/** Creates a personal API token; the secret is shown once and only its hash is kept. */
export async function createToken(
  ctx: Ctx,
  input: { name: string; scopes: TokenScope[]; expiresInDays?: number },
) {
  requireInteractive(ctx);
  const token = `${API_TOKEN_PREFIX}${randomToken()}`;
  const now = ctx.clock.now();
  const t: ApiToken = {
    id: newId(),
    userId: ctx.actor!.userId,
    name: input.name,
    tokenHash: tokenHash(token),
    tokenPrefix: token.slice(0, 8),
    scopes: [...new Set(input.scopes)].sort(),
    createdAt: now.toISOString(),
    expiresAt: input.expiresInDays
      ? new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString()
      : null,
    lastUsedAt: null,
    revokedAt: null,
  };
  await write(ctx, async (trx, audit) => {
    await insertToken(trx, t);
    // The audit entry keeps the row as stored (snake_case, scopes as JSON text), without the hash.
    const { token_hash: _hash, ...after } = tokenRow(t);
    await audit({ action: 'token.created', entityType: 'api_token', entityId: t.id, after });
  });
  return { ...view(t), token };
}

/** The caller's own tokens, newest first. */
export async function listOwnTokens(ctx: Ctx) {
  return (await tokensOf(ctx.db, ctx.actor!.userId)).map(view);
}

/** Revokes one of the caller's tokens; someone else's token is reported as missing. */
export async function revokeOwnToken(ctx: Ctx, id: string) {
  return write(ctx, async (trx, audit) => {
    const t = await findTokenOf(trx, ctx.actor!.userId, id);
    if (!t) throw notFound('tokens.not_found');
    if (t.revokedAt) return view(t);
    const revokedAt = isoNow(ctx.clock);
    await setTokenRevoked(trx, id, revokedAt);
    await audit({
      action: 'token.revoked',
      entityType: 'api_token',
      entityId: id,
      before: { revokedAt: null },
      after: { revokedAt },
    });
    return view({ ...t, revokedAt });
  });
}

/**
 * Revokes every live token of a user inside the caller's transaction (a password change or reset: a
 * token minted by whoever knew the old password must not outlive it). Returns how many were revoked.
 */
export const revokeAllTokensOf = (trx: Kysely<DB>, userId: string, at: string): Promise<number> =>
  revokeTokensOf(trx, userId, at);
