import { type Command, Option } from 'commander';
import { withDb } from './cli.context.js';
import { verifyAuditChain } from './db/audit-chain.js';
import { backup } from './db/backup.js';
import { restore } from './db/backup.restore.js';
import { storedFilesDir } from './files/stored-files.js';
import { verifyCheckpoints, writeCheckpoint } from './modules/audit/audit.checkpoint.js';

/** `commonlab audit verify|checkpoint`, `backup` and `restore`: the commands that keep the data safe. */
export function registerSafekeepingCommands(program: Command): void {
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
}
