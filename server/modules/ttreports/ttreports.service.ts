import {
  AUTM_EXCLUDED_CATEGORIES,
  CN_MODES,
  type CnMode,
  EXCLUSIVITIES,
  LICENCE_KINDS,
  LICENSING_KINDS,
  RECEIPT_CATEGORIES,
  type ReceiptCategory,
} from '../../../common/ip.js';
import { type Ctx, isoNow } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import {
  activeLicenceCountsByYear,
  agreementCounts,
  cnContracts,
  executionTimes,
  inventorRewards,
  latestReceiptDate,
  receiptGroups,
  royaltiesPerLicence,
} from '../agreements/agreements.service.js';
import { platformFor } from '../ip/ip.policy.js';
import { disclosureCounts, filingCounts, latestDisclosureDate } from '../ip/ip.service.js';
import { smallBusinessPartner } from '../orgs/orgs.lookup.js';
import { unitAuthorities } from '../units/units.service.js';
import { Converter } from './ttreports.fx.js';
import { periodOf, royaltyStats, type Scope, yearBounds } from './ttreports.period.js';
import type { LicenceCounts, Report, ReportQuery } from './ttreports.schema.js';

export type TechTransferReportQuery = ReportQuery & { platformId: string };

function licenceCounts(
  rows: Array<{ licence_kind: string | null; exclusivity: string | null; n: number }>,
): LicenceCounts {
  const byKind = Object.fromEntries(LICENCE_KINDS.map((k) => [k, 0])) as LicenceCounts['byKind'];
  const byExclusivity = Object.fromEntries(
    EXCLUSIVITIES.map((k) => [k, 0]),
  ) as LicenceCounts['byExclusivity'];
  let total = 0;
  for (const r of rows) {
    total += r.n;
    if (r.licence_kind && r.licence_kind in byKind) byKind[r.licence_kind as keyof typeof byKind] += r.n;
    if (r.exclusivity && r.exclusivity in byExclusivity)
      byExclusivity[r.exclusivity as keyof typeof byExclusivity] += r.n;
  }
  return { total, invention: byKind.invention, otherIp: total - byKind.invention, byKind, byExclusivity };
}

/** Roles that read the whole platform's report; a lab director alone reads only the units it directs. */
const WHOLE_REPORT_ROLES = new Set(['platform_admin', 'tech_transfer_officer', 'supervisor']);

/**
 * The unit the report is cut to. A lab director without a whole-platform role reads only the units it
 * directs, as in analytics: the asked unit when it is one of them (403 otherwise), or the first of them by
 * name when none is asked; a director of no unit reads nothing (403).
 */
async function reportUnit(ctx: Ctx, platformId: string, asked: string | null): Promise<string | null> {
  const actor = ctx.actor;
  if (!actor || actor.isSystemAdmin) return asked;
  if (actor.roles.some((r) => r.platformId === platformId && WHOLE_REPORT_ROLES.has(r.role))) return asked;
  const own = (await unitAuthorities(ctx.db, platformId))
    .filter((u) => u.directorUserId === actor.userId)
    .sort((a, b) => a.nameEn.localeCompare(b.nameEn))
    .map((u) => u.id);
  if (own.length === 0) throw forbidden();
  if (asked === null) return own[0]!;
  if (!own.includes(asked)) throw forbidden();
  return asked;
}

/**
 * The tech-transfer report of a platform (optionally one unit or field) for a run of fiscal or calendar
 * years: the US federal-lab set, the AUTM set and the Chinese annual report set, with a per-year
 * breakdown. Flows count what happened in the period (disclosures received, applications filed, patents
 * granted, agreements executed, money received); stocks count agreements in force at any time in the
 * period, each once. Counts and sums are SQL aggregates; amounts are converted to one currency with the
 * yearly rates. Readers: the platform's tech-transfer officers, admins and supervisors; lab directors for the units they
 * direct only.
 */
export async function techTransferReport(ctx: Ctx, query: TechTransferReportQuery): Promise<Report> {
  const platform = await platformFor(ctx.db, ctx.actor, query.platformId, 'tt.report');
  const unitId = await reportUnit(ctx, platform.id, query.unitId ?? null);
  const basis = query.basis ?? 'fiscal';
  const period = periodOf(query.from, query.to, basis, platform.fiscalYearStartMonth);
  const currency = query.currency ?? platform.defaultCurrency;
  const scope: Scope = {
    db: ctx.db,
    platformId: platform.id,
    unitId,
    fieldId: query.fieldId ?? null,
    period,
  };
  const fx = await Converter.load(ctx.db, currency);
  const money = (amountMinor: number) => ({ amountMinor, currency });

  const [
    disclosures,
    filings,
    receipts,
    royalties,
    agreements,
    cn,
    execTimes,
    rewards,
    lastDisclosure,
    lastReceipt,
  ] = await Promise.all([
    disclosureCounts(scope),
    filingCounts(scope),
    receiptGroups(scope),
    royaltiesPerLicence(scope),
    agreementCounts(scope, smallBusinessPartner),
    cnContracts(scope),
    executionTimes(scope),
    inventorRewards(scope),
    latestDisclosureDate(scope),
    latestReceiptDate(scope),
  ]);
  const activeByYear = await activeLicenceCountsByYear(scope);

  // Receipts: converted per group, then folded into every total the three regimes need.
  const licensing = (k: string) => (LICENSING_KINDS as readonly string[]).includes(k);
  const byCategory = new Map<ReceiptCategory, number>();
  const yearIncome = new Map<number, { licence: number; royalties: number }>();
  const cashByMode = new Map<CnMode, number>();
  let total = 0;
  let invention = 0;
  for (const g of receipts) {
    const amount = fx.convert(g.amount, g.currency, g.cal_year);
    if ((CN_MODES as readonly string[]).includes(g.kind))
      cashByMode.set(g.kind as CnMode, (cashByMode.get(g.kind as CnMode) ?? 0) + amount);
    if (!licensing(g.kind)) continue;
    total += amount;
    if (g.licence_kind === 'invention') invention += amount;
    byCategory.set(
      g.category as ReceiptCategory,
      (byCategory.get(g.category as ReceiptCategory) ?? 0) + amount,
    );
    const y = yearIncome.get(g.bucket) ?? { licence: 0, royalties: 0 };
    y.licence += amount;
    if (g.category === 'earned_royalty') y.royalties += amount;
    yearIncome.set(g.bucket, y);
  }
  const perLicence = new Map<string, number>();
  for (const r of royalties)
    perLicence.set(
      r.agreement_id,
      (perLicence.get(r.agreement_id) ?? 0) + fx.convert(r.amount, r.currency, r.cal_year),
    );
  const eri = royaltyStats([...perLicence.values()]);
  const cnValues = new Map<CnMode, { contracts: number; value: number }>();
  for (const c of cn) {
    const m = cnValues.get(c.kind as CnMode) ?? { contracts: 0, value: 0 };
    m.contracts += c.n;
    if (c.currency !== null) m.value += fx.convert(c.value, c.currency, c.cal_year);
    cnValues.set(c.kind as CnMode, m);
  }
  let rewardsTotal = 0;
  for (const r of rewards.amounts) rewardsTotal += fx.convert(r.amount, r.currency, r.cal_year);
  fx.assertComplete();

  const excluded = [...byCategory]
    .filter(([c]) => AUTM_EXCLUDED_CATEGORIES.includes(c))
    .reduce((s, [, v]) => s + v, 0);
  const active = licenceCounts(agreements.activeLicences);
  const modes = CN_MODES.map((mode) => ({
    mode,
    contracts: cnValues.get(mode)?.contracts ?? 0,
    contractValue: money(cnValues.get(mode)?.value ?? 0),
    cashReceived: money(cashByMode.get(mode) ?? 0),
  }));
  const sumModes = (list: readonly CnMode[]) => {
    const ms = modes.filter((m) => list.includes(m.mode));
    return {
      contracts: ms.reduce((s, m) => s + m.contracts, 0),
      contractValue: money(ms.reduce((s, m) => s + m.contractValue.amountMinor, 0)),
      cashReceived: money(ms.reduce((s, m) => s + m.cashReceived.amountMinor, 0)),
    };
  };
  const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
  const years: Report['years'] = [];
  for (let y = period.from; y <= period.to; y++) {
    const b = yearBounds(y, period.startMonth);
    years.push({
      year: y,
      ...b,
      inventionDisclosures: disclosures.byYear.get(y) ?? 0,
      patentApplications: filings.filedByYear.get(y) ?? 0,
      patentsIssued: filings.grantedByYear.get(y) ?? 0,
      activeLicences: activeByYear.get(y) ?? 0,
      newLicences: agreements.newLicencesByYear.get(y) ?? 0,
      cradasNew: agreements.newCradasByYear.get(y) ?? 0,
      licenceIncome: money(yearIncome.get(y)?.licence ?? 0),
      earnedRoyalties: money(yearIncome.get(y)?.royalties ?? 0),
    });
  }

  return {
    platform: {
      id: platform.id,
      code: platform.code,
      nameZh: platform.nameZh,
      nameEn: platform.nameEn,
      fiscalYearStartMonth: platform.fiscalYearStartMonth,
    },
    scope: {
      from: period.from,
      to: period.to,
      basis,
      startDate: period.startDate,
      endDate: period.endDate,
      unitId: scope.unitId,
      fieldId: scope.fieldId,
      currency,
    },
    inventionDisclosures: disclosures.total,
    patentApplications: filings.filed,
    patentsIssued: filings.granted,
    activeLicences: active.total,
    licenceIncome: money(total),
    federal: {
      licences: {
        active,
        new: licenceCounts(agreements.newLicences),
        incomeBearing: licenceCounts(agreements.incomeBearing),
      },
      income: {
        total: money(total),
        invention: money(invention),
        otherIp: money(total - invention),
        earnedRoyalties: {
          total: money([...perLicence.values()].reduce((s, v) => s + v, 0)),
          licences: eri.licences,
          median: eri.median === null ? null : money(eri.median),
          min: eri.min === null ? null : money(eri.min),
          max: eri.max === null ? null : money(eri.max),
          top1Share: eri.top1,
          top5Share: eri.top5,
          top20Share: eri.top20,
        },
      },
      cradas: agreements.cradas,
      executionTime: {
        licences: execTimes.licences,
        averageDays: execTimes.licences
          ? Math.round((execTimes.sumDays / execTimes.licences) * 10) / 10
          : null,
        minDays: execTimes.minDays,
        maxDays: execTimes.maxDays,
      },
      terminatedForCause: agreements.terminatedForCause,
      smallBusiness: {
        activeLicences: agreements.smallBusinessLicences,
        licenceShare: share(agreements.smallBusinessLicences, active.total),
        activeCradas: agreements.smallBusinessCradas,
        cradaShare: share(agreements.smallBusinessCradas, agreements.cradas.active),
      },
      paidToInventors: money(rewardsTotal),
    },
    autm: {
      disclosures: disclosures.total,
      newPatentApplications: filings.firstInFamily,
      totalUsApplications: filings.us,
      usPatentsIssued: filings.usGranted,
      licencesExecuted: licenceCounts(agreements.newLicences).total,
      optionsExecuted: agreements.newOptions,
      activeLicencesAndOptions: active.total + agreements.activeOptions,
      licenceIncome: money(total - excluded),
      excluded: money(excluded),
      byCategory: RECEIPT_CATEGORIES.filter((c) => byCategory.has(c)).map((category) => ({
        category,
        amount: money(byCategory.get(category)!),
        included: !AUTM_EXCLUDED_CATEGORIES.includes(category),
      })),
    },
    china: {
      modes,
      transferTotal: sumModes(['assignment', 'licence', 'equity_investment']),
      serviceTotal: sumModes(['tech_development', 'tech_consulting', 'tech_service']),
      rewardsToIndividuals: money(rewardsTotal),
      rewardedPersonTimes: rewards.personTimes,
    },
    years,
    latestDataDate:
      [lastDisclosure, lastReceipt]
        .filter((d) => d !== null)
        .sort()
        .at(-1) ?? null,
    generatedAt: isoNow(ctx.clock),
  };
}
