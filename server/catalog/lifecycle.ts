import type { Kysely } from 'kysely';
import type { ErrorCode } from '../../common/error-codes.js';
import type { DB } from '../db/schema.js';
import { write } from '../db/write.js';
import { type Ctx, isoNow } from '../http/context.js';
import { AppError } from '../http/errors.js';

/**
 * The lifecycle the platform's catalogs share (services, instruments): draft → published → retired,
 * moved by the entry's keepers. One helper so that the two catalogs keep the same rules, error and
 * audit trail; each catalog keeps its own table of allowed moves (common/), keeper check and storage.
 */
export interface CatalogEntry<S extends string> {
  id: string;
  platformId: string;
  state: S;
  updatedAt: string;
}

export interface CatalogMove<S extends string, T extends CatalogEntry<S>> {
  /** The record kind, as audit actions and messages name it: 'service', 'instrument'. */
  kind: string;
  /** The module's 409 code for a move its table does not allow (`<ns>.illegal_state`). */
  illegal: ErrorCode;
  moves: Record<S, readonly S[]>;
  /** Loads and locks the entry for one of its keepers (404/403 otherwise). */
  keep: (trx: Kysely<DB>) => Promise<T>;
  save: (trx: Kysely<DB>, after: T) => Promise<void>;
}

/**
 * Moves a catalog entry to `to` in one audited transaction (`<kind>.<to>`, before and after states); a
 * move the catalog does not allow is 409 `m.illegal` naming the current state.
 */
export async function moveCatalogEntry<S extends string, T extends CatalogEntry<S>>(
  ctx: Ctx,
  to: S,
  m: CatalogMove<S, T>,
): Promise<T> {
  return write(ctx, async (trx, audit) => {
    const before = await m.keep(trx);
    if (!m.moves[before.state].includes(to))
      throw new AppError(409, m.illegal, {
        detail: `The ${m.kind} is ${before.state}; it cannot become ${to}`,
        currentState: before.state,
      });
    const after: T = { ...before, state: to, updatedAt: isoNow(ctx.clock) };
    await m.save(trx, after);
    await audit({
      action: `${m.kind}.${to}`,
      entityType: m.kind,
      entityId: before.id,
      platformId: before.platformId,
      before: { state: before.state },
      after: { state: to },
    });
    return after;
  });
}
