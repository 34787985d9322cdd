import type { Kysely, Selectable } from 'kysely';
import type { TokenScope } from '../../../common/roles.js';
import { appendAudit } from '../../db/audit-chain.js';
import type { ApiTokensTable, DB } from '../../db/schema.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, notFound } from '../../http/errors.js';
import { API_TOKEN_PREFIX, randomToken, tokenHash } from './secrets.js';

const view = (t: Selectable<ApiTokensTable>) => ({
  id: t.id,
  name: t.name,
  prefix: t.token_prefix,
  scopes: JSON.parse(t.scopes) as TokenScope[],
  createdAt: t.created_at,
  expiresAt: t.expires_at,
  lastUsedAt: t.last_used_at,
  revokedAt: t.revoked_at,
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
  const row = {
    id: newId(),
    user_id: ctx.actor!.userId,
    name: input.name,
    token_hash: tokenHash(token),
    token_prefix: token.slice(0, 8),
    scopes: JSON.stringify([...new Set(input.scopes)].sort()),
    created_at: now.toISOString(),
    expires_at: input.expiresInDays
      ? new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString()
      : null,
    last_used_at: null,
    revoked_at: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('api_tokens').values(row).execute();
    const { token_hash: _h, ...safe } = row;
    await appendAudit(trx, ctx.seam, ctx, {
      action: 'token.created',
      entityType: 'api_token',
      entityId: row.id,
      after: safe,
    });
  });
  return { ...view(row), token };
}

/** The caller's own tokens, newest first. */
export async function listOwnTokens(ctx: Ctx) {
  const rows = await ctx.db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', ctx.actor!.userId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(view);
}

/** Revokes one of the caller's tokens; someone else's token is reported as missing. */
export async function revokeOwnToken(ctx: Ctx, id: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', id)
      .where('user_id', '=', ctx.actor!.userId)
      .executeTakeFirst();
    if (!row) throw notFound('tokens.not_found');
    if (row.revoked_at) return view(row);
    const revokedAt = isoNow(ctx.clock);
    await trx.updateTable('api_tokens').set({ revoked_at: revokedAt }).where('id', '=', id).execute();
    await appendAudit(trx, ctx.seam, ctx, {
      action: 'token.revoked',
      entityType: 'api_token',
      entityId: id,
      before: { revokedAt: null },
      after: { revokedAt },
    });
    return view({ ...row, revoked_at: revokedAt });
  });
}

/**
 * Revokes every live token of a user inside the caller's transaction (a password change or reset: a
 * token minted by whoever knew the old password must not outlive it). Returns how many were revoked.
 */
export async function revokeAllTokensOf(trx: Kysely<DB>, userId: string, at: string): Promise<number> {
  const res = await trx
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}
