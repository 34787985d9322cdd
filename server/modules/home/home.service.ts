import type { Ctx } from '../../http/context.js';
import { readableAuditScope } from '../audit/audit.policy.js';
import { countAuditEntries } from '../audit/audit.service.js';
import { countActiveSessions } from '../auth/auth.service.js';
import { platformCount } from '../platforms/platforms.lookup.js';
import { countAccounts } from '../users/users.accounts.js';
import { can as canUsers } from '../users/users.policy.js';

/** Counts for the home page; a count the caller may not see is null rather than leaked. */
export async function homeSummary(ctx: Ctx) {
  const actor = ctx.actor!;
  const now = ctx.clock.now().toISOString();
  const idleSince = new Date(
    ctx.clock.now().getTime() - ctx.config.sessionIdleMinutes * 60_000,
  ).toISOString();
  const platforms = await platformCount(ctx.db);
  const auditScope = readableAuditScope(actor);
  const users = canUsers(actor, 'users.list') && actor.isSystemAdmin ? await countAccounts(ctx.db) : null;
  // An idle session is dead even before a request of its own comes and deletes it.
  const activeSessions = actor.isSystemAdmin ? await countActiveSessions(ctx.db, now, idleSince) : null;
  const auditEntries =
    auditScope === 'all' || auditScope.length > 0 ? await countAuditEntries(ctx.db, auditScope) : null;
  return {
    platforms,
    myRoles: actor.roles.length,
    myPlatforms: new Set(actor.roles.map((r) => r.platformId)).size,
    users,
    activeSessions,
    auditEntries,
  };
}
