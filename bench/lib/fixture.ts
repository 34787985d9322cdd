import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { ROLES, type Role } from '../../common/roles.js';
import { type Config, loadConfig } from '../../server/config.js';
import { appendAudit } from '../../server/db/audit-chain.js';
import { createDatabase, type Database, targetFromConfig } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import {
  type Clock,
  type Ctx,
  cliActor,
  isoNow,
  newId,
  systemClock,
  type UserActor,
} from '../../server/http/context.js';
import { hashPassword } from '../../server/modules/auth/password.js';

export interface BenchDatabase {
  config: Config;
  database: Database;
  clock: Clock;
  /** A service context acting as the CLI (full rights), for arranging data through the services. */
  ctx(actor?: UserActor): Ctx;
  close(): Promise<void>;
}

/** A fresh migrated SQLite database under os.tmpdir(), configured as in production (LOG_LEVEL=info). */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'commonlab-bench-'));
  const config = loadConfig({
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    SEED_DEMO: 'false',
  });
  const database = createDatabase(targetFromConfig(config));
  await migrateToLatest(database.db as never);
  const log = pino({ level: 'silent' });
  return {
    config,
    database,
    clock: systemClock,
    ctx: (actor = cliActor('bench')) => ({
      db: database.db,
      seam: database.seam,
      actor,
      requestId: null,
      log,
      clock: systemClock,
      config,
    }),
    async close() {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Deterministic pseudo-random numbers (mulberry32), so every run seeds the same data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
];
const CHUNK = 500;

export interface SeededUsers {
  platformIds: string[];
  userIds: string[];
  roleAssignments: number;
}

/**
 * Inserts platforms and `users` accounts with 1–3 roles each, directly with Kysely in one transaction.
 * Creating them through createUser would cost a scrypt hash (~50 ms) each, so all share one precomputed
 * hash; nobody signs in as them. Platform creation is audited as the demo seed does.
 */
export async function seedUsers(
  ctx: Ctx,
  opts: { users: number; platforms: number; seed?: number },
): Promise<SeededUsers> {
  const random = seededRandom(opts.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const passwordHash = await hashPassword(randomBytes(18).toString('base64url'));
  const now = isoNow(ctx.clock);
  const platforms = Array.from({ length: opts.platforms }, (_, i) => ({
    id: newId(),
    code: `P${String(i + 1).padStart(2, '0')}`,
    name_zh: `共性技术服务平台 ${i + 1}`,
    name_en: `Generic technology platform ${i + 1}`,
    model: pick(['gov_institute', 'ppp_program', 'tech_alliance']),
    created_at: now,
    updated_at: now,
  }));
  const start = Date.parse(now) - opts.users * 60_000;
  const users = Array.from({ length: opts.users }, (_, i) => {
    const at = new Date(start + i * 60_000).toISOString();
    const n = String(i + 1).padStart(5, '0');
    return {
      id: newId(),
      username: `user${n}`,
      display_name: `${pick(SURNAMES)}${pick(GIVEN)} ${n}`,
      email: random() < 0.8 ? `user${n}@example.org` : null,
      password_hash: passwordHash,
      is_system_admin: 0 as const,
      locale: random() < 0.85 ? 'zh-CN' : 'en-US',
      locked_until: null,
      disabled_at: random() < 0.03 ? at : null,
      password_changed_at: at,
      created_at: at,
      updated_at: at,
    };
  });
  const roles = users.flatMap((u) => {
    const wanted = new Map<string, { platform_id: string; role: Role }>();
    const count = 1 + Math.floor(random() * 3);
    for (let k = 0; k < count; k++) {
      const r = { platform_id: pick(platforms).id, role: pick(ROLES) };
      wanted.set(`${r.platform_id}:${r.role}`, r);
    }
    return [...wanted.values()].map((r) => ({ id: newId(), user_id: u.id, ...r, created_at: u.created_at }));
  });
  await ctx.db.transaction().execute(async (trx) => {
    for (const p of platforms) {
      await trx.insertInto('platforms').values(p).execute();
      await appendAudit(trx, ctx.seam, ctx, {
        action: 'platform.created',
        entityType: 'platform',
        entityId: p.id,
        platformId: p.id,
        after: p,
      });
    }
    for (let i = 0; i < users.length; i += CHUNK)
      await trx
        .insertInto('users')
        .values(users.slice(i, i + CHUNK))
        .execute();
    for (let i = 0; i < roles.length; i += CHUNK)
      await trx
        .insertInto('role_assignments')
        .values(roles.slice(i, i + CHUNK))
        .execute();
  });
  return {
    platformIds: platforms.map((p) => p.id),
    userIds: users.map((u) => u.id),
    roleAssignments: roles.length,
  };
}

/** Row counts of the main tables, for the report. */
export async function countRows(db: Ctx['db']): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['platforms', 'users', 'role_assignments', 'api_tokens', 'audit_log'] as const) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}
