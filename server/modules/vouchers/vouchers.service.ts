import type { Kysely } from 'kysely';
import { ERROR_MESSAGES, type ErrorCode } from '../../../common/error-codes.js';
import { controllerKey, drawOrder, eligibilityProblems } from '../../../common/vouchers.js';
import type { DB } from '../../db/schema.js';
import { type Audit, write } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../http/errors.js';
import { organisationNames } from '../orgs/orgs.lookup.js';
import { organisationOfAccount } from '../people/people.service.js';
import { governsVouchers, mayApply, readsAllVouchers } from './vouchers.policy.js';
import {
  appendLedger,
  balanceOf,
  balancesOf,
  findScheme,
  findVoucher,
  insertVoucher,
  issuedSum,
  ledgerOf,
  replaceScheme,
  replaceVoucher,
  type Scheme,
  type Voucher,
  voucherList,
} from './vouchers.repository.js';
import type { ApplyInput, VoucherView } from './vouchers.schema.js';
import { governed, schemeView } from './vouchers.schemes.js';

export { createScheme, listSchemes, setSchemeState, updateScheme } from './vouchers.schemes.js';

/** 422 with the field pointer: the request is well formed but the rules refuse it; nothing written. */
export const refused = (code: ErrorCode, pointer: string, extra: object = {}) =>
  new AppError(422, code, {
    errors: [{ in: 'body', pointer, code, message: ERROR_MESSAGES[code] }],
    ...extra,
  });

const today = (ctx: Pick<Ctx, 'clock'>) => isoNow(ctx.clock).slice(0, 10);

// ── applications and issuing ─────────────────────────────────────────────────────────────────────

async function voucherViews(db: Kysely<DB>, rows: Voucher[], withLedger: boolean): Promise<VoucherView[]> {
  const balances = await balancesOf(
    db,
    rows.map((v) => v.id),
  );
  const schemes = new Map<string, Scheme>();
  const names = await organisationNames(
    db,
    rows.map((v) => v.organisationId),
  );
  const out: VoucherView[] = [];
  for (const v of rows) {
    if (!schemes.has(v.schemeId)) schemes.set(v.schemeId, (await findScheme(db, null, v.schemeId))!);
    const { controllerKey: _k, applicantId: _a, ...rest } = v;
    const view: VoucherView = {
      ...rest,
      balanceMinor: balances.get(v.id) ?? 0,
      currency: schemes.get(v.schemeId)!.currency,
      organisation: names.get(v.organisationId) ?? null,
    };
    if (withLedger)
      view.ledger = (await ledgerOf(db, v.id)).map(
        ({ seq, kind, amountMinor, balanceAfterMinor, redemptionId, at }) => ({
          seq,
          kind,
          amountMinor,
          balanceAfterMinor,
          redemptionId,
          at,
        }),
      );
    out.push(view);
  }
  return out;
}

/** The caps: the scheme's yearly amount per enterprise and per actual controller, issued ones counted. */
async function checkCaps(
  db: Kysely<DB>,
  s: Scheme,
  v: Pick<Voucher, 'organisationId' | 'controllerKey' | 'year' | 'amountMinor'>,
) {
  const byOrg = await issuedSum(db, { schemeId: s.id, year: v.year, organisationId: v.organisationId });
  if (byOrg + v.amountMinor > s.rules.caps.perEnterprisePerYearMinor)
    throw refused('vouchers.over_enterprise_cap', '/amountMinor', {
      remainingMinor: Math.max(0, s.rules.caps.perEnterprisePerYearMinor - byOrg),
    });
  const byController = await issuedSum(db, { schemeId: s.id, year: v.year, controllerKey: v.controllerKey });
  if (byController + v.amountMinor > s.rules.caps.perControllerPerYearMinor)
    throw refused('vouchers.over_controller_cap', '/amountMinor', {
      remainingMinor: Math.max(0, s.rules.caps.perControllerPerYearMinor - byController),
    });
}

/** An enterprise user applies for a voucher under an open scheme for its organisation. */
export async function applyForVoucher(ctx: Ctx, schemeId: string, input: ApplyInput): Promise<VoucherView> {
  const s = await findScheme(ctx.db, null, schemeId);
  if (!s || (s.state === 'draft' && !governsVouchers(ctx.actor, s.platformId)))
    throw notFound('vouchers.scheme_not_found');
  if (!mayApply(ctx.actor, s.platformId)) throw forbidden();
  if (s.state !== 'open' || today(ctx) < s.validFrom || today(ctx) > s.validTo)
    throw new AppError(409, 'vouchers.scheme_state', { currentState: s.state });
  const organisationId = await organisationOfAccount(ctx.db, ctx.actor!.userId);
  if (!organisationId) throw new AppError(422, 'vouchers.no_organisation');
  const problems = eligibilityProblems(s.rules, input.profile, today(ctx));
  if (problems.length > 0)
    throw new AppError(422, 'vouchers.not_eligible', {
      errors: problems.map((pointer) => ({
        in: 'body',
        pointer,
        code: 'vouchers.not_eligible',
        message: ERROR_MESSAGES['vouchers.not_eligible'],
      })),
    });
  const v: Voucher = {
    id: newId(),
    schemeId,
    organisationId,
    applicantId: ctx.actor!.userId,
    state: 'applied',
    amountMinor: input.amountMinor,
    profile: input.profile,
    controllerKey: controllerKey(input.profile),
    year: Number(today(ctx).slice(0, 4)),
    issuedAt: null,
    reason: null,
    createdAt: isoNow(ctx.clock),
  };
  await checkCaps(ctx.db, s, v);
  await write(ctx, async (trx, audit) => {
    await insertVoucher(trx, v);
    await audit({
      action: 'voucher.applied',
      entityType: 'voucher',
      entityId: v.id,
      platformId: s.platformId,
      after: { schemeId, amountMinor: v.amountMinor, profile: v.profile },
    });
  });
  return (await voucherViews(ctx.db, [v], true))[0]!;
}

/** Issues a voucher inside `trx`: the caps checked again, the amount credited as the first ledger entry. */
async function issue(trx: Kysely<DB>, ctx: Ctx, audit: Audit, s: Scheme, v: Voucher): Promise<Voucher> {
  await checkCaps(trx, s, v);
  const now = isoNow(ctx.clock);
  const after: Voucher = { ...v, state: 'issued', issuedAt: now };
  await replaceVoucher(trx, after);
  const { balanceMinor, nextSeq } = await balanceOf(trx, v.id);
  await appendLedger(trx, {
    id: newId(),
    voucherId: v.id,
    seq: nextSeq,
    kind: 'issue',
    amountMinor: v.amountMinor,
    balanceAfterMinor: balanceMinor + v.amountMinor,
    redemptionId: null,
    at: now,
    actorId: ctx.actor?.userId || null,
  });
  await audit({
    action: 'voucher.issued',
    entityType: 'voucher',
    entityId: v.id,
    platformId: s.platformId,
    after: { amountMinor: v.amountMinor },
  });
  return after;
}

/** The supervisor issues or refuses an application (schemes without a lottery). */
export async function decideVoucher(ctx: Ctx, id: string, action: 'issue' | 'refuse', reason?: string) {
  const v = await write(ctx, async (trx, audit) => {
    // Those who may not see the voucher are told it does not exist (404), as for reading it; 403 is only
    // for those who see it but do not issue (the enterprise, the platform's admins).
    const { v: before, s } = await visibleVoucher(trx, ctx, id, true);
    if (!governsVouchers(ctx.actor, s.platformId)) throw forbidden();
    if (before.state !== 'applied')
      throw new AppError(409, 'vouchers.voucher_state', { currentState: before.state });
    if (action === 'issue') return issue(trx, ctx, audit, s, before);
    if (!reason) throw invalidField('/reason', 'services.reason_required');
    const after: Voucher = { ...before, state: 'refused', reason };
    await replaceVoucher(trx, after);
    await audit({
      action: 'voucher.refused',
      entityType: 'voucher',
      entityId: id,
      platformId: s.platformId,
      reason,
    });
    return after;
  });
  return (await voucherViews(ctx.db, [v], true))[0]!;
}

/**
 * The lottery among a scheme's applications: the order is `drawOrder(seed, ids)`, the first `winners`
 * applications within the caps are issued, the rest are not drawn. Seed and order are kept on the scheme
 * and in the audit entry, so the draw can be re-run and checked.
 */
export async function drawLottery(ctx: Ctx, schemeId: string, seed: string, winners: number) {
  const s = await write(ctx, async (trx, audit) => {
    const scheme = await governed(trx, ctx, schemeId);
    if (!scheme.lottery || scheme.lotteryDraw)
      throw new AppError(409, 'vouchers.scheme_state', { currentState: scheme.state });
    const applied = await voucherList(trx, { platformId: scheme.platformId, schemeId, states: ['applied'] });
    const order = drawOrder(
      seed,
      applied.map((v) => v.id),
    );
    const byId = new Map(applied.map((v) => [v.id, v]));
    let issued = 0;
    for (const id of order) {
      const v = byId.get(id)!;
      if (issued < winners) {
        try {
          await checkCaps(trx, scheme, v);
          await issue(trx, ctx, audit, scheme, v);
          issued += 1;
          continue;
        } catch (err) {
          if (!(err instanceof AppError) || err.status !== 422) throw err;
        }
      }
      await replaceVoucher(trx, { ...v, state: 'not_drawn' });
    }
    const after: Scheme = { ...scheme, lotterySeed: seed, lotteryDraw: order, updatedAt: isoNow(ctx.clock) };
    await replaceScheme(trx, after);
    await audit({
      action: 'voucher_scheme.lottery_drawn',
      entityType: 'voucher_scheme',
      entityId: schemeId,
      platformId: scheme.platformId,
      after: { seed, order, winners },
    });
    return after;
  });
  return schemeView(s);
}

/** The caller's organisation's vouchers, or (supervisor, platform admins) all of the platform's. */
export async function listVouchers(
  ctx: Ctx,
  q: { platformId: string; view: 'mine' | 'all'; schemeId?: string },
) {
  if (q.view === 'all') {
    if (!readsAllVouchers(ctx.actor, q.platformId)) throw forbidden();
    return { items: await voucherViews(ctx.db, await voucherList(ctx.db, q), false) };
  }
  const organisationId = await organisationOfAccount(ctx.db, ctx.actor!.userId);
  if (!organisationId) return { items: [] };
  return { items: await voucherViews(ctx.db, await voucherList(ctx.db, { ...q, organisationId }), false) };
}

/** A voucher the caller may see: its organisation's, or any for the platform's overseers. */
export async function visibleVoucher(db: Kysely<DB>, ctx: Ctx, id: string, lock = false) {
  const v = await findVoucher(db, lock ? ctx.seam : null, id);
  if (!v) throw notFound('vouchers.not_found');
  const s = (await findScheme(db, null, v.schemeId))!;
  const own = !!ctx.actor && v.organisationId === (await organisationOfAccount(db, ctx.actor.userId));
  if (!own && !readsAllVouchers(ctx.actor, s.platformId)) throw notFound('vouchers.not_found');
  return { v, s, own };
}

export async function getVoucher(ctx: Ctx, id: string) {
  const { v } = await visibleVoucher(ctx.db, ctx, id);
  return (await voucherViews(ctx.db, [v], true))[0]!;
}
