import { describe, expect, it } from 'vitest';
import { passwordStateOf } from './password-expiry.js';

const set = '2026-01-01T00:00:00.000Z';

describe('passwordStateOf', () => {
  it('never expires a password when the maximum age is 0', () => {
    expect(
      passwordStateOf({ passwordChangedAt: set, passwordChangeRequired: false }, 0, new Date('2036-01-01')),
    ).toEqual({ mustChange: false, reason: null, expiresAt: null });
  });

  it('expires it at the instant its age reaches the maximum, not before', () => {
    const account = { passwordChangedAt: set, passwordChangeRequired: false };
    const expiresAt = '2026-04-01T00:00:00.000Z';
    expect(passwordStateOf(account, 90, new Date('2026-03-31T23:59:59.999Z'))).toEqual({
      mustChange: false,
      reason: null,
      expiresAt,
    });
    expect(passwordStateOf(account, 90, new Date(expiresAt))).toEqual({
      mustChange: true,
      reason: 'expired',
      expiresAt,
    });
  });

  it('names an administrator’s password first, even when it is also old', () => {
    expect(
      passwordStateOf({ passwordChangedAt: set, passwordChangeRequired: true }, 30, new Date('2027-01-01'))
        .reason,
    ).toBe('set_by_admin');
  });
});
