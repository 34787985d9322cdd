import { describe, expect, it } from 'vitest';
import { CALL_TRANSITIONS, callCriteria, canTransition, DEFAULT_CRITERIA, effectiveState } from './calls.js';

const call = {
  state: 'published',
  opensAt: '2026-06-02T00:00:00.000Z',
  closesAt: '2026-06-03T00:00:00.000Z',
};

describe('call state machine', () => {
  it('is upcoming before opens_at, open up to the instant before closes_at, closed from it on', () => {
    expect(effectiveState(call, new Date('2026-06-01T23:59:59.999Z'))).toBe('upcoming');
    expect(effectiveState(call, new Date('2026-06-02T00:00:00.000Z'))).toBe('open');
    expect(effectiveState(call, new Date('2026-06-02T23:59:59.999Z'))).toBe('open');
    expect(effectiveState(call, new Date('2026-06-03T00:00:00.000Z'))).toBe('closed');
    expect(effectiveState({ ...call, state: 'draft' }, new Date('2026-06-02T12:00:00Z'))).toBe('draft');
    expect(effectiveState({ ...call, state: 'closed' }, new Date('2026-06-02T12:00:00Z'))).toBe('closed');
  });

  it('allows each action only from its states', () => {
    expect(canTransition('draft', 'publish')).toBe(true);
    expect(canTransition('published', 'publish')).toBe(false);
    expect(canTransition('published', 'close')).toBe(true);
    expect(canTransition('closed', 'extend_deadline')).toBe(false);
    expect(canTransition('decided', 'archive')).toBe(true);
    for (const [action, t] of Object.entries(CALL_TRANSITIONS))
      expect(canTransition('archived', action as keyof typeof CALL_TRANSITIONS), action).toBe(
        (t.from as readonly string[]).includes('archived'),
      );
  });
});

describe('dual-evaluation criteria', () => {
  const withWeights = (w: number[]) => ({
    ...DEFAULT_CRITERIA,
    items: DEFAULT_CRITERIA.items.map((i, k) => ({ ...i, weight: w[k]! })),
  });

  it('takes weights that add up to 1 or to 100', () => {
    expect(callCriteria.safeParse(DEFAULT_CRITERIA).success).toBe(true);
    expect(callCriteria.safeParse(withWeights([0.1, 0.2, 0.3, 0.3, 0.1])).success).toBe(true);
    expect(callCriteria.safeParse(withWeights([10, 20, 30, 30, 10])).success).toBe(true);
  });

  it('refuses other sums, a criterion twice, and an empty scale', () => {
    const sum = callCriteria.safeParse(withWeights([0.1, 0.2, 0.3, 0.3, 0.2]));
    expect(sum.success).toBe(false);
    expect(sum.error?.issues[0]?.path).toEqual(['items']);
    const twice = callCriteria.safeParse({
      ...DEFAULT_CRITERIA,
      items: DEFAULT_CRITERIA.items.map((i) => ({ ...i, key: 'impact' })),
    });
    expect(twice.success).toBe(false);
    const scale = callCriteria.safeParse({ ...DEFAULT_CRITERIA, scale: { min: 5, max: 5 } });
    expect(scale.error?.issues[0]?.path).toEqual(['scale', 'max']);
  });
});
