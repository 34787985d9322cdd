import type { Ctx } from '../http/context.js';
import { isoNow, newId } from '../http/context.js';
import { appendAudit } from '../modules/audit/audit.chain.js';
import { createUser } from '../modules/users/users.service.js';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users.js';

/** True when the database has no accounts yet (first run). */
export async function isEmpty(ctx: Pick<Ctx, 'db'>): Promise<boolean> {
  return !(await ctx.db.selectFrom('users').select('id').limit(1).executeTakeFirst());
}

/**
 * Loads the demo: the NIST platform and one account per role on it. Idempotent per record:
 * existing platforms and users are left alone.
 */
export async function seedDemo(ctx: Ctx): Promise<{ platformId: string; createdUsers: string[] }> {
  let platform = await ctx.db
    .selectFrom('platforms')
    .select('id')
    .where('code', '=', 'NIST')
    .executeTakeFirst();
  if (!platform) {
    const now = isoNow(ctx.clock);
    const row = {
      id: newId(),
      code: 'NIST',
      name_zh: '美国国家标准与技术研究院',
      name_en: 'National Institute of Standards and Technology',
      model: 'gov_institute',
      created_at: now,
      updated_at: now,
    };
    await ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto('platforms').values(row).execute();
      await appendAudit(trx, ctx.seam, ctx, {
        action: 'platform.created',
        entityType: 'platform',
        entityId: row.id,
        platformId: row.id,
        after: row,
      });
    });
    platform = { id: row.id };
  }
  const created: string[] = [];
  for (const u of DEMO_USERS) {
    const exists = await ctx.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', u.username)
      .executeTakeFirst();
    if (exists) continue;
    await createUser(ctx, {
      username: u.username,
      displayName: u.displayName,
      password: DEMO_PASSWORD,
      isSystemAdmin: u.systemAdmin ?? false,
      roles: u.roles.map((role) => ({ platformId: platform.id, role })),
    });
    created.push(u.username);
  }
  return { platformId: platform.id, createdUsers: created };
}
