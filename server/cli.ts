import { Command } from 'commander';
import { registerAccountCommands } from './cli.accounts.js';
import { withDb } from './cli.context.js';
import { registerSafekeepingCommands } from './cli.safekeeping.js';
import { ConfigError } from './config.js';
import { AppError } from './http/errors.js';
import { registerAssignCommand } from './modules/review/engines/assignment/assignment.cli.js';
import { techTransferReportCli } from './modules/ttreports/report.cli.js';
import { seedDemo } from './seed/demo.js';

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

  registerAccountCommands(program);
  registerSafekeepingCommands(program);
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

  registerAssignCommand(program);
  return program;
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
