import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Role, TokenScope } from '../../common/roles.js';
import type { Config } from '../config.js';
import type { DialectSeam } from '../db/dialect.js';
import type { DB } from '../db/schema.js';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export interface UserActor {
  kind: 'user';
  userId: string;
  username: string;
  displayName: string;
  isSystemAdmin: boolean;
  /** Grants roles, resets second factors, unlocks accounts (separation of duties, docs/adr/0014). */
  isSecurityAdmin: boolean;
  /** Reads, verifies and exports the whole deployment's audit log; nobody else does. */
  isAuditAdmin: boolean;
  roles: ReadonlyArray<{ platformId: string; role: Role }>;
  via: 'session' | 'token' | 'cli';
  scopes: ReadonlyArray<TokenScope>;
}
export type Actor = UserActor | null;

/** What every service function receives: no DI container, no base classes. */
export interface Ctx {
  db: Kysely<DB>;
  seam: DialectSeam;
  actor: Actor;
  requestId: string | null;
  log: FastifyBaseLogger;
  clock: Clock;
  config: Config;
}

export const newId = (): string => uuidv7();
export const isoNow = (clock: Clock): string => clock.now().toISOString();

export function hasRole(actor: Actor, role: Role, platformId?: string): boolean {
  return !!actor?.roles.some(
    (r) => r.role === role && (platformId === undefined || r.platformId === platformId),
  );
}

export function platformIdsWithRole(actor: Actor, roles: readonly Role[]): string[] {
  return [...new Set(actor?.roles.filter((r) => roles.includes(r.role)).map((r) => r.platformId) ?? [])];
}

/**
 * The actor for commands run on the server itself (CLI, first-run seed): full rights, audited as "cli".
 * Whoever runs commands on the server's machine already holds every key, so the CLI acts for all three
 * administrators; the separation binds the accounts of the web and the API.
 */
export function cliActor(label = 'cli'): UserActor {
  return {
    kind: 'user',
    userId: '',
    username: label,
    displayName: label,
    isSystemAdmin: true,
    isSecurityAdmin: true,
    isAuditAdmin: true,
    roles: [],
    via: 'cli',
    scopes: ['read', 'write'],
  };
}
