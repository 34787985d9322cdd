import type { Ctx } from '../http/context.js';
import { createUser } from '../modules/users/users.service.js';
import { seedDemoAnnouncements } from './demo-announcements.js';
import { seedDemoApplications } from './demo-applications.js';
import { seedDemoCalls } from './demo-calls.js';
import { seedChinaDemo } from './demo-cn.js';
import { seedDemoExpertAccounts } from './demo-expert-accounts.js';
import { seedDemoExperts } from './demo-experts.js';
import { seedFields } from './demo-fields.js';
import { seedNistInquiries } from './demo-inquiries.js';
import { seedDemoInstruments } from './demo-instruments.js';
import { seedNistLabEvaluations } from './demo-lab-evaluations.js';
import { NIST } from './demo-nist.js';
import { seedNistIp } from './demo-nist-ip.js';
import { ensurePlatform, seedPlatform } from './demo-platform.js';
import { US_PLATFORMS } from './demo-platforms-us.js';
import { WORLD_PLATFORMS } from './demo-platforms-world.js';
import { linkDemoProjectOutputs, seedDemoProjects } from './demo-projects.js';
import { seedDemoAtpProjects } from './demo-projects-atp.js';
import { seedNistResults } from './demo-results.js';
import { seedDemoReview } from './demo-review.js';
import { seedNistServices } from './demo-services.js';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users.js';

/** True when the database has no accounts yet (first run). */
export async function isEmpty(ctx: Pick<Ctx, 'db'>): Promise<boolean> {
  return !(await ctx.db.selectFrom('users').select('id').limit(1).executeTakeFirst());
}

/**
 * Loads the demo: the field taxonomy, NIST with its units and committee, the other platforms of the
 * source document, and one account per role on NIST. Idempotent per record: what exists (possibly
 * edited since) is left alone and only what is missing is added. Everything goes through the services,
 * so it is validated and audited like any other change.
 */
export async function seedDemo(outer: Ctx): Promise<{ platformId: string; createdUsers: string[] }> {
  // The demo answers its own consortium invitations by their tokens at once, so the services' warning
  // that a link was not e-mailed (no SMTP_URL) is noise while seeding; errors still show.
  const ctx: Ctx = { ...outer, log: outer.log.child({ seed: 'demo' }, { level: 'error' }) };
  await seedFields(ctx);
  // NIST and the accounts come first: the demo lab director and researcher are linked to NIST's people.
  const platformId = await ensurePlatform(ctx, NIST);
  const created: string[] = [];
  for (const u of DEMO_USERS) {
    const exists = await ctx.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', u.username)
      .executeTakeFirst();
    if (exists) continue;
    await createUser(
      ctx,
      {
        username: u.username,
        displayName: u.displayName,
        password: DEMO_PASSWORD,
        isSystemAdmin: u.systemAdmin ?? false,
        isSecurityAdmin: u.adminKind === 'security_admin',
        isAuditAdmin: u.adminKind === 'audit_admin',
        roles: u.roles.map((role) => ({ platformId, role })),
      },
      { demoSeed: true },
    );
    created.push(u.username);
  }
  await seedPlatform(ctx, NIST);
  await seedNistResults(ctx, platformId);
  await seedNistIp(ctx, platformId);
  for (const spec of [...US_PLATFORMS, ...WORLD_PLATFORMS]) await seedPlatform(ctx, spec);
  await seedDemoCalls(ctx);
  await seedDemoApplications(ctx);
  await seedDemoExperts(ctx);
  await seedDemoReview(ctx);
  await seedDemoProjects(ctx, platformId);
  await linkDemoProjectOutputs(ctx, platformId);
  await seedDemoAtpProjects(ctx);
  // After the ATP projects: their decided checks seat directory experts that had no account, so that
  // nobody is left a scorecard to fill (demo-projects-atp.checks.ts); the accounts come afterwards.
  await seedDemoExpertAccounts(ctx);
  await seedNistLabEvaluations(ctx, platformId);
  await seedNistServices(ctx, platformId);
  await seedNistInquiries(ctx, platformId);
  const cnPlatformId = await seedChinaDemo(ctx);
  // The portal's 仪器 and 通知公告 pages of both platforms, after the accounts' roles there are set.
  for (const [id, which] of [
    [platformId, 'nist'],
    [cnPlatformId, 'cn'],
  ] as const) {
    await seedDemoInstruments(ctx, id, which);
    await seedDemoAnnouncements(ctx, id, which);
  }
  return { platformId, createdUsers: created };
}
