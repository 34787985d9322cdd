import { describe, expect, it } from 'vitest';
import { catalogPrice, isOverdue, nextRequestActions, requestTarget, surveyDueOn } from './services.js';

describe('the service request state machine', () => {
  it('offers each side only its own legal moves', () => {
    expect(nextRequestActions('submitted', ['enterprise'])).toEqual(['cancel']);
    expect(nextRequestActions('submitted', ['unit'])).toEqual(['quote', 'cancel']);
    expect(nextRequestActions('delivered', ['enterprise'])).toEqual(['rate', 'rework', 'dispute']);
    expect(nextRequestActions('disputed', ['platform'])).toEqual(['resolve']);
    expect(nextRequestActions('closed', ['enterprise', 'unit', 'platform'])).toEqual([]);
  });
  it('refuses an illegal step and leads rework back to work', () => {
    expect(requestTarget('submitted', 'accept')).toBeNull();
    expect(requestTarget('in_progress', 'cancel')).toBeNull();
    expect(requestTarget('delivered', 'rework')).toBe('in_progress');
  });
  it('flags open work past its date, prices by rule, and dates the survey a year on', () => {
    expect(isOverdue('in_progress', '2026-01-01', '2026-01-02')).toBe(true);
    expect(isOverdue('delivered', '2026-01-01', '2026-01-02')).toBe(false);
    expect(isOverdue('in_progress', '2026-01-02', '2026-01-02')).toBe(false);
    expect(catalogPrice('per_sample', 800, 3)).toBe(2400);
    expect(catalogPrice('fixed', 800, 3)).toBe(800);
    expect(surveyDueOn('2026-03-01T10:00:00.000Z')).toBe('2027-03-01');
  });
});
