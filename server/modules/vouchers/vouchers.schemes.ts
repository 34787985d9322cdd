import type { Kysely } from 'kysely';
import { SCHEME_MOVES, type SchemeState } from '../../../common/vouchers.js';
import type { DB } from '../../db/schema.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../http/errors.js';
import { platformOrNotFound } from '../platforms/platforms.service.js';
import { governsVouchers } from './vouchers.policy.js';
import { findScheme, insertScheme, replaceScheme, type Scheme, schemesOf } from './vouchers.repository.js';
import type { SchemeInput, SchemeView } from './vouchers.schema.js';

// A voucher scheme's life (draft → open → closed) and its list; vouchers are applied for and issued under
// an open scheme in vouchers.service.ts, which exports these too.

/** A scheme as answered: the row without its creation time. */
export const schemeView = ({ createdAt: _c, ...s }: Scheme): SchemeView => s;

export async function createScheme(ctx: Ctx, platformId: string, input: SchemeInput): Promise<SchemeView> {
  await platformOrNotFound(ctx.db, platformId);
  if (!governsVouchers(ctx.actor, platformId)) throw forbidden();
  if (input.validTo <= input.validFrom) throw invalidField('/validTo', 'vouchers.scheme_dates');
  return schemeView(
    await write(ctx, async (trx, audit) => {
      const now = isoNow(ctx.clock);
      const s: Scheme = {
        ...input,
        id: newId(),
        platformId,
        state: 'draft',
        lotterySeed: null,
        lotteryDraw: null,
        createdAt: now,
        updatedAt: now,
      };
      await insertScheme(trx, s);
      await audit({
        action: 'voucher_scheme.created',
        entityType: 'voucher_scheme',
        entityId: s.id,
        platformId,
        after: input,
      });
      return s;
    }),
  );
}

/** The scheme for its supervisor; a scheme of a platform the caller does not govern is 404 or 403. */
export async function governed(db: Kysely<DB>, ctx: Ctx, id: string) {
  const s = await findScheme(db, ctx.seam, id);
  if (!s) throw notFound('vouchers.scheme_not_found');
  if (!governsVouchers(ctx.actor, s.platformId)) {
    if (!ctx.actor?.roles.some((r) => r.platformId === s.platformId))
      throw notFound('vouchers.scheme_not_found');
    throw forbidden();
  }
  return s;
}

/** The rules may change while the scheme is a draft; once open they are what applicants relied on. */
export async function updateScheme(ctx: Ctx, id: string, input: SchemeInput): Promise<SchemeView> {
  if (input.validTo <= input.validFrom) throw invalidField('/validTo', 'vouchers.scheme_dates');
  return schemeView(
    await write(ctx, async (trx, audit) => {
      const before = await governed(trx, ctx, id);
      if (before.state !== 'draft')
        throw new AppError(409, 'vouchers.scheme_state', { currentState: before.state });
      const after: Scheme = { ...before, ...input, updatedAt: isoNow(ctx.clock) };
      await replaceScheme(trx, after);
      await audit({
        action: 'voucher_scheme.updated',
        entityType: 'voucher_scheme',
        entityId: id,
        platformId: before.platformId,
        before,
        after,
      });
      return after;
    }),
  );
}

export async function setSchemeState(ctx: Ctx, id: string, to: SchemeState): Promise<SchemeView> {
  return schemeView(
    await write(ctx, async (trx, audit) => {
      const before = await governed(trx, ctx, id);
      if (!SCHEME_MOVES[before.state].includes(to))
        throw new AppError(409, 'vouchers.scheme_state', { currentState: before.state });
      const after: Scheme = { ...before, state: to, updatedAt: isoNow(ctx.clock) };
      await replaceScheme(trx, after);
      await audit({
        action: `voucher_scheme.${to}`,
        entityType: 'voucher_scheme',
        entityId: id,
        platformId: before.platformId,
        before: { state: before.state },
        after: { state: to },
      });
      return after;
    }),
  );
}

/**
 * Open and closed schemes for anyone, signed in or not: a scheme is a published policy (its rules,
 * validity and lottery draw), like the government notice it implements. Drafts for its supervisor only.
 */
export async function listSchemes(ctx: Ctx, platformId: string) {
  await platformOrNotFound(ctx.db, platformId);
  const states: SchemeState[] = governsVouchers(ctx.actor, platformId)
    ? ['draft', 'open', 'closed']
    : ['open', 'closed'];
  return { items: (await schemesOf(ctx.db, platformId, states)).map(schemeView) };
}
