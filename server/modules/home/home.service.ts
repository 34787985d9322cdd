import type { Ctx } from '../../http/context.js';
import { readableAuditScope } from '../audit/audit.policy.js';
import { can as canUsers } from '../users/users.policy.js';

const count = (n: { n: number | string | bigint } | undefined) => Number(n?.n ?? 0);

/** Counts for the home page; a count the caller may not see is null rather than leaked. */
export async function homeSummary(ctx: Ctx) {
  const actor = ctx.actor!;
  const now = ctx.clock.now().toISOString();
  const idleSince = new Date(
    ctx.clock.now().getTime() - ctx.config.sessionIdleMinutes * 60_000,
  ).toISOString();
  const platforms = count(
    await ctx.db
      .selectFrom('platforms')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
  );
  const auditScope = readableAuditScope(actor);
  let users: number | null = null;
  if (canUsers(actor, 'users.list') && actor.isSystemAdmin) {
    users = count(
      await ctx.db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst(),
    );
  }
  const activeSessions = actor.isSystemAdmin
    ? count(
        await ctx.db
          .selectFrom('sessions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('expires_at', '>', now)
          // An idle session is dead even before a request of its own comes and deletes it.
          .where('last_seen_at', '>=', idleSince)
          .executeTakeFirst(),
      )
    : null;
  let auditEntries: number | null = null;
  if (auditScope === 'all' || auditScope.length > 0) {
    let q = ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n'));
    if (auditScope !== 'all') q = q.where('platform_id', 'in', auditScope);
    auditEntries = count(await q.executeTakeFirst());
  }
  return {
    platforms,
    myRoles: actor.roles.length,
    myPlatforms: new Set(actor.roles.map((r) => r.platformId)).size,
    users,
    activeSessions,
    auditEntries,
  };
}
