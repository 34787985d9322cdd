import {
  createCipheriv,
  createDecipheriv,
  createHash,
  hkdfSync,
  randomBytes,
  randomInt,
  timingSafeEqual,
} from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { hashPassword, verifyPassword } from './password.js';

/** RFC 6238 defaults every authenticator app understands: SHA-1, six digits, 30-second steps. */
const PERIOD_SECONDS = 30;
/**
 * The current step and the one before it (ASVS 6.5.5, docs/adr/0014): a code typed in the last seconds of
 * its step still works after the step turns, so a code lives at most 60 s. A code of a later step (a phone
 * clock running ahead) is refused: accepting it would stretch a code's life to 90 s.
 */
const WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;

const totpOf = (secret: Secret, label = 'user') =>
  new TOTP({ issuer: 'Commonlab', label, secret, algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS });

export const newTotpSecret = () => new Secret({ size: 20 });

export function otpauthUri(secretBase32: string, username: string): string {
  return totpOf(Secret.fromBase32(secretBase32), username).toString();
}

/** The time step a code belongs to when it is valid at `now`, or null. */
export function matchingStep(secretBase32: string, code: string, now: Date): number | null {
  const delta = totpOf(Secret.fromBase32(secretBase32)).validate({
    token: code,
    timestamp: now.getTime(),
    window: WINDOW,
  });
  if (delta === null || delta > 0) return null;
  return Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

/** The code of `now` (tests and the demo use it; the server never shows a code). */
export const currentCode = (secretBase32: string, now: Date) =>
  totpOf(Secret.fromBase32(secretBase32)).generate({ timestamp: now.getTime() });

/*
 * The secret must be readable by the server to check codes, so it cannot be hashed; it is encrypted so
 * that a copy of the database or a backup alone does not give the second factor away (等保 §8.1.4.8,
 * authentication data stored confidentially). The key derives from SESSION_SECRET, which lives outside
 * the database; changing that secret voids the enrolments (docs/adr/0014).
 */
function keyOf(sessionSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', sessionSecret, 'commonlab', 'mfa-totp-secret-v1', 32));
}

export function encryptSecret(sessionSecret: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(sessionSecret), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')).join('.');
}

/** The plain secret, or null when it was encrypted under another SESSION_SECRET. */
export function decryptSecret(sessionSecret: string, sealed: string): string | null {
  const [iv, tag, data] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(sessionSecret), iv!);
    decipher.setAuthTag(tag!);
    return Buffer.concat([decipher.update(data!), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

// No 0/o, 1/l/i: a code read off paper is typed back without doubt.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten codes of ten characters (about 49 bits each), shown as xxxxx-xxxxx. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const s = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${s.slice(0, 5)}-${s.slice(5)}`;
  });
}

/** The code as typed, without spaces or dashes, lower-case: what is hashed and compared. */
const normaliseRecoveryCode = (code: string) => code.replace(/[\s-]+/g, '').toLowerCase();

/**
 * scrypt cost (log2 N) of recovery-code hashes, fixed here rather than PASSWORD_HASH_COST: a code has
 * ≈49 random bits, below the 112 for which ASVS 6.5.2 allows a plain hash, so each is salted and slowed;
 * 2^12 keeps the ten checks of one sign-in short. The parameters are stored with each hash.
 */
export const RECOVERY_CODE_HASH_COST = 12;

/** A salted scrypt hash of a recovery code (`scrypt$N$r$p$salt$key`, the prefix naming the version). */
export const hashRecoveryCode = (code: string) =>
  hashPassword(normaliseRecoveryCode(code), RECOVERY_CODE_HASH_COST);

/**
 * Whether a code matches a stored hash: a salted scrypt hash (the codes issued from now on), or the
 * plain SHA-256 hex of the codes issued before it, which cannot be re-hashed without the code and keep
 * working until used or replaced.
 */
export async function recoveryCodeMatches(code: string, stored: string): Promise<boolean> {
  const typed = normaliseRecoveryCode(code);
  if (stored.startsWith('scrypt$')) return verifyPassword(typed, stored);
  const legacy = Buffer.from(createHash('sha256').update(typed).digest('hex'));
  const kept = Buffer.from(stored);
  return legacy.length === kept.length && timingSafeEqual(legacy, kept);
}
