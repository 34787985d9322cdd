import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_MFA_REQUIRED_ROLES, MFA_ROLE_NAMES, type MfaRoleName } from '../common/roles.js';

/** log2 of scrypt's N for new password hashes: N = 16384, the production default (modules/auth/password.ts). */
export const DEFAULT_PASSWORD_HASH_COST = 14;

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Every environment variable Commonlab reads; the README table is written from this list. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  // How long a resolved session or token may be reused without reading it again; the bound on revocations
  // written by another process (docs/sign-in.md 'Lookup cache'), and of a kept answer such as the users list
  // ('Answer cache'). 0 = read on every request.
  AUTH_CACHE_MS: z.coerce.number().int().min(0).max(1000).default(1000),
  COOKIE_SECURE: bool.default(false),
  TRUST_PROXY: bool.default(false),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(1024 * 1024),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10000).default(20),
  // After this many failed sign-ins of one user name or from one address (within LOGIN_LOCKOUT_MINUTES) a
  // sign-in must carry a solved proof-of-work challenge (docs/adr/0032). 0 = never.
  LOGIN_CHALLENGE_AFTER_FAILURES: z.coerce.number().int().min(0).max(100).default(3),
  // The largest counter a challenge's solver may have to reach (one SHA-256 per step): about 0.2–1 s in a
  // browser at the default. Tests lower it.
  LOGIN_CHALLENGE_DIFFICULTY: z.coerce.number().int().min(10).max(10_000_000).default(100_000),
  // Signs the challenges; derived from the session secret when not set.
  CHALLENGE_HMAC_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  // Forgot password by e-mail (docs/sign-in.md): a link's lifetime, and how many links one address may be
  // sent per hour (more requests get the same answer and no e-mail) and one client may ask per minute.
  PASSWORD_RESET_MINUTES: z.coerce.number().int().min(5).max(1440).default(30),
  PASSWORD_RESET_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).max(100).default(3),
  PASSWORD_RESET_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10000).default(5),
  MFA_REQUIRED_ROLES: z
    .string()
    .default(DEFAULT_MFA_REQUIRED_ROLES.join(','))
    .transform((v, c) => {
      // "none" lets a deployment (or a test harness) require the second factor of nobody.
      if (v.trim() === 'none') return [] as MfaRoleName[];
      const names = v
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean);
      const bad = names.filter((n) => !(MFA_ROLE_NAMES as readonly string[]).includes(n));
      if (bad.length)
        c.addIssue({
          code: 'custom',
          message: `unknown role ${bad.join(', ')}; one of ${MFA_ROLE_NAMES.join(', ')} or none`,
        });
      return names as MfaRoleName[];
    }),
  PASSWORD_HISTORY: z.coerce.number().int().min(0).max(24).default(5),
  // log2 of scrypt's N for new password hashes. Meant for the test harness, which lowers it; production
  // refuses anything below the default (loadConfig) and may raise it. Stored hashes carry their own N.
  PASSWORD_HASH_COST: z.coerce.number().int().min(1).max(17).default(DEFAULT_PASSWORD_HASH_COST),
  // 0 = passwords do not expire (ASVS 6.2.10, NIST SP 800-63B); a 等保 deployment sets its period, e.g. 90.
  PASSWORD_MAX_AGE_DAYS: z.coerce.number().int().min(0).max(3650).default(0),
  SEED_DEMO: bool.default(true),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600000).default(10000),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  SMTP_FROM: z.string().min(3).default('Commonlab <no-reply@commonlab.local>'),
  AUDIT_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
  AUDIT_CHECKPOINT_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60),
  AUDIT_SYSLOG: z
    .string()
    .regex(/^udp:\/\/(\[[^\]]+\]|[^:/]+):\d{1,5}\/?$/, 'must be udp://host:port')
    .optional(),
  AUDIT_SYSLOG_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  OPEN_DATA_LICENCE: z.string().min(1).max(200).default('CC-BY-4.0'),
  OPEN_DATA_LICENCE_URL: z.url().optional(),
  OPEN_DATA_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(300),
  OPEN_DATA_DUMP_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60),
  // Minutes between runs of the reminders of reports due; 0 = off. Off by default under NODE_ENV=test.
  // List exports (docs/exports.md): rows read per page of the list, and the most rows one file may hold,
  // Excel's sheet limit less the header by default (a larger list is refused, 422). Tests lower both.
  EXPORT_PAGE_ROWS: z.coerce.number().int().min(1).max(5000).default(200),
  EXPORT_MAX_ROWS: z.coerce.number().int().min(1).max(1_048_575).default(1_048_575),
  REPORT_REMINDER_MINUTES: z.coerce.number().int().min(0).max(10_080).optional(),
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^/]+/, 'must be an http:// or https:// URL')
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
});

export type Config = ReturnType<typeof loadConfig>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment (only place that reads process.env); throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const raw = Object.fromEntries(
    Object.keys(envSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && e.PASSWORD_HASH_COST < DEFAULT_PASSWORD_HASH_COST) {
    throw new ConfigError([
      `PASSWORD_HASH_COST: below ${DEFAULT_PASSWORD_HASH_COST} is for tests only and refused when NODE_ENV=production`,
    ]);
  }
  const dataDir = path.resolve(e.DATA_DIR);
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    sessionSecret: e.SESSION_SECRET ?? readOrCreateSecret(dataDir),
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    authCacheMs: e.AUTH_CACHE_MS,
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockoutMinutes: e.LOGIN_LOCKOUT_MINUTES,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    loginChallengeAfterFailures: e.LOGIN_CHALLENGE_AFTER_FAILURES,
    loginChallengeDifficulty: e.LOGIN_CHALLENGE_DIFFICULTY,
    challengeHmacKey: e.CHALLENGE_HMAC_KEY ?? null,
    passwordResetMinutes: e.PASSWORD_RESET_MINUTES,
    passwordResetPerAddressPerHour: e.PASSWORD_RESET_PER_ADDRESS_PER_HOUR,
    passwordResetRateLimitPerMinute: e.PASSWORD_RESET_RATE_LIMIT_PER_MINUTE,
    mfaRequiredRoles: Object.freeze([...new Set(e.MFA_REQUIRED_ROLES)]) as readonly MfaRoleName[],
    passwordHistory: e.PASSWORD_HISTORY,
    passwordHashCost: e.PASSWORD_HASH_COST,
    passwordMaxAgeDays: e.PASSWORD_MAX_AGE_DAYS,
    seedDemo: e.SEED_DEMO,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    smtpUrl: e.SMTP_URL,
    smtpFrom: e.SMTP_FROM,
    auditKey: e.AUDIT_KEY ?? readOrCreateSecret(dataDir, 'audit-key'),
    auditCheckpointFile: path.resolve(
      e.AUDIT_CHECKPOINT_FILE ?? path.join(dataDir, 'audit-checkpoints.jsonl'),
    ),
    auditCheckpointMinutes: e.AUDIT_CHECKPOINT_MINUTES,
    auditSyslog: e.AUDIT_SYSLOG,
    auditSyslogIntervalMs: e.AUDIT_SYSLOG_INTERVAL_MS,
    openData: Object.freeze({
      licence: e.OPEN_DATA_LICENCE,
      licenceUrl:
        e.OPEN_DATA_LICENCE_URL ??
        (e.OPEN_DATA_LICENCE === 'CC-BY-4.0' ? 'https://creativecommons.org/licenses/by/4.0/' : null),
      rateLimitPerMinute: e.OPEN_DATA_RATE_LIMIT_PER_MINUTE,
      /** Minutes between bulk-dump regenerations (a dump is written only when the data changed); 0 = off. */
      dumpMinutes: e.OPEN_DATA_DUMP_MINUTES,
    }),
    /** Minutes between runs of the reminders of reports due (docs/projects.md); 0 = off. */
    exportPageRows: e.EXPORT_PAGE_ROWS,
    exportMaxRows: e.EXPORT_MAX_ROWS,
    reportReminderMinutes: e.REPORT_REMINDER_MINUTES ?? (e.NODE_ENV === 'test' ? 0 : 60),
    publicUrl: e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`,
  });
}

/** A secret generated on first run and kept under DATA_DIR, so no deployment shares a default. */
function readOrCreateSecret(dataDir: string, name = 'session-secret'): string {
  const file = path.join(dataDir, name);
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    // An emptied or truncated file would sign every cookie with a guessable key.
    if (kept.length < 32) {
      throw new ConfigError([
        `${name === 'session-secret' ? 'SESSION_SECRET' : 'AUDIT_KEY'}: ${file} holds fewer than 32 characters; delete it to generate a new one`,
      ]);
    }
    return kept;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return secret;
}

/** Names and defaults of the variables, for `commonlab --help` and the README. */
export const configVariables = Object.keys(envSchema.shape);
