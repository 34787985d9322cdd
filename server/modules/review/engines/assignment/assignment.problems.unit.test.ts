import { describe, expect, it } from 'vitest';
import { assign } from './assign.js';
import { AssignmentError, type AssignmentInstance, type AssignmentProblem } from './instance.js';

const expert = (id: string, category: 'academic' | 'industry' | 'lab', minLoad = 0, maxLoad = 3) => ({
  id,
  category,
  minLoad,
  maxLoad,
});

/** Three applications, four experts, every pair a candidate. */
const base = (): AssignmentInstance => {
  const experts = [
    expert('x1', 'academic'),
    expert('x2', 'academic'),
    expert('y1', 'industry'),
    expert('z1', 'lab'),
  ];
  const applications = [{ id: 'a1' }, { id: 'a2' }, { id: 'a3' }];
  return {
    k: 2,
    composition: { academic: 1 },
    experts,
    applications,
    affinity: applications.flatMap((a) => experts.map((e) => [e.id, a.id, 0.5] as [string, string, number])),
    conflicts: [],
  };
};

function problemOf(inst: unknown): AssignmentProblem {
  try {
    assign(inst);
  } catch (err) {
    if (err instanceof AssignmentError) return err.problem;
    throw err;
  }
  throw new Error('expected an AssignmentError');
}
const infeasibleOf = (inst: AssignmentInstance) => {
  const p = problemOf(inst);
  if (p.code !== 'assignment.infeasible') throw new Error(`expected infeasible, got ${p.detail}`);
  expect(p).toMatchObject({ status: 422, type: 'urn:commonlab:problem:assignment.infeasible' });
  return p.violations;
};

describe('infeasible instances name the constraint and the applications', () => {
  it('too few candidates for k', () => {
    const inst = base();
    inst.conflicts = [
      ['x1', 'a3'],
      ['y1', 'a3'],
      ['z1', 'a3'],
    ];
    expect(infeasibleOf(inst)).toEqual([
      {
        constraint: 'k',
        applications: ['a3'],
        experts: [],
        message: 'application a3 has only 1 candidates for k=2',
      },
    ]);
  });

  it('composition without a candidate of the category', () => {
    const inst = base();
    inst.forbid = [
      ['x1', 'a2'],
      ['x2', 'a2'],
    ];
    expect(infeasibleOf(inst)).toEqual([
      expect.objectContaining({
        constraint: 'composition',
        applications: ['a2'],
        message: 'composition academic=1 impossible for a2: no academic candidate',
      }),
    ]);
  });

  it('composition needing more seats than k', () => {
    const inst = { ...base(), composition: { academic: 1, industry: 1, lab: 1 } };
    expect(infeasibleOf(inst).map((v) => v.message)).toContain('composition needs 3 experts for a1 but k=2');
  });

  it('total min load above the seats, and total max load below them', () => {
    const heavy = base();
    heavy.experts = heavy.experts.map((e) => ({ ...e, minLoad: 2 }));
    expect(infeasibleOf(heavy).map((v) => v.message)).toContain('total min load 8 exceeds the 6 seats');
    const light = base();
    light.experts = light.experts.map((e) => ({ ...e, maxLoad: 1 }));
    expect(infeasibleOf(light)).toContainEqual(
      expect.objectContaining({ constraint: 'maxLoad', message: 'total max load 4 is below the 6 seats' }),
    );
  });

  it('capacity that only the flow can see: the applications left short are named', () => {
    // Enough seats in total, but both academics can take one application each and a1–a3 all need one.
    const inst = base();
    inst.experts = inst.experts.map((e) => ({ ...e, maxLoad: e.category === 'academic' ? 1 : 3 }));
    const [v, ...rest] = infeasibleOf(inst);
    expect(rest).toEqual([]);
    expect(v!.constraint).toBe('maxLoad');
    expect(v!.applications).toHaveLength(1);
    expect(v!.message).toMatch(/^application a\d cannot get k experts with the required composition/);
  });

  it('an expert whose min load cannot be reached', () => {
    const inst = base();
    inst.k = 1;
    inst.composition = { academic: 1 };
    inst.experts = inst.experts.map((e) => (e.id === 'y1' ? { ...e, minLoad: 1 } : e));
    const [v] = infeasibleOf(inst);
    expect(v).toMatchObject({ constraint: 'minLoad', experts: ['y1'] });
    expect(v!.message).toMatch(/^expert y1 cannot reach minLoad 1/);
  });

  it('pins beyond k or beyond an expert’s max load', () => {
    const inst = base();
    inst.pins = [
      ['x1', 'a1'],
      ['x2', 'a1'],
      ['y1', 'a1'],
    ];
    expect(infeasibleOf(inst)).toContainEqual(
      expect.objectContaining({
        constraint: 'pins',
        applications: ['a1'],
        message: 'application a1 has 3 pinned experts for k=2',
      }),
    );
    const busy = base();
    busy.experts[2]!.maxLoad = 1;
    busy.pins = [
      ['y1', 'a1'],
      ['y1', 'a2'],
    ];
    expect(infeasibleOf(busy)).toContainEqual(
      expect.objectContaining({
        constraint: 'pins',
        experts: ['y1'],
        message: 'expert y1 has 2 pinned applications for maxLoad 1',
      }),
    );
  });
});

describe('invalid instances point at the offending value', () => {
  const pointers = (inst: unknown) => {
    const p = problemOf(inst);
    expect(p).toMatchObject({ code: 'assignment.invalid_instance', status: 400 });
    return p.code === 'assignment.invalid_instance' ? p.errors.map((e) => [e.pointer, e.code]) : [];
  };

  it('shape errors (zod) with JSON Pointers, unknown keys included', () => {
    const inst = base() as Record<string, unknown>;
    (inst.experts as Record<string, unknown>[])[1]!.category = 'student';
    inst.affinity = [['x1', 'a1', 'high']];
    inst.extra = true;
    expect(pointers(inst)).toEqual(
      expect.arrayContaining([
        ['/experts/1/category', 'invalid_value'],
        ['/affinity/0/2', 'invalid_type'],
        ['/extra', 'unrecognized_keys'],
      ]),
    );
    expect(pointers(null)).toEqual([['', 'invalid_type']]);
  });

  it('references, duplicates, load bounds and pins that are not candidates', () => {
    const inst = base();
    inst.experts.push(expert('x1', 'lab'));
    inst.experts[0]!.minLoad = 5;
    inst.affinity.push(['nobody', 'a1', 1], ['x2', 'a9', 1], ['x2', 'a1', 0.1]);
    inst.conflicts = [['y1', 'a1']];
    inst.pins = [
      ['y1', 'a1'],
      ['q', 'a1'],
    ];
    expect(pointers(inst)).toEqual([
      ['/experts/4/id', 'duplicate_id'],
      ['/experts/0/minLoad', 'min_above_max'],
      ['/pins/1/0', 'unknown_expert'],
      ['/affinity/12/0', 'unknown_expert'],
      ['/affinity/13/1', 'unknown_application'],
      ['/affinity/14', 'duplicate_pair'],
      ['/pins/0', 'pin_not_candidate'],
    ]);
  });
});
