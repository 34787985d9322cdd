/**
 * Innovation vouchers (创新券, DOMAIN.md §8, issue 14): the scheme's rules as data and the pure
 * arithmetic on them — eligibility, the subsidy share, caps and a lottery anyone can re-run. Shared by
 * server and web; imports only zod. Money is integer minor units.
 */
import { z } from 'zod';
import { SERVICE_KINDS } from './services.js';

export const ENTERPRISE_SIZES = ['micro', 'small', 'medium', 'large'] as const;
export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];
const percent = z.number().int().min(0).max(100);
const minor = z.number().int().min(0).max(1e13);
const day = z.iso.date();

/** A scheme's rules, set by the supervisor (e.g. Shandong: 40 % / 60 %, +30 % for a local provider). */
export const schemeRules = z.strictObject({
  eligibility: z.strictObject({
    sizes: z.array(z.enum(ENTERPRISE_SIZES)).min(1),
    /** Regions (e.g. 济南, 青岛) whose enterprises may apply; empty: any. */
    regions: z.array(z.string().trim().min(1).max(60)).max(100),
    /** Technology fields an applicant must work in (one suffices); empty: any. */
    fieldIds: z.array(z.uuid()).max(50),
    /** Registered for at least this many whole years (0: new firms too), at most `maxYearsRegistered`. */
    minYearsRegistered: z.number().int().min(0).max(100),
    maxYearsRegistered: z.number().int().min(0).max(200).nullable(),
  }),
  /** The share of a price the voucher pays, by the enterprise's region, else the default. */
  sharePercent: z.strictObject({
    default: percent,
    byRegion: z.record(z.string().trim().min(1).max(60), percent),
    /** Added when the provider is in the enterprise's region; the sum is capped at `max`. */
    localProviderBonus: percent,
    max: percent,
  }),
  caps: z.strictObject({
    perEnterprisePerYearMinor: minor,
    /** Per actual controller (实际控制人): a group cannot split itself into many SMEs. */
    perControllerPerYearMinor: minor,
  }),
  /** Eligible providers (units) with their region; empty: every unit of the platform, region unknown. */
  providers: z.array(z.strictObject({ unitId: z.uuid(), region: z.string().trim().min(1).max(60) })).max(500),
  serviceKinds: z.array(z.enum(SERVICE_KINDS)).min(1),
});
export type SchemeRules = z.infer<typeof schemeRules>;

/** What an enterprise declares when it applies; the supervisor checks it before issuing. */
export const enterpriseProfile = z.strictObject({
  size: z.enum(ENTERPRISE_SIZES),
  region: z.string().trim().min(1).max(60),
  fieldIds: z.array(z.uuid()).max(20),
  registeredOn: day,
  controllerName: z.string().trim().min(1).max(200),
  /** The controller's credit code or ID number: the key the per-controller cap counts by. */
  controllerId: z.string().trim().min(1).max(60),
});
export type EnterpriseProfile = z.infer<typeof enterpriseProfile>;

export const controllerKey = (p: Pick<EnterpriseProfile, 'controllerId'>) =>
  p.controllerId.replace(/\s+/g, '').toUpperCase();

/** Whole years between two YYYY-MM-DD days. */
export function wholeYears(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

/** The profile's fields that fail the scheme's eligibility, as pointers into the application body. */
export function eligibilityProblems(rules: SchemeRules, p: EnterpriseProfile, today: string): string[] {
  const e = rules.eligibility;
  const out: string[] = [];
  if (!e.sizes.includes(p.size)) out.push('/profile/size');
  if (e.regions.length > 0 && !e.regions.includes(p.region)) out.push('/profile/region');
  if (e.fieldIds.length > 0 && !p.fieldIds.some((f) => e.fieldIds.includes(f))) out.push('/profile/fieldIds');
  const years = wholeYears(p.registeredOn, today);
  if (years < e.minYearsRegistered || (e.maxYearsRegistered !== null && years > e.maxYearsRegistered))
    out.push('/profile/registeredOn');
  return out;
}

/** The share of the price a voucher pays for this enterprise at this provider, percent. */
export function subsidyPercent(rules: SchemeRules, enterpriseRegion: string, providerRegion: string | null) {
  const base = rules.sharePercent.byRegion[enterpriseRegion] ?? rules.sharePercent.default;
  const local = providerRegion !== null && providerRegion === enterpriseRegion;
  return Math.min(rules.sharePercent.max, base + (local ? rules.sharePercent.localProviderBonus : 0));
}

/** The voucher's part of a price: the share, rounded down to a minor unit, never beyond the balance. */
export const voucherPart = (priceMinor: number, percentShare: number, balanceMinor: number) =>
  Math.max(0, Math.min(Math.floor((priceMinor * percentShare) / 100), balanceMinor));

/** A small seeded generator (mulberry32 over an FNV-1a hash of the seed): same seed, same draw. */
function generator(seed: string): () => number {
  let h = 0x811c9dc5;
  for (const ch of seed) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return () => {
    h = (h + 0x6d2b79f5) >>> 0;
    let t = h;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The lottery among applicants (as the Dutch scheme drew, so additionality can be measured): the ids
 * sorted, then shuffled by a Fisher–Yates walk driven by the seed. Recording seed and order lets an
 * auditor re-run it and get the same winners.
 */
export function drawOrder(seed: string, ids: readonly string[]): string[] {
  const out = [...ids].sort();
  const next = generator(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export const SCHEME_STATES = ['draft', 'open', 'closed'] as const;
export type SchemeState = (typeof SCHEME_STATES)[number];
export const SCHEME_MOVES: Record<SchemeState, readonly SchemeState[]> = {
  draft: ['open'],
  open: ['closed'],
  closed: [],
};
export const VOUCHER_STATES = ['applied', 'issued', 'refused', 'not_drawn'] as const;
export type VoucherState = (typeof VOUCHER_STATES)[number];
export const REDEMPTION_STATES = ['planned', 'redeemed', 'settled'] as const;
export type RedemptionState = (typeof REDEMPTION_STATES)[number];
/** The request states in which the provider has delivered its report and may redeem. */
export const REDEEMABLE_REQUEST_STATES = ['delivered', 'rated', 'closed'] as const;
