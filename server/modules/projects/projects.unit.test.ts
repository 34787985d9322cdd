import { describe, expect, it } from 'vitest';
import { endOfProjectMonth } from './projects.creation.js';

describe('milestone due dates from the work plan month', () => {
  it('ends month n the day before the same day n months later', () => {
    expect(endOfProjectMonth('2026-03-15', 1)).toBe('2026-04-14');
    expect(endOfProjectMonth('2026-03-15', 6)).toBe('2026-09-14');
    expect(endOfProjectMonth('2026-01-01', 12)).toBe('2026-12-31');
    expect(endOfProjectMonth('2026-12-06', 24)).toBe('2028-12-05');
  });

  it('clamps to the length of the target month', () => {
    expect(endOfProjectMonth('2026-01-31', 1)).toBe('2026-02-27');
    expect(endOfProjectMonth('2028-01-31', 1)).toBe('2028-02-28');
    expect(endOfProjectMonth('2026-03-31', 1)).toBe('2026-04-29');
  });
});
