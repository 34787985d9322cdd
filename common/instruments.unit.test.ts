import { describe, expect, it } from 'vitest';
import { bookingPrice, onWholeHour, slotStarts, staffHoursPerDay, withinOpenHours } from './instruments.js';

describe('instrument booking rules', () => {
  it('splits a booking into its machine hours, across midnight too', () => {
    expect(slotStarts('2031-01-01T22:00:00.000Z', '2031-01-02T01:00:00.000Z')).toEqual([
      '2031-01-01T22:00:00.000Z',
      '2031-01-01T23:00:00.000Z',
      '2031-01-02T00:00:00.000Z',
    ]);
    expect(slotStarts('2031-01-01T10:00:00.000Z', '2031-01-01T10:00:00.000Z')).toEqual([]);
  });

  it('accepts whole hours only', () => {
    expect(onWholeHour('2031-01-01T10:00:00.000Z')).toBe(true);
    expect(onWholeHour('2031-01-01T10:30:00.000Z')).toBe(false);
    expect(onWholeHour('not a date')).toBe(false);
  });

  it('keeps bookings inside the daily open hours, the closing hour excluded', () => {
    const slots = slotStarts('2031-01-01T08:00:00.000Z', '2031-01-01T10:00:00.000Z');
    expect(withinOpenHours(slots, 8, 10)).toBe(true);
    expect(withinOpenHours(slots, 9, 18)).toBe(false);
    expect(withinOpenHours(['2031-01-01T10:00:00.000Z'], 8, 10)).toBe(false);
  });

  it("rounds the enterprises' green channel up, in their favour", () => {
    expect(staffHoursPerDay(8, 20, 25)).toBe(9);
    expect(staffHoursPerDay(8, 18, 25)).toBe(7); // 2.5 hours kept → 3
    expect(staffHoursPerDay(8, 18, 0)).toBe(10);
    expect(staffHoursPerDay(8, 18, 100)).toBe(0);
    expect(bookingPrice(3, 120_000)).toBe(360_000);
  });
});
