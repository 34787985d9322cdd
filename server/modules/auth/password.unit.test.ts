import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_PASSWORD_HASH_COST, loadConfig } from '../../config.js';
import { hashPassword, setPasswordHashCost, verifyAgainstDummy, verifyPassword } from './password.js';

const SECRETS = {
  SESSION_SECRET: 'a-session-secret-of-at-least-32-characters',
  AUDIT_KEY: 'an-audit-key-of-at-least-32-characters-long',
};
const nOf = (hash: string) => Number(hash.split('$')[1]);

// The suite hashes at a low cost (server/test/harness.ts); these tests keep the production default honest.
afterEach(() => setPasswordHashCost(DEFAULT_PASSWORD_HASH_COST));

describe('password hashing cost', () => {
  it('hashes with scrypt N = 16384, r = 8, p = 1 by default, and the hash verifies', async () => {
    const config = loadConfig({ ...SECRETS, NODE_ENV: 'production' });
    expect(config.passwordHashCost).toBe(14);
    setPasswordHashCost(config.passwordHashCost);
    const hash = await hashPassword('correct-horse-battery');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('correct-horse-battery', hash)).toBe(true);
    expect(await verifyPassword('correct-horse-batterY', hash)).toBe(false);
  });

  it('verifies a hash by the parameters stored in it, whatever the cost of new hashes is now', async () => {
    setPasswordHashCost(4);
    const cheap = await hashPassword('first-password');
    expect(nOf(cheap)).toBe(16);
    setPasswordHashCost(DEFAULT_PASSWORD_HASH_COST);
    const dear = await hashPassword('first-password');
    expect(nOf(dear)).toBe(16384);
    expect(await verifyPassword('first-password', cheap)).toBe(true);
    expect(await verifyPassword('second-password', cheap)).toBe(false);
    expect(await verifyPassword('first-password', dear)).toBe(true);
    // A raised cost (an operator's choice) also round-trips.
    expect(nOf(await hashPassword('first-password', 15))).toBe(32768);
  });

  it('checks unknown user names against a dummy hash and says no', async () => {
    expect(await verifyAgainstDummy('correct-horse-battery')).toBe(false);
    setPasswordHashCost(4);
    expect(await verifyAgainstDummy('commonlab-dummy-password')).toBe(false);
  });

  it('refuses a cost below the default in production, and accepts a higher one', () => {
    expect(() => loadConfig({ ...SECRETS, NODE_ENV: 'production', PASSWORD_HASH_COST: '4' })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ ...SECRETS, NODE_ENV: 'production', PASSWORD_HASH_COST: '4' })).toThrow(
      /PASSWORD_HASH_COST: below 14 is for tests only/,
    );
    expect(
      loadConfig({ ...SECRETS, NODE_ENV: 'production', PASSWORD_HASH_COST: '15' }).passwordHashCost,
    ).toBe(15);
    expect(loadConfig({ ...SECRETS, NODE_ENV: 'test', PASSWORD_HASH_COST: '4' }).passwordHashCost).toBe(4);
    expect(() => loadConfig({ ...SECRETS, PASSWORD_HASH_COST: '18' })).toThrow(/PASSWORD_HASH_COST/);
  });
});
