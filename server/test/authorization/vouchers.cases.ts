import type { Ctx } from '../../http/context.js';
import { pdfBytes } from '../../modules/applications/applications.fixtures.js';
import { deliverReport } from '../../modules/services/services.delivery.js';
import { buildPublishedService } from '../../modules/services/services.fixtures.js';
import { createRequest, transitionRequest } from '../../modules/services/services.requests.js';
import { loadActor } from '../../modules/users/users.accounts.js';
import { profile, schemeInput } from '../../modules/vouchers/vouchers.fixtures.js';
import {
  useVoucher as payWithVoucher,
  redeem,
  settleMonth,
} from '../../modules/vouchers/vouchers.redemptions.js';
import {
  applyForVoucher,
  createScheme,
  decideVoucher,
  setSchemeState,
} from '../../modules/vouchers/vouchers.service.js';
import { buildUser } from '../factories.js';
import { buildOrganisation, buildPerson, buildUnit } from '../platform-factories.js';
import { type Expect, type MatrixEnv, type RouteCase, roleless } from './matrix.js';

/**
 * Rows of innovation vouchers (issue 14, docs/vouchers.md). Schemes are set up, vouchers issued and months
 * settled by the platform's supervisor (and system admins); the supervisor and the platform's admins read
 * every voucher, redemption and settlement of the platform; enterprise users apply and see their own
 * organisation's vouchers only ("other" is another enterprise's: 404); a provider unit (the A:lab_director,
 * director of the unit) redeems only redemptions addressed to it. Tokens belong to a system admin.
 */
const governors: Expect = {
  anonymous: '401',
  'token:read': '403',
  'token:write': '2xx',
  system_admin: '2xx',
  'A:supervisor': '2xx',
  others: '403',
};
/** On a scheme: those without a role on its platform are told it does not exist. */
const schemeGovernors: Expect = { ...governors, 'B:platform_admin': '404', ...roleless('404') };
const overseers: Expect = {
  anonymous: '401',
  'token:read': '2xx',
  'token:write': '2xx',
  system_admin: '2xx',
  'A:supervisor': '2xx',
  'A:platform_admin': '2xx',
  others: '403',
};

export function vouchersCases(env: MatrixEnv): RouteCase[] {
  let n = 0;
  let units: { own: string; other: string } | undefined;
  const services: Partial<Record<'own' | 'other', string>> = {};
  let openScheme: string | undefined;
  let otherEnterprise: string | undefined;
  let settlement: string | undefined;

  const as = async (userId: string): Promise<Ctx> => {
    const ctx = env.ctx();
    return { ...ctx, actor: (await loadActor(ctx.db, userId, 'session', ['read', 'write']))! };
  };
  /** The unit directed by A's lab director (the provider) and a unit of A it does not direct. */
  const unitsOfA = async () => {
    if (units) return units;
    const ctx = env.ctx();
    const userId = env.userId('A:lab_director')!;
    const linked = await ctx.db
      .selectFrom('people')
      .select('id')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    const person = linked?.id ?? (await buildPerson(ctx, { userId })).id;
    units = {
      own: (await buildUnit(ctx, { platformId: env.A(), directorPersonId: person })).id,
      other: (await buildUnit(ctx, { platformId: env.A() })).id,
    };
    return units;
  };
  const service = async (unit: 'own' | 'other') => {
    services[unit] ??= (await buildPublishedService(env.ctx(), env.A(), (await unitsOfA())[unit])).id;
    return services[unit];
  };
  /** A scheme of A with both units as providers and caps no matrix row reaches. */
  const scheme = async (o: { open: boolean; lottery?: boolean }) => {
    const u = await unitsOfA();
    const input = schemeInput(u.own, {
      caps: { perEnterprisePerYearMinor: 1_000_000_000, perControllerPerYearMinor: 1_000_000_000 },
      providers: [
        { unitId: u.own, region: '济南' },
        { unitId: u.other, region: '济南' },
      ],
    });
    const s = await createScheme(env.ctx(), env.A(), { ...input, lottery: o.lottery ?? false });
    if (o.open) await setSchemeState(env.ctx(), s.id, 'open');
    return s.id;
  };
  const opened = async () => {
    openScheme ??= await scheme({ open: true });
    return openScheme;
  };
  /** The account linked to a person of an organisation (linking the person it already has, if any). */
  const withOrganisation = async (userId: string) => {
    const ctx = env.ctx();
    const linked = await ctx.db
      .selectFrom('people')
      .select(['id', 'organisation_id'])
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (linked?.organisation_id) return userId;
    const organisationId = (await buildOrganisation(ctx, { nameZh: `聊城某企业${n++}` })).id;
    if (linked)
      await ctx.db
        .updateTable('people')
        .set({ organisation_id: organisationId })
        .where('id', '=', linked.id)
        .execute();
    else await buildPerson(ctx, { userId, organisationId });
    return userId;
  };
  /** The matrix's enterprise user (own) or another enterprise's account (other), linked to its organisation. */
  const enterprise = async (own: boolean) => {
    if (own) return withOrganisation(env.userId('A:enterprise_user')!);
    otherEnterprise ??= await withOrganisation(
      (
        await buildUser(env.ctx(), {
          username: `vch-ent-${Date.now()}`,
          roles: ['enterprise_user'],
          platformId: env.A(),
        })
      ).id,
    );
    return otherEnterprise;
  };
  const application = async (own: boolean) =>
    (
      await applyForVoucher(await as(await enterprise(own)), await opened(), {
        amountMinor: 100_000,
        profile: profile(),
      })
    ).id;
  const issued = async (own: boolean) => (await decideVoucher(env.ctx(), await application(own), 'issue')).id;
  /** A request of the enterprise at the unit, quoted by the unit. */
  const quoted = async (own: boolean, unit: 'own' | 'other') => {
    const ent = await as(await enterprise(own));
    const id = (
      await createRequest(ent, await service(unit), { description: '检测', quantity: 1, wantedBy: null })
    ).id;
    await transitionRequest(env.ctx(), id, { action: 'quote', priceMinor: 100_000, dueOn: '2030-01-01' });
    return id;
  };
  /** A redemption of the matrix enterprise's voucher at the unit, its request delivered with the report. */
  const deliveredRedemption = async (unit: 'own' | 'other') => {
    const requestId = await quoted(true, unit);
    const ent = await as(await enterprise(true));
    const x = await payWithVoucher(ent, requestId, await issued(true));
    await transitionRequest(ent, requestId, { action: 'accept' });
    await transitionRequest(env.ctx(), requestId, { action: 'contract' });
    await transitionRequest(env.ctx(), requestId, { action: 'start' });
    await deliverReport(env.ctx(), requestId, { fileName: 'report.pdf', bytes: pdfBytes(`voucher ${n++}`) });
    return x.id;
  };
  const proof = { contractRef: 'HT-2026-001', paymentRef: 'PAY-2026-001', paidByEnterpriseMinor: 40_000 };
  const redeemed = async () => {
    const id = await deliveredRedemption('own');
    await redeem(env.ctx(), id, proof);
    return id;
  };
  /** A month of its own per cell, after every redemption the rows make. */
  const month = () => {
    n += 1;
    return `${2040 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
  };
  const settled = async () => {
    if (settlement) return settlement;
    await redeemed();
    settlement = (await settleMonth(env.ctx(), env.A(), month())).id;
    return settlement;
  };
  /** Who reads a voucher: the enterprise that holds it and the platform's overseers; others 404. */
  const voucherReaders = (own: boolean): Expect => ({
    ...overseers,
    'A:enterprise_user': own ? '2xx' : '404',
    others: '404',
  });
  const decision = (own: boolean): Expect => ({
    ...governors,
    'A:platform_admin': '403',
    'A:enterprise_user': own ? '403' : '404',
    others: '404',
  });
  /** Paying with a voucher is the requesting enterprise's; those who read the request but are not it: 403. */
  const payers = (own: boolean): Expect => ({
    anonymous: '401',
    'token:read': '403',
    'token:write': '403',
    system_admin: '403',
    'A:platform_admin': '403',
    'A:supervisor': '403',
    'A:lab_director': '403',
    'A:enterprise_user': own ? '2xx' : '404',
    others: '404',
  });
  /** Redeeming is the provider unit's (its director, the platform's admins); readers of the request 403. */
  const redeemers = (unit: 'own' | 'other'): Expect => ({
    anonymous: '401',
    'token:read': '403',
    'token:write': '2xx',
    system_admin: '2xx',
    'A:platform_admin': '2xx',
    'A:lab_director': unit === 'own' ? '2xx' : '404',
    'A:supervisor': '403',
    'A:enterprise_user': '403',
    others: '404',
  });

  return [
    {
      // Open schemes are public policy: anyone reads them, signed in or not (docs/vouchers.md).
      route: 'GET /api/public/platforms/:platformId/voucher-schemes',
      expect: { others: '2xx' },
      cell: () => ({ url: `/api/public/platforms/${env.A()}/voucher-schemes` }),
    },
    {
      route: 'GET /api/platforms/:platformId/voucher-schemes',
      expect: { anonymous: '401', others: '2xx' },
      cell: () => ({ url: `/api/platforms/${env.A()}/voucher-schemes` }),
    },
    {
      route: 'POST /api/platforms/:platformId/voucher-schemes',
      expect: governors,
      cell: async () => ({
        url: `/api/platforms/${env.A()}/voucher-schemes`,
        body: schemeInput((await unitsOfA()).own),
      }),
    },
    {
      route: 'PUT /api/voucher-schemes/:id',
      label: 'a draft',
      expect: schemeGovernors,
      cell: async () => ({
        url: `/api/voucher-schemes/${await scheme({ open: false })}`,
        body: schemeInput((await unitsOfA()).own),
      }),
    },
    {
      route: 'POST /api/voucher-schemes/:id/state',
      label: 'a draft opened',
      expect: schemeGovernors,
      cell: async () => ({
        url: `/api/voucher-schemes/${await scheme({ open: false })}/state`,
        body: { to: 'open' },
      }),
    },
    {
      route: 'POST /api/voucher-schemes/:id/lottery',
      label: 'a lottery scheme not drawn yet',
      expect: schemeGovernors,
      cell: async () => ({
        url: `/api/voucher-schemes/${await scheme({ open: true, lottery: true })}/lottery`,
        body: { seed: '2026-06-01 体彩 12345', winners: 1 },
      }),
    },
    {
      route: 'POST /api/voucher-schemes/:id/applications',
      label: 'an open scheme: enterprises of the platform only',
      expect: { anonymous: '401', 'token:read': '403', 'A:enterprise_user': '2xx', others: '403' },
      cell: async () => {
        // Linked to its organisation here, not by whichever row ran first: run alone (-t voucher) the
        // enterprise had none and was answered 422 vouchers.no_organisation.
        await enterprise(true);
        return {
          url: `/api/voucher-schemes/${await opened()}/applications`,
          body: { amountMinor: 100_000, profile: profile() },
        };
      },
    },
    {
      route: 'POST /api/voucher-schemes/:id/applications',
      label: 'a draft: not found but for its governors, who do not apply',
      expect: {
        anonymous: '401',
        'token:read': '403',
        'token:write': '403',
        system_admin: '403',
        'A:supervisor': '403',
        others: '404',
      },
      cell: async () => ({
        url: `/api/voucher-schemes/${await scheme({ open: false })}/applications`,
        body: { amountMinor: 100_000, profile: profile() },
      }),
    },
    {
      route: 'GET /api/vouchers',
      label: "the caller's enterprise's (view=mine)",
      expect: { anonymous: '401', others: '2xx' },
      cell: () => ({ url: `/api/vouchers?platformId=${env.A()}&view=mine` }),
    },
    {
      route: 'GET /api/vouchers',
      label: "the platform's (view=all)",
      expect: overseers,
      cell: () => ({ url: `/api/vouchers?platformId=${env.A()}&view=all` }),
    },
    {
      route: 'GET /api/vouchers/:id',
      label: "the matrix enterprise's own voucher",
      expect: voucherReaders(true),
      cell: async () => ({ url: `/api/vouchers/${await issued(true)}` }),
    },
    {
      route: 'GET /api/vouchers/:id',
      label: "another enterprise's voucher",
      expect: voucherReaders(false),
      cell: async () => ({ url: `/api/vouchers/${await issued(false)}` }),
    },
    {
      route: 'POST /api/vouchers/:id/decision',
      label: "the matrix enterprise's application issued",
      expect: decision(true),
      cell: async () => ({
        url: `/api/vouchers/${await application(true)}/decision`,
        body: { action: 'issue' },
      }),
    },
    {
      route: 'POST /api/vouchers/:id/decision',
      label: "another enterprise's application refused",
      expect: decision(false),
      cell: async () => ({
        url: `/api/vouchers/${await application(false)}/decision`,
        body: { action: 'refuse', reason: '材料不全' },
      }),
    },
    {
      route: 'POST /api/service-requests/:requestId/voucher',
      label: "the matrix enterprise's quoted request, its own voucher",
      expect: payers(true),
      cell: async () => ({
        url: `/api/service-requests/${await quoted(true, 'own')}/voucher`,
        body: { voucherId: await issued(true) },
      }),
    },
    {
      route: 'POST /api/service-requests/:requestId/voucher',
      label: "another enterprise's quoted request and voucher",
      expect: payers(false),
      cell: async () => ({
        url: `/api/service-requests/${await quoted(false, 'own')}/voucher`,
        body: { voucherId: await issued(false) },
      }),
    },
    {
      route: 'GET /api/voucher-redemptions',
      label: 'filtered to what the caller takes part in',
      expect: { anonymous: '401', others: '2xx' },
      cell: () => ({ url: `/api/voucher-redemptions?platformId=${env.A()}` }),
    },
    {
      route: 'POST /api/voucher-redemptions/:id/redeem',
      label: "a delivered request at the lab director's unit",
      expect: redeemers('own'),
      cell: async () => ({
        url: `/api/voucher-redemptions/${await deliveredRedemption('own')}/redeem`,
        body: proof,
      }),
    },
    {
      route: 'POST /api/voucher-redemptions/:id/redeem',
      label: 'a delivered request at a unit the lab director does not direct',
      expect: redeemers('other'),
      cell: async () => ({
        url: `/api/voucher-redemptions/${await deliveredRedemption('other')}/redeem`,
        body: proof,
      }),
    },
    {
      route: 'GET /api/platforms/:platformId/voucher-settlements',
      expect: overseers,
      cell: () => ({ url: `/api/platforms/${env.A()}/voucher-settlements` }),
    },
    {
      route: 'POST /api/platforms/:platformId/voucher-settlements',
      label: 'a month with a redeemed redemption',
      expect: governors,
      cell: async () => {
        await redeemed();
        return { url: `/api/platforms/${env.A()}/voucher-settlements`, body: { month: month() } };
      },
    },
    {
      route: 'GET /api/voucher-settlements/:id',
      expect: { ...overseers, others: '404' },
      cell: async () => ({ url: `/api/voucher-settlements/${await settled()}` }),
    },
    {
      route: 'GET /api/voucher-settlements/:id/statement.xlsx',
      expect: { ...overseers, others: '404' },
      cell: async () => ({ url: `/api/voucher-settlements/${await settled()}/statement.xlsx` }),
    },
    {
      route: 'GET /api/voucher-settlements/:id/statement.pdf',
      expect: { ...overseers, others: '404' },
      cell: async () => ({ url: `/api/voucher-settlements/${await settled()}/statement.pdf?lang=en-US` }),
    },
    {
      route: 'GET /api/platforms/:platformId/voucher-fraud-signals',
      label: 'the supervisor only, not the platform admins',
      expect: { ...overseers, 'A:platform_admin': '403' },
      cell: () => ({ url: `/api/platforms/${env.A()}/voucher-fraud-signals` }),
    },
  ];
}
