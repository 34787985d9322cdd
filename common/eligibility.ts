/**
 * Eligibility rules of an R&D call (DOMAIN.md §4) are data: a call stores a list of these, and one
 * engine (server/modules/applications/eligibility.ts) evaluates an application against them, so the
 * applicant sees which rule fails and why before submitting. Shared by server and web; imports only zod.
 */
import { z } from 'zod';

const ORG_TYPES = ['enterprise', 'university', 'institute', 'government', 'other'] as const;
const orgTypes = z.array(z.enum(ORG_TYPES)).min(1).max(ORG_TYPES.length);
/** A ratio or share as a decimal string-free number with at most 4 decimals (0.5 = 50 %). */
const ratio = (max: number) =>
  z
    .number()
    .min(0)
    .max(max)
    .refine(
      (n) => Number.isInteger(Math.round(n * 10_000)) && Math.abs(n * 10_000 - Math.round(n * 10_000)) < 1e-6,
      {
        message: 'At most 4 decimals',
      },
    );

export const eligibilityRule = z.discriminatedUnion('kind', [
  /** The lead organisation's type is one of these. */
  z.strictObject({ kind: z.literal('lead_org_types'), types: orgTypes }),
  /** Every member (lead included) has one of these types. */
  z.strictObject({ kind: z.literal('member_org_types'), types: orgTypes }),
  /** At least this many organisations in the consortium, lead included. */
  z.strictObject({ kind: z.literal('min_consortium_size'), min: z.int().min(1).max(50) }),
  /** At least one enterprise among lead and members. */
  z.strictObject({ kind: z.literal('must_include_enterprise') }),
  /**
   * SMEs make up at least this share of the consortium, counted by members or by requested budget.
   */
  z.strictObject({
    kind: z.literal('min_sme_share'),
    share: ratio(1),
    basis: z.enum(['members', 'requested_budget']),
  }),
  /** The total requested amount does not exceed the call's per-project ceiling. */
  z.strictObject({ kind: z.literal('within_ceiling') }),
  /**
   * Own co-funding is at least `ratio` × the requested amount (1 = matching 1:1), counting the
   * co-funding of all members or of enterprises only (a ppp_program's enterprise matching).
   */
  z.strictObject({
    kind: z.literal('min_cofunding_ratio'),
    ratio: ratio(100),
    from: z.enum(['all_members', 'enterprises']),
  }),
]);
export type EligibilityRule = z.infer<typeof eligibilityRule>;
export type EligibilityRuleKind = EligibilityRule['kind'];

export const eligibilityRules = z
  .array(eligibilityRule)
  .max(20)
  .refine((rules) => new Set(rules.map((r) => r.kind)).size === rules.length, {
    message: 'Each kind of rule at most once',
  });

/** English labels of the rule kinds (i18n keys). */
export const ELIGIBILITY_RULE_LABELS: Record<EligibilityRuleKind, string> = {
  lead_org_types: 'Lead organisation types',
  member_org_types: 'Member organisation types',
  min_consortium_size: 'Minimum consortium size',
  must_include_enterprise: 'Must include an enterprise',
  min_sme_share: 'Minimum SME share',
  within_ceiling: 'Within the per-project ceiling',
  min_cofunding_ratio: 'Minimum co-funding ratio',
};

/** The outcome of one rule on one application: `reason` is an i18n key with `params` to fill it in. */
export interface RuleOutcome {
  kind: EligibilityRuleKind;
  passed: boolean;
  reason: string;
  params: Record<string, string | number>;
  /** JSON pointer into the application content the failure is about, if any (e.g. /consortium/1/orgId). */
  path?: string;
}
