import { randomBytes, type ScryptOptions, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { DEFAULT_PASSWORD_HASH_COST } from '../../config.js';

const scrypt = (pw: string, salt: Buffer, len: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(pw, salt, len, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );

const R = 8;
const P = 1;
const KEY_LEN = 32;
// scrypt needs 128·N·r bytes; room for the largest N a stored hash may name (cost 17, see config.ts).
const MAXMEM = 256 * 2 ** 17 * R;

// Set once per process from the configuration (buildApp, the CLI). The test harness lowers it so that
// thousands of sign-ins do not each burn tens of milliseconds of CPU; verification never reads it.
let cost = DEFAULT_PASSWORD_HASH_COST;

/** The cost (log2 N) of hashes made from now on; PASSWORD_HASH_COST in config.ts. */
export function setPasswordHashCost(log2N: number): void {
  cost = log2N;
}

/** scrypt$N$r$p$salt$key — parameters stored with the hash, so a hash verifies whatever the cost is now. */
export async function hashPassword(password: string, log2N = cost): Promise<string> {
  const salt = randomBytes(16);
  const N = 2 ** log2N;
  const key = await scrypt(password.normalize('NFKC'), salt, KEY_LEN, { N, r: R, p: P, maxmem: MAXMEM });
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, key] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scrypt(password.normalize('NFKC'), Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAXMEM,
  });
  return timingSafeEqual(actual, expected);
}

/** Burns the same time as a real check so unknown user names are not revealed by timing. */
const dummies = new Map<number, Promise<string>>();
export async function verifyAgainstDummy(password: string): Promise<false> {
  // At the current cost, so an unknown name costs what a known one with a fresh hash does.
  let dummy = dummies.get(cost);
  if (!dummy) {
    dummy = hashPassword('commonlab-dummy-password');
    dummies.set(cost, dummy);
  }
  await verifyPassword(password, await dummy);
  return false;
}
