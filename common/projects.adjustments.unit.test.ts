import { describe, expect, it } from 'vitest';
import { adjustedPlan, adjustmentLevel } from './projects.adjustments.js';

const A = 'org-a';
const B = 'org-b';

describe('adjustmentLevel: who approves a 预算调剂', () => {
  it('the unit approves a move between 业务费 and 劳务费 within one member', () => {
    expect(
      adjustmentLevel({
        changes: [
          { organisationId: A, category: 'operations', deltaMinor: -10_000 },
          { organisationId: A, category: 'labour', deltaMinor: 10_000 },
        ],
        endsOn: null,
      }),
    ).toEqual({ level: 'unit', grounds: [] });
  });

  it('the funder approves a move between members', () => {
    expect(
      adjustmentLevel({
        changes: [
          { organisationId: A, category: 'labour', deltaMinor: -10_000 },
          { organisationId: B, category: 'labour', deltaMinor: 10_000 },
        ],
        endsOn: null,
      }),
    ).toEqual({ level: 'funder', grounds: ['between_members'] });
  });

  it('the funder approves a change of the total, and an extension', () => {
    expect(
      adjustmentLevel({
        changes: [{ organisationId: A, category: 'operations', deltaMinor: 5 }],
        endsOn: '2030-01-01',
      }),
    ).toEqual({ level: 'funder', grounds: ['total', 'between_members', 'extension'] });
    expect(adjustmentLevel({ changes: [], endsOn: '2030-01-01' })).toEqual({
      level: 'funder',
      grounds: ['extension'],
    });
  });

  it('设备费 within a member: the unit up to the threshold, the funder above it', () => {
    const move = (n: number) => ({
      changes: [
        { organisationId: A, category: 'equipment' as const, deltaMinor: -n },
        { organisationId: A, category: 'operations' as const, deltaMinor: n },
      ],
      endsOn: null,
    });
    expect(adjustmentLevel(move(1000), 1000).level).toBe('unit');
    expect(adjustmentLevel(move(1001), 1000)).toEqual({ level: 'funder', grounds: ['equipment'] });
  });

  it('indirect costs change only with the funder', () => {
    expect(
      adjustmentLevel({
        changes: [
          { organisationId: A, category: 'indirect', deltaMinor: -1 },
          { organisationId: A, category: 'labour', deltaMinor: 1 },
        ],
        endsOn: null,
      }),
    ).toEqual({ level: 'funder', grounds: ['indirect'] });
  });
});

describe('adjustedPlan', () => {
  it('adds the approved changes to the frozen lines, a new line when the plan has none', () => {
    const plan = [
      { organisationId: A, category: 'operations' as const, amountMinor: 100 },
      { organisationId: A, category: 'labour' as const, amountMinor: 50 },
    ];
    expect(
      adjustedPlan(plan, [
        { changes: [{ organisationId: A, category: 'operations', deltaMinor: -30 }] },
        {
          changes: [
            { organisationId: A, category: 'labour', deltaMinor: 30 },
            { organisationId: B, category: 'equipment', deltaMinor: 7 },
          ],
        },
      ]),
    ).toEqual([
      { organisationId: A, category: 'operations', amountMinor: 70 },
      { organisationId: A, category: 'labour', amountMinor: 80 },
      { organisationId: B, category: 'equipment', amountMinor: 7 },
    ]);
    expect(plan[0]!.amountMinor).toBe(100);
  });
});
