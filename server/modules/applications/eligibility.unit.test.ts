import { describe, expect, it } from 'vitest';
import { type EligibilityRule, eligibilityRules } from '../../../common/eligibility.js';
import { type EligibilityMember, evaluateEligibility } from './eligibility.js';

const uni = (requested: number, cofunding = 0): EligibilityMember => ({
  type: 'university',
  enterpriseSize: null,
  requestedMinor: requested,
  cofundingMinor: cofunding,
});
const sme = (requested: number, cofunding = 0): EligibilityMember => ({
  type: 'enterprise',
  enterpriseSize: 'sme',
  requestedMinor: requested,
  cofundingMinor: cofunding,
});
const large = (requested: number, cofunding = 0): EligibilityMember => ({
  ...sme(requested, cofunding),
  enterpriseSize: 'large',
});

function one(rule: EligibilityRule, members: EligibilityMember[], ceilingMinor = 1_000_000) {
  const [outcome] = evaluateEligibility([eligibilityRules.parse([rule])[0]!], { members, ceilingMinor });
  return outcome!;
}

describe('eligibility engine', () => {
  it('checks the lead type and points at the lead', () => {
    const rule: EligibilityRule = { kind: 'lead_org_types', types: ['enterprise'] };
    expect(one(rule, [sme(1), uni(1)]).passed).toBe(true);
    const failed = one(rule, [uni(1), sme(1)]);
    expect(failed).toMatchObject({ passed: false, path: '/consortium/0/organisationId' });
    expect(failed.params).toMatchObject({ allowed: 'enterprise', type: 'university' });
  });

  it('names the first member of an excluded type', () => {
    const rule: EligibilityRule = { kind: 'member_org_types', types: ['enterprise', 'university'] };
    const gov: EligibilityMember = { ...uni(1), type: 'government' };
    expect(one(rule, [sme(1), uni(1)]).passed).toBe(true);
    expect(one(rule, [sme(1), uni(1), gov])).toMatchObject({
      passed: false,
      path: '/consortium/2/organisationId',
      params: { type: 'government' },
    });
  });

  it('counts the consortium with the lead and requires an enterprise', () => {
    expect(one({ kind: 'min_consortium_size', min: 2 }, [uni(1)])).toMatchObject({
      passed: false,
      params: { min: 2, count: 1 },
    });
    expect(one({ kind: 'min_consortium_size', min: 2 }, [uni(1), uni(1)]).passed).toBe(true);
    expect(one({ kind: 'must_include_enterprise' }, [uni(1), uni(1)]).passed).toBe(false);
    expect(one({ kind: 'must_include_enterprise' }, [uni(1), large(1)]).passed).toBe(true);
  });

  it('measures the SME share by members or by requested budget, at the exact boundary', () => {
    const byMembers: EligibilityRule = { kind: 'min_sme_share', share: 0.5, basis: 'members' };
    expect(one(byMembers, [sme(1), uni(1)]).passed).toBe(true);
    expect(one(byMembers, [large(1), uni(1), sme(1)])).toMatchObject({
      passed: false,
      params: { required: 50, actual: 33.33 },
    });
    const byBudget: EligibilityRule = { kind: 'min_sme_share', share: 0.3, basis: 'requested_budget' };
    expect(one(byBudget, [uni(700), sme(300)]).passed).toBe(true);
    expect(one(byBudget, [uni(701), sme(299)]).passed).toBe(false);
    // Nothing requested yet: no share can be shown.
    expect(one(byBudget, [uni(0), sme(0)]).passed).toBe(false);
  });

  it('compares the requested total with the ceiling', () => {
    expect(one({ kind: 'within_ceiling' }, [uni(600), sme(400)], 1000).passed).toBe(true);
    expect(one({ kind: 'within_ceiling' }, [uni(600), sme(401)], 1000)).toMatchObject({
      passed: false,
      params: { requested: 1001, ceiling: 1000 },
    });
  });

  it('checks co-funding from all members or from enterprises only', () => {
    const all: EligibilityRule = { kind: 'min_cofunding_ratio', ratio: 1, from: 'all_members' };
    expect(one(all, [uni(500, 200), sme(500, 800)]).passed).toBe(true);
    expect(one(all, [uni(500, 200), sme(500, 799)])).toMatchObject({
      passed: false,
      params: { needed: 1000, cofunding: 999 },
    });
    const ent: EligibilityRule = { kind: 'min_cofunding_ratio', ratio: 0.5, from: 'enterprises' };
    expect(one(ent, [uni(500, 1000), sme(500, 0)]).passed).toBe(false);
    expect(one(ent, [uni(500, 0), large(500, 500)]).passed).toBe(true);
  });

  it('keeps the order of the rules and evaluates every one', () => {
    const rules = eligibilityRules.parse([
      { kind: 'within_ceiling' },
      { kind: 'must_include_enterprise' },
      { kind: 'min_consortium_size', min: 3 },
    ]);
    const outcomes = evaluateEligibility(rules, { members: [uni(5)], ceilingMinor: 10 });
    expect(outcomes.map((o) => [o.kind, o.passed])).toEqual([
      ['within_ceiling', true],
      ['must_include_enterprise', false],
      ['min_consortium_size', false],
    ]);
  });
});
