import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET, STRICT_RULE_SET } from '../../../../common/conflict-rules.js';
import { collaborationCutoff, evaluateConflicts, nameKeys } from './conflicts.evaluate.js';
import { explainRule } from './conflicts.explain.js';
import type { CallConflictData } from './conflicts.model.js';

const org = (id: string) => ({ id, name: `Org ${id}` });
const now = new Date('2026-06-15T00:00:00Z');

function data(): CallConflictData {
  return {
    experts: [
      { id: 'e1', personId: 'p1', nameZh: '张伟', nameEn: 'Zhang Wei', organisation: org('o1') },
      { id: 'e2', personId: 'p2', nameZh: '李娜', nameEn: null, organisation: org('o9') },
      { id: 'e3', personId: 'p3', nameZh: '王芳', nameEn: 'Wang Fang', organisation: null },
    ],
    applications: [
      {
        id: 'a1',
        receiptNo: 'R-1',
        titleZh: '甲',
        titleEn: null,
        members: [
          { organisation: org('o1'), lead: true },
          { organisation: org('o2'), lead: false },
        ],
        participants: [{ personId: 'p7', name: '赵六', role: 'contact', organisation: org('o2') }],
        avoidRequests: [],
      },
      {
        id: 'a2',
        receiptNo: 'R-2',
        titleZh: '乙',
        titleEn: null,
        members: [{ organisation: org('o3'), lead: true }],
        participants: [{ personId: 'p3', name: '王芳', role: 'contact', organisation: org('o3') }],
        avoidRequests: [{ id: 'r1', name: ' wei  ZHANG ', organisation: null, reason: 'competitor' }],
      },
      {
        id: 'a3',
        receiptNo: 'R-3',
        titleZh: '丙',
        titleEn: null,
        members: [{ organisation: org('o4'), lead: true }],
        participants: [],
        avoidRequests: [{ id: 'r2', name: '李娜', organisation: org('o5'), reason: 'x' }],
      },
    ],
    collaborations: [
      {
        expertId: 'e2',
        source: 'co_author',
        at: '2022-12-31',
        personId: null,
        personName: 'X',
        organisation: org('o4'),
        via: { kind: 'output', outputId: 'x1', outputKind: 'publication', title: 'Paper', year: 2022 },
      },
      {
        expertId: 'e2',
        source: 'co_inventor',
        at: '2021-12-31',
        personId: 'p7',
        personName: '赵六',
        organisation: null,
        via: { kind: 'output', outputId: 'x2', outputKind: 'patent', title: 'Patent', year: 2021 },
      },
    ],
    declarations: [
      { id: 'd1', expertId: 'e3', organisation: org('o4'), person: null, reason: 'former employer' },
    ],
  };
}

const keys = (rules = DEFAULT_RULE_SET.rules) =>
  evaluateConflicts(rules, data(), now)
    .map((m) => `${m.expertId}|${m.applicationId}|${m.ruleKey}`)
    .sort();

describe('conflict engine (in memory)', () => {
  it('applies each default rule with its evidence', () => {
    expect(keys()).toEqual([
      'e1|a1|same_organisation',
      'e1|a2|declared_by_applicant',
      'e2|a3|collaboration',
      'e3|a2|consortium_member',
      'e3|a3|declared_by_expert',
    ]);
    const m = evaluateConflicts(DEFAULT_RULE_SET.rules, data(), now);
    const same = m.find((x) => x.ruleKey === 'same_organisation')!;
    expect(same.evidence).toEqual([{ kind: 'same_organisation', organisation: org('o1'), lead: true }]);
    const collab = m.find((x) => x.ruleKey === 'collaboration')!;
    expect(collab.evidence[0]).toMatchObject({ source: 'co_author', via: { title: 'Paper', year: 2022 } });
  });

  it('counts a collaboration only within N years: 2022 counts in mid-2026 with N=4, 2021 only with N=6', () => {
    expect(collaborationCutoff({ years: 4 }, now)).toBe('2022-06-15');
    expect(keys()).not.toContain('e2|a1|collaboration');
    expect(keys(STRICT_RULE_SET.rules)).toContain('e2|a1|collaboration');
  });

  it('matches an avoid request naming an organisation only to the expert of that organisation', () => {
    expect(keys()).not.toContain('e2|a3|declared_by_applicant');
  });

  it('compares names regardless of case, spacing and word order', () => {
    expect(nameKeys('Zhang Wei')).toEqual(expect.arrayContaining(nameKeys('WEI  zhang').slice(1)));
    expect(nameKeys('张 伟')).toContain('张伟');
  });

  it('evaluates only the rules in the set', () => {
    expect(keys([{ key: 'own', kind: 'same_organisation' }])).toEqual(['e1|a1|own']);
  });

  it('explains a rule that did not match: a name with another organisation, a collaboration before the window', () => {
    const d = data();
    const e2 = d.experts[1]!;
    const a3 = d.applications[2]!;
    const one = {
      ...d,
      experts: [e2],
      applications: [a3],
      collaborations: d.collaborations,
      declarations: [],
    };
    const named = explainRule(DEFAULT_RULE_SET.rules[4]!, one, e2, a3, now);
    expect(named).toMatchObject({ matched: false, reason: 'named_with_other_organisation' });
    const a1 = d.applications[0]!;
    const collab = explainRule(DEFAULT_RULE_SET.rules[1]!, { ...one, applications: [a1] }, e2, a1, now);
    expect(collab).toMatchObject({
      matched: false,
      reason: 'collaboration_outside_window',
      detail: { years: 4 },
    });
  });
});
