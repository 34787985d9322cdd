import type { Command } from 'commander';
import { ADMIN_KINDS, type AdminKind, ROLES, type Role } from '../common/roles.js';
import { type CliCtx, withDb } from './cli.context.js';
import { platformIdOfCode } from './modules/platforms/platforms.lookup.js';
import { grantAdminKind, revokeAdminKind } from './modules/users/users.security.service.js';
import { createUser, findUserIdByUsername, resetPassword, setRoles } from './modules/users/users.service.js';

/** "NIST:program_officer" → assignment; platform codes match case-insensitively, as in every other command. */
async function parseRoles(ctx: CliCtx, specs: string[]) {
  const out: { platformId: string; role: Role }[] = [];
  for (const spec of specs) {
    const [code, role] = spec.split(':');
    if (!code || !role || !(ROLES as readonly string[]).includes(role)) {
      throw new Error(`role "${spec}" must be PLATFORM_CODE:ROLE, ROLE one of ${ROLES.join(', ')}`);
    }
    const platformId = await platformIdOfCode(ctx.db, code);
    if (!platformId) throw new Error(`no platform with code ${code}`);
    out.push({ platformId, role: role as Role });
  }
  return out;
}

function requirePasswordEnv(): string {
  const pw = process.env.COMMONLAB_PASSWORD;
  if (!pw) throw new Error('set COMMONLAB_PASSWORD to the password (kept out of shell history and ps)');
  return pw;
}

/** `commonlab user add|passwd|roles`: accounts from the command line (the first administrator, recovery). */
export function registerAccountCommands(program: Command): void {
  type AddOptions = {
    name: string;
    email?: string;
    systemAdmin: boolean;
    securityAdmin: boolean;
    auditAdmin: boolean;
    role: string[];
  };
  const user = program.command('user').description('Manage accounts');
  user
    .command('add <username>')
    .description('Create an account; the password is read from COMMONLAB_PASSWORD')
    .requiredOption('--name <displayName>', 'display name')
    .option('--email <email>')
    .option('--system-admin', 'system administrator: accounts, platforms, configuration', false)
    .option('--security-admin', 'security administrator: roles, second factors, unlocks', false)
    .option('--audit-admin', 'audit administrator: reads and exports the audit log', false)
    .option('--role <PLATFORM:ROLE...>', `roles, ROLE one of ${ROLES.join(', ')}`, [])
    .action((username: string, o: AddOptions) =>
      withDb(async (ctx) => {
        const password = requirePasswordEnv();
        // One administrator kind at most: createUser refuses two (users.admin_kinds_exclusive, 422).
        const u = await createUser(ctx, {
          username,
          displayName: o.name,
          email: o.email ?? null,
          password,
          isSystemAdmin: o.systemAdmin,
          isSecurityAdmin: o.securityAdmin,
          isAuditAdmin: o.auditAdmin,
          roles: await parseRoles(ctx, o.role),
        });
        process.stdout.write(`created ${u.username} (${u.id})\n`);
      }),
    );
  user
    .command('passwd <username>')
    .description(
      'Set a new password (from COMMONLAB_PASSWORD); clears lockout, ends sessions, revokes API tokens',
    )
    .action((username: string) =>
      withDb(async (ctx) => {
        const id = await findUserIdByUsername(ctx.db, username);
        if (!id) throw new Error(`no user ${username}`);
        await resetPassword(ctx, id, requirePasswordEnv());
        process.stdout.write(`password of ${username} changed\n`);
      }),
    );
  user
    .command('roles <username> [PLATFORM:ROLE...]')
    .description('Replace the roles of an account (none given: remove all)')
    .option('--admin <KIND>', `make the account ${ADMIN_KINDS.join(', ')} (refused when it holds another)`)
    .option('--no-admin', 'take every administrator kind away')
    .action((username: string, specs: string[], o: { admin?: AdminKind | false }) =>
      withDb(async (ctx) => {
        const id = await findUserIdByUsername(ctx.db, username);
        if (!id) throw new Error(`no user ${username}`);
        if (o.admin === false) for (const kind of ADMIN_KINDS) await revokeAdminKind(ctx, id, kind);
        else if (o.admin !== undefined) {
          if (!ADMIN_KINDS.includes(o.admin)) throw new Error(`--admin: one of ${ADMIN_KINDS.join(', ')}`);
          await grantAdminKind(ctx, id, o.admin);
        }
        const u = await setRoles(ctx, id, await parseRoles(ctx, specs));
        process.stdout.write(`${username}: ${u.roles.map((r) => r.role).join(', ') || 'no roles'}\n`);
      }),
    );
}
