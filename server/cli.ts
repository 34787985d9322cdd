import { Command, Option } from 'commander';
import { ADMIN_KINDS, type AdminKind, ROLES, type Role } from '../common/roles.js';
import { ConfigError, loadConfig } from './config.js';
import { verifyAuditChain } from './db/audit-chain.js';
import { backup } from './db/backup.js';
import { restore } from './db/backup.restore.js';
import { storedFilesDir } from './files/stored-files.js';
import { AppError } from './http/errors.js';
import { verifyCheckpoints, writeCheckpoint } from './modules/audit/audit.checkpoint.js';
import { registerAssignCommand } from './modules/review/engines/assignment/assignment.cli.js';
import { techTransferReportCli } from './modules/ttreports/report.cli.js';
import { grantAdminKind, revokeAdminKind } from './modules/users/users.security.service.js';
import { createUser, findUserIdByUsername, resetPassword, setRoles } from './modules/users/users.service.js';
import { cliCtx, openDatabase } from './runtime.js';
import { seedDemo } from './seed/demo.js';

/** Runs `fn` against the configured database, closing it afterwards. */
async function withDb<T>(fn: (ctx: ReturnType<typeof cliCtx>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    return await fn(cliCtx(config, database));
  } finally {
    await database.close();
  }
}

async function platformIdOf(ctx: ReturnType<typeof cliCtx>, code: string): Promise<string> {
  const p = await ctx.db.selectFrom('platforms').select('id').where('code', '=', code).executeTakeFirst();
  if (!p) throw new Error(`no platform with code ${code}`);
  return p.id;
}

/** "NIST:program_officer" → assignment. */
async function parseRoles(ctx: ReturnType<typeof cliCtx>, specs: string[]) {
  const out: { platformId: string; role: Role }[] = [];
  for (const spec of specs) {
    const [code, role] = spec.split(':');
    if (!code || !role || !(ROLES as readonly string[]).includes(role)) {
      throw new Error(`role "${spec}" must be PLATFORM_CODE:ROLE, ROLE one of ${ROLES.join(', ')}`);
    }
    out.push({ platformId: await platformIdOf(ctx, code), role: role as Role });
  }
  return out;
}

export function buildCli(): Command {
  const program = new Command('commonlab')
    .description(
      'Commonlab — generic technology service platform. Configuration comes from environment variables (README).',
    )
    .showHelpAfterError();

  program
    .command('serve')
    .description('Migrate, seed demo data on first run, and serve UI + API')
    .action(async () => (await import('./main.js')).serve());

  program
    .command('migrate')
    .description('Apply pending database migrations')
    .action(() =>
      withDb(async () => {
        process.stdout.write('database is migrated to the latest version\n');
      }),
    );

  program
    .command('seed')
    .description('Load data')
    .requiredOption('--demo', 'load the demo platforms and one account per role')
    .action(() =>
      withDb(async (ctx) => {
        const r = await seedDemo(ctx);
        process.stdout.write(`demo data loaded; new accounts: ${r.createdUsers.join(', ') || 'none'}\n`);
      }),
    );

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

  const audit = program.command('audit').description('Audit log tools');
  audit
    .command('verify')
    .description(
      'Recompute the audit hash chain and check it against the signed checkpoints; exit code 1 when either fails',
    )
    .action(() =>
      withDb(async (ctx) => {
        const chain = await verifyAuditChain(ctx.db);
        const checkpoints = await verifyCheckpoints(ctx.db, ctx.config);
        process.stdout.write(`${JSON.stringify({ ...chain, checkpoints })}\n`);
        if (!chain.ok || !checkpoints.ok) process.exitCode = 1;
      }),
    );
  audit
    .command('checkpoint')
    .description('Append a signed checkpoint of the chain head to AUDIT_CHECKPOINT_FILE (run it from cron)')
    .action(() =>
      withDb(async (ctx) => {
        const c = await writeCheckpoint(ctx.db, ctx.config, new Date());
        process.stdout.write(`${JSON.stringify(c)}\n`);
      }),
    );

  program
    .command('open-data')
    .description('Open data (issue 15)')
    .command('dump')
    .description(
      'Write the bulk dumps (JSON Lines and CSV, gzip, dictionary, SHA256SUMS, licence) under DATA_DIR/open-data-dumps when the public data changed; prints the manifest',
    )
    .option('--force', 'write them even when nothing changed')
    .action((o: { force?: boolean }) =>
      withDb(async (ctx) => {
        const { dumpOpenData } = await import('./modules/open-data/open-data.dumps.js');
        const { manifest, written } = await dumpOpenData(ctx, { force: o.force === true });
        process.stdout.write(`${JSON.stringify({ written, ...manifest })}\n`);
      }),
    );

  program
    .command('projects')
    .description('Projects')
    .command('remind')
    .description(
      "Send the reminders of reports due once (each platform's settings; each reminder only once, whatever ran before); prints what was sent",
    )
    .option('--platform <code>', 'only this platform (code, case-insensitive)')
    .option('--dry-run', 'write and send nothing; print what would be sent')
    .option('--at <date>', 'judge as of this day (YYYY-MM-DD) instead of today')
    .action((o: { platform?: string; dryRun?: boolean; at?: string }) =>
      withDb(async (ctx) => {
        const { remindCli } = await import('./modules/projects/projects.reminders.cli.js');
        process.stdout.write(await remindCli(ctx, o));
      }),
    );

  program
    .command('registrations')
    .description('Self-registrations')
    .command('purge')
    .description(
      'Delete registrations past keeping (unverified 30 days after the link expired, refused after 180 days), as the server does every six hours',
    )
    .option('--dry-run', 'delete nothing; print how many would go')
    .action((o: { dryRun?: boolean }) =>
      withDb(async (ctx) => {
        const { purgeCli } = await import('./modules/registrations/registrations.cleanup.js');
        process.stdout.write(await purgeCli(ctx, o));
      }),
    );

  program
    .command('affinity')
    .description('Score every (expert, item) pair offline; one JSON line per pair on stdout')
    .requiredOption('--experts <file>', 'JSON: [{id, expertise, outputs: [{title, abstract}], fields?}]')
    .requiredOption('--items <file>', 'JSON: [{id, title, summary, field?}]')
    .option('--model <name>', 'bilingual (default) or tfidf (plain word baseline)', 'bilingual')
    .action(async (o: { experts: string; items: string; model: string }) => {
      const { runAffinityCommand } = await import('./modules/review/engines/affinity/affinity.cli.js');
      process.exitCode = await runAffinityCommand(o);
    });

  program
    .command('report')
    .description('Reports')
    .command('tech-transfer')
    .description(
      "Tech-transfer report (disclosures, applications, patents, licences, income; federal, AUTM and Chinese sets) for fiscal years (the platform's start month; default) or calendar years",
    )
    .requiredOption('--platform <code>', 'platform code (case-insensitive)')
    .requiredOption('--from <year>', 'first year')
    .requiredOption('--to <year>', 'last year')
    .option('--calendar', 'calendar years')
    .option('--fiscal', "the platform's fiscal years (default)")
    .option('--currency <code>', "report currency (default the platform's; other currencies need FX rates)")
    .option('--json', 'print the whole report as JSON')
    .action((o: Parameters<typeof techTransferReportCli>[1]) =>
      withDb(async (ctx) => {
        process.stdout.write(await techTransferReportCli(ctx, o));
      }),
    );

  program
    .command('backup <file>')
    .description(
      'Online, consistent backup to FILE (mode 0600): every table and every stored file, with sha256 checksums',
    )
    .action((file: string) =>
      withDb(async (ctx) => {
        const h = await backup(
          { db: ctx.db, seam: ctx.seam, close: async () => {} },
          file,
          storedFilesDir(ctx.config.dataDir),
        );
        process.stdout.write(
          `backup written to ${file}: ${JSON.stringify(h.tables)}; stored files: ${h.files?.count} (${h.files?.bytes} bytes)\n`,
        );
        if (h.missingFiles?.length) {
          // The backup is still written (the rows are worth keeping); the exit code tells cron.
          process.stderr.write(
            `warning: ${h.missingFiles.length} stored files are missing or damaged and are not in the backup: ${h.missingFiles.join(', ')}\n`,
          );
          process.exitCode = 1;
        }
      }),
    );
  program
    .command('restore <file>')
    .addOption(new Option('--yes', 'confirm that the current content is replaced').makeOptionMandatory())
    .description(
      'Replace the database content with a backup and add its stored files (stop the server first); a damaged backup changes nothing',
    )
    .action((file: string) =>
      withDb(async (ctx) => {
        const r = await restore(
          { db: ctx.db, seam: ctx.seam, close: async () => {} },
          file,
          storedFilesDir(ctx.config.dataDir),
        );
        const check = await verifyAuditChain(ctx.db);
        process.stdout.write(
          `restored ${file} (from ${r.header.source}, ${r.header.createdAt}); stored files: ${r.files}; audit chain ok: ${check.ok}\n`,
        );
        if (r.header.version === 1)
          process.stdout.write(
            `note: ${file} is an older backup that holds no stored files; copy DATA_DIR/attachments of the old server to ${storedFilesDir(ctx.config.dataDir)}\n`,
          );
      }),
    );
  registerAssignCommand(program);
  return program;
}

function requirePasswordEnv(): string {
  const pw = process.env.COMMONLAB_PASSWORD;
  if (!pw) throw new Error('set COMMONLAB_PASSWORD to the password (kept out of shell history and ps)');
  return pw;
}

export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (err) {
    if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
    else if (err instanceof AppError) process.stderr.write(`error: ${err.code}: ${err.message}\n`);
    else process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = process.exitCode || 2;
  }
}
