import type { EligibilityRule, RuleOutcome } from '../../../common/eligibility.js';

/** What the engine needs of a consortium member: its organisation's type and size, and its figures. */
export interface EligibilityMember {
  type: string;
  enterpriseSize: string | null;
  requestedMinor: number;
  cofundingMinor: number;
}

/** The consortium, lead first, and the call's per-project ceiling. */
export interface EligibilityInput {
  members: readonly EligibilityMember[];
  ceilingMinor: number;
}

const isSme = (m: EligibilityMember) => m.type === 'enterprise' && m.enterpriseSize === 'sme';
/** Share as a whole number of basis points (1/10 000), so comparisons never meet float noise. */
const bp = (n: number) => Math.round(n * 10_000);
const pct = (basisPoints: number) => Math.round(basisPoints) / 100;

function evaluate(rule: EligibilityRule, input: EligibilityInput): RuleOutcome {
  const { members } = input;
  const requested = members.reduce((s, m) => s + m.requestedMinor, 0);
  switch (rule.kind) {
    case 'lead_org_types': {
      const lead = members[0];
      const passed = !!lead && (rule.types as string[]).includes(lead.type);
      return {
        kind: rule.kind,
        passed,
        reason: passed
          ? 'The lead organisation is of an allowed type'
          : 'The lead organisation must be one of these types: {{allowed}}',
        params: { allowed: rule.types.join(','), type: lead?.type ?? '' },
        ...(passed ? {} : { path: '/consortium/0/organisationId' }),
      };
    }
    case 'member_org_types': {
      const bad = members.findIndex((m) => !(rule.types as string[]).includes(m.type));
      const passed = bad < 0;
      return {
        kind: rule.kind,
        passed,
        reason: passed
          ? 'Every organisation is of an allowed type'
          : 'Every organisation must be one of these types: {{allowed}}',
        params: { allowed: rule.types.join(','), type: passed ? '' : members[bad]!.type },
        ...(passed ? {} : { path: `/consortium/${bad}/organisationId` }),
      };
    }
    case 'min_consortium_size': {
      const passed = members.length >= rule.min;
      return {
        kind: rule.kind,
        passed,
        reason: passed
          ? 'The consortium is large enough'
          : 'The consortium needs at least {{min}} organisations (now {{count}})',
        params: { min: rule.min, count: members.length },
        ...(passed ? {} : { path: '/consortium' }),
      };
    }
    case 'must_include_enterprise': {
      const passed = members.some((m) => m.type === 'enterprise');
      return {
        kind: rule.kind,
        passed,
        reason: passed
          ? 'The consortium includes an enterprise'
          : 'The consortium must include an enterprise',
        params: {},
        ...(passed ? {} : { path: '/consortium' }),
      };
    }
    case 'min_sme_share': {
      const [part, whole] =
        rule.basis === 'members'
          ? [members.filter(isSme).length, members.length]
          : [members.filter(isSme).reduce((s, m) => s + m.requestedMinor, 0), requested];
      // part / whole ≥ share, compared in integers: part × 10 000 ≥ share(bp) × whole.
      const passed = whole > 0 && part * 10_000 >= bp(rule.share) * whole;
      const actual = whole > 0 ? (part * 10_000) / whole : 0;
      return {
        kind: rule.kind,
        passed,
        reason: passed
          ? 'SMEs make up enough of the consortium'
          : 'SMEs must make up at least {{required}} % of the consortium ({{basis}}); now {{actual}} %',
        params: { required: pct(bp(rule.share)), actual: pct(actual), basis: rule.basis },
        ...(passed ? {} : { path: '/consortium' }),
      };
    }
    case 'within_ceiling': {
      const passed = requested <= input.ceilingMinor;
      return {
        kind: rule.kind,
        passed,
        reason: passed
          ? 'The requested amount is within the ceiling'
          : 'The requested amount {{requested}} exceeds the ceiling {{ceiling}}',
        params: { requested, ceiling: input.ceilingMinor },
        ...(passed ? {} : { path: '/consortium' }),
      };
    }
    case 'min_cofunding_ratio': {
      const from = rule.from === 'enterprises' ? members.filter((m) => m.type === 'enterprise') : members;
      const cofunding = from.reduce((s, m) => s + m.cofundingMinor, 0);
      // cofunding ≥ ratio × requested, in integers.
      const passed = cofunding * 10_000 >= bp(rule.ratio) * requested;
      return {
        kind: rule.kind,
        passed,
        reason: passed
          ? 'The co-funding is sufficient'
          : 'Co-funding ({{from}}) must be at least {{ratio}} × the requested amount: needs {{needed}}, has {{cofunding}}',
        params: {
          ratio: rule.ratio,
          from: rule.from,
          cofunding,
          needed: Math.ceil((bp(rule.ratio) * requested) / 10_000),
        },
        ...(passed ? {} : { path: '/consortium' }),
      };
    }
  }
}

/** Evaluates every rule of a call on one consortium; the outcomes keep the rules' order. */
export function evaluateEligibility(
  rules: readonly EligibilityRule[],
  input: EligibilityInput,
): RuleOutcome[] {
  return rules.map((r) => evaluate(r, input));
}
