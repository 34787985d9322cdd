import { performance } from 'node:perf_hooks';
import type { Ctx } from '../server/http/context.js';
import { deliverReport } from '../server/modules/services/services.delivery.js';
import { buildPublishedService } from '../server/modules/services/services.fixtures.js';
import { createRequest, transitionRequest } from '../server/modules/services/services.requests.js';
import { loadActor } from '../server/modules/users/users.accounts.js';
import { createUser } from '../server/modules/users/users.service.js';
import { profile, schemeInput } from '../server/modules/vouchers/vouchers.fixtures.js';
import { useVoucher as payWithVoucher, redeem } from '../server/modules/vouchers/vouchers.redemptions.js';
import {
  applyForVoucher,
  createScheme,
  decideVoucher,
  getVoucher,
  setSchemeState,
} from '../server/modules/vouchers/vouchers.service.js';
import { buildPlatform } from '../server/test/factories.js';
import { buildOrganisation, buildPerson, buildUnit } from '../server/test/platform-factories.js';
import { findPostgresBin } from '../server/test/postgres-server.js';
import { withBenchDatabase } from './lib/bench-database.js';
import { fmtInt } from './lib/load.js';
import type { Benchmark, BenchReport } from './lib/types.js';

/** Redemptions fired at once in each burst. */
const N = 60;
/** Each request's quote and the voucher's part of it (济南 enterprise, 济南 provider: 40 % + 30 % = 70 %). */
const PRICE = 10_000;
const PART = 7_000;
/** The contended voucher holds ten parts: exactly ten of the N redemptions may succeed. */
const WINNERS = 10;
const PROOF = { contractRef: 'HT', paymentRef: 'PAY', paidByEnterpriseMinor: PRICE - PART };

/** A platform, a provider unit with a published service, an SME account, an open Shandong-like scheme. */
async function setup(ctx: Ctx) {
  const platformId = (await buildPlatform(ctx)).id;
  const unit = await buildUnit(ctx, { platformId });
  const service = await buildPublishedService(ctx, platformId, unit.id, { priceMinor: PRICE });
  const user = await createUser(ctx, {
    username: 'bench-sme',
    displayName: 'SME',
    password: 'Bench-password-2026',
    isSystemAdmin: false,
    roles: [{ platformId, role: 'enterprise_user' }],
  });
  const org = await buildOrganisation(ctx, { nameZh: '基准企业' });
  await buildPerson(ctx, { userId: user.id, organisationId: org.id });
  const sme: Ctx = { ...ctx, actor: await loadActor(ctx.db, user.id, 'session', ['read', 'write']) };
  const scheme = await createScheme(ctx, platformId, {
    ...schemeInput(unit.id),
    rules: {
      ...schemeInput(unit.id).rules,
      caps: { perEnterprisePerYearMinor: 1e12, perControllerPerYearMinor: 1e12 },
    },
  });
  await setSchemeState(ctx, scheme.id, 'open');
  const voucher = async (amountMinor: number) => {
    const v = await applyForVoucher(sme, scheme.id, {
      amountMinor,
      profile: profile({ region: '济南', controllerId: '91370100MA3C000000' }),
    });
    await decideVoucher(ctx, v.id, 'issue');
    return v.id;
  };
  /** A delivered request paid partly by the voucher: its planned redemption, ready to redeem. */
  const planned = async (voucherId: string, k: number) => {
    const r = await createRequest(sme, service.id, {
      description: `bench ${k}`,
      quantity: 1,
      wantedBy: null,
    });
    await transitionRequest(ctx, r.id, { action: 'quote', priceMinor: PRICE, dueOn: '2099-01-01' });
    await transitionRequest(sme, r.id, { action: 'accept' });
    const x = await payWithVoucher(sme, r.id, voucherId);
    await transitionRequest(ctx, r.id, { action: 'contract' });
    await transitionRequest(ctx, r.id, { action: 'start' });
    await deliverReport(ctx, r.id, { fileName: 'r.pdf', bytes: Buffer.from(`%PDF-1.4\n${k}\n%%EOF\n`) });
    return x.id;
  };
  return { voucher, planned };
}

/** Fires every redemption at once; the answers (ok or the error's code) and the wall time. */
async function burst(ctx: Ctx, ids: string[]) {
  const t0 = performance.now();
  const answers = await Promise.all(
    ids.map((id) =>
      redeem(ctx, id, PROOF).then(
        () => 'ok',
        (e: { code?: string }) => e.code ?? String(e),
      ),
    ),
  );
  return { answers, seconds: (performance.now() - t0) / 1000 };
}

async function runOn(kind: 'sqlite' | 'postgres', progress: (l: string) => void) {
  return withBenchDatabase(kind, async ({ ctx }) => {
    progress(`${kind}: ${N} planned redemptions on one voucher and ${N} on a voucher each`);
    const t0 = performance.now();
    const { voucher, planned } = await setup(ctx);
    const shared = await voucher(WINNERS * PART);
    const contended: string[] = [];
    for (let k = 0; k < N; k++) contended.push(await planned(shared, k));
    const own: string[] = [];
    const ownVouchers: string[] = [];
    for (let k = 0; k < N; k++) {
      const v = await voucher(PART);
      ownVouchers.push(v);
      own.push(await planned(v, N + k));
    }
    const seedSeconds = (performance.now() - t0) / 1000;
    progress(`${kind}: baseline burst (no contention), then the contended burst`);
    const base = await burst(ctx, own);
    const rush = await burst(ctx, contended);

    const problems: string[] = [];
    const won = rush.answers.filter((a) => a === 'ok').length;
    const others = rush.answers.filter((a) => a !== 'ok' && a !== 'vouchers.insufficient_balance');
    if (won !== WINNERS)
      problems.push(`${kind}: ${won} redemptions succeeded on one voucher, ${WINNERS} expected`);
    if (others.length) problems.push(`${kind}: unexpected answers ${[...new Set(others)].join(', ')}`);
    if (base.answers.some((a) => a !== 'ok')) problems.push(`${kind}: a baseline redemption failed`);
    // The balance is the sum of the ledger, never negative; replayed from the ledger the service keeps.
    const v = await getVoucher(ctx, shared);
    const replayed = (v.ledger ?? []).reduce((n, e) => n + e.amountMinor, 0);
    if (v.balanceMinor !== 0 || replayed !== 0 || (v.ledger ?? []).some((e) => e.balanceAfterMinor < 0))
      problems.push(
        `${kind}: balance ${v.balanceMinor}, ledger sum ${replayed} (0 expected, never negative)`,
      );
    for (const id of ownVouchers.slice(0, 5))
      if ((await getVoucher(ctx, id)).balanceMinor !== 0)
        problems.push(`${kind}: a baseline voucher kept its balance`);

    const row = (label: string, b: { answers: string[]; seconds: number }, ok: number) => [
      `${kind} ${label}`,
      fmtInt(b.answers.length),
      fmtInt(ok),
      (b.seconds * 1000).toFixed(0),
      fmtInt(b.answers.length / b.seconds),
      fmtInt(ok / b.seconds),
    ];
    return {
      setup: `${kind}: seeded in ${seedSeconds.toFixed(0)} s (${2 * N} delivered requests, ${N + 1} vouchers)`,
      rows: [row('baseline: a voucher each', base, N), row('one voucher, 10 parts', rush, won)],
      summary: `${kind}: ${won} of ${N} concurrent redemptions on one voucher succeeded, the rest refused (insufficient balance), balance 0 = ledger sum; ${fmtInt(rush.answers.length / rush.seconds)} attempts/s against ${fmtInt(base.answers.length / base.seconds)}/s without contention`,
      problems,
    };
  });
}

/**
 * Issue 14: concurrent redemptions against one voucher — no double spend (exactly as many succeed as the
 * balance holds, the balance is the ledger's sum and never negative) and redemptions per second —
 * against the same number of redemptions on a voucher each (no contention) in the same run, on SQLite and
 * (when installed) PostgreSQL. Redemptions are called on the service, as the route does.
 */
const voucherRedemptions: Benchmark = {
  name: 'voucher-redemptions',
  description: `${N} concurrent voucher redemptions on one voucher (room for ${WINNERS}) vs ${N} on a voucher each`,
  async run(opts): Promise<BenchReport> {
    const results = [await runOn('sqlite', opts.progress)];
    if (findPostgresBin()) results.push(await runOn('postgres', opts.progress));
    return {
      setup: [
        ...results.map((r) => r.setup),
        ...(findPostgresBin() ? [] : ['postgres: not installed here (PG_BIN or initdb on PATH); skipped']),
        'PostgreSQL: throwaway cluster, pool of 10; SQLite: one connection (writes queue in the process)',
      ],
      table: {
        header: ['burst', 'redemptions', 'succeeded', 'wall ms', 'attempts/s', 'succeeded/s'],
        rows: results.flatMap((r) => r.rows),
        numeric: [1, 2, 3, 4, 5],
      },
      summary: results.map((r) => r.summary),
      problems: results.flatMap((r) => r.problems),
      checked: `exactly ${WINNERS} of ${N} succeed on one voucher, the others answer vouchers.insufficient_balance; the balance is 0 and equals the ledger's sum, never negative`,
    };
  },
};
export default voucherRedemptions;
