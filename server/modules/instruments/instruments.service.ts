import type { Kysely } from 'kysely';
import { INSTRUMENT_MOVES, type InstrumentState } from '../../../common/instruments.js';
import { moveCatalogEntry } from '../../catalog/lifecycle.js';
import type { DB } from '../../db/schema.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { resolveFieldRefs } from '../fields/fields.service.js';
import { platformOrNotFound } from '../platforms/platforms.service.js';
import { queryTerms } from '../results/results.terms.js';
import { unitOn } from '../services/services.service.js';
import { unitAuthority } from '../units/units.service.js';
import { actsForUnit, onPlatform } from './instruments.policy.js';
import {
  findInstrument,
  type Instrument,
  insertInstrument,
  instrumentPage,
  replaceInstrument,
} from './instruments.repository.js';
import type { InstrumentInput, InstrumentQuery, InstrumentView } from './instruments.schema.js';

/** Views of instruments with their units' names. */
export async function instrumentViews(db: Kysely<DB>, rows: Instrument[]): Promise<InstrumentView[]> {
  const units = new Map<string, { id: string; nameZh: string; nameEn: string }>();
  for (const id of new Set(rows.map((r) => r.unitId))) {
    const u = await unitAuthority(db, id);
    units.set(id, { id, nameZh: u?.nameZh ?? '', nameEn: u?.nameEn ?? '' });
  }
  return rows.map(({ unitId, createdAt: _c, ...i }) => ({ ...i, unit: units.get(unitId)! }));
}

/** A unit's director (or the platform's admins) registers an instrument, as a draft. */
export async function createInstrument(
  ctx: Ctx,
  platformId: string,
  input: InstrumentInput,
): Promise<InstrumentView> {
  await platformOrNotFound(ctx.db, platformId);
  const unit = await unitOn(ctx.db, platformId, input.unitId);
  if (!actsForUnit(ctx.actor, unit)) throw forbidden();
  const created = await write(ctx, async (trx, audit) => {
    const fieldIds = await resolveFieldRefs(trx, { fieldIds: input.fieldIds });
    const now = isoNow(ctx.clock);
    const i: Instrument = {
      ...input,
      fieldIds,
      id: newId(),
      platformId,
      state: 'draft',
      createdAt: now,
      updatedAt: now,
    };
    await insertInstrument(trx, i);
    await audit({
      action: 'instrument.created',
      entityType: 'instrument',
      entityId: i.id,
      platformId,
      after: { ...input, fieldIds },
    });
    return i;
  });
  return (await instrumentViews(ctx.db, [created]))[0]!;
}

/** The instrument for its keepers; an instrument the caller may not see is "not found". */
export async function keptInstrument(db: Kysely<DB>, ctx: Ctx, id: string, lock: boolean) {
  const i = await findInstrument(db, lock ? ctx.seam : null, id);
  if (!i || (!onPlatform(ctx.actor, i.platformId) && i.state !== 'published'))
    throw notFound('instruments.not_found');
  const unit = await unitOn(db, i.platformId, i.unitId);
  if (!actsForUnit(ctx.actor, unit)) {
    if (!onPlatform(ctx.actor, i.platformId)) throw notFound('instruments.not_found');
    throw forbidden();
  }
  return { instrument: i, unit };
}

/** Edits an instrument (not once retired). Hours already booked stay booked. */
export async function updateInstrument(
  ctx: Ctx,
  id: string,
  input: InstrumentInput,
): Promise<InstrumentView> {
  const saved = await write(ctx, async (trx, audit) => {
    const { instrument: before } = await keptInstrument(trx, ctx, id, true);
    if (before.state === 'retired')
      throw new AppError(409, 'instruments.illegal_state', { currentState: before.state });
    if (input.unitId !== before.unitId) {
      const unit = await unitOn(trx, before.platformId, input.unitId);
      if (!actsForUnit(ctx.actor, unit)) throw forbidden();
    }
    const fieldIds = await resolveFieldRefs(
      trx,
      { fieldIds: input.fieldIds },
      { keep: new Set(before.fieldIds) },
    );
    const after: Instrument = { ...before, ...input, fieldIds, updatedAt: isoNow(ctx.clock) };
    await replaceInstrument(trx, after);
    await audit({
      action: 'instrument.updated',
      entityType: 'instrument',
      entityId: id,
      platformId: before.platformId,
      before,
      after,
    });
    return after;
  });
  return (await instrumentViews(ctx.db, [saved]))[0]!;
}

/** draft → published → retired; any other move is 409 naming the current state. */
export async function setInstrumentState(ctx: Ctx, id: string, to: InstrumentState): Promise<InstrumentView> {
  const saved = await moveCatalogEntry(ctx, to, {
    kind: 'instrument',
    illegal: 'instruments.illegal_state',
    moves: INSTRUMENT_MOVES,
    keep: async (trx) => (await keptInstrument(trx, ctx, id, true)).instrument,
    save: replaceInstrument,
  });
  return (await instrumentViews(ctx.db, [saved]))[0]!;
}

/**
 * A platform's instruments. The public sees published ones; the platform's people may ask for drafts
 * and retired ones with `state`. `q` is split into words as the results and services searches do.
 */
export async function listInstruments(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  platformId: string,
  q: InstrumentQuery,
  publicOnly: boolean,
) {
  await platformOrNotFound(ctx.db, platformId);
  const staff = !publicOnly && onPlatform(ctx.actor, platformId);
  if (!staff && q.state && q.state !== 'published') return { items: [], total: 0 };
  const states: InstrumentState[] =
    staff && q.state ? [q.state] : staff ? ['draft', 'published', 'retired'] : ['published'];
  const page = await instrumentPage(
    ctx.db,
    { platformId, states, unitId: q.unitId, terms: queryTerms(q.q) },
    q,
  );
  return { items: await instrumentViews(ctx.db, page.rows), total: page.total };
}

/** One instrument: published ones for everyone, the others for the platform's people. */
export async function visibleInstrument(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  id: string,
  publicOnly: boolean,
): Promise<Instrument> {
  const i = await findInstrument(ctx.db, null, id);
  if (!i || (i.state !== 'published' && (publicOnly || !onPlatform(ctx.actor, i.platformId))))
    throw notFound('instruments.not_found');
  return i;
}

export async function getInstrument(ctx: Pick<Ctx, 'db' | 'actor'>, id: string, publicOnly: boolean) {
  return (await instrumentViews(ctx.db, [await visibleInstrument(ctx, id, publicOnly)]))[0]!;
}
