import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { cliActor, systemClock } from './http/context.js';
import { startCheckpointTimer } from './modules/audit/audit.schedule.js';
import { startAuditSyslog } from './modules/audit/audit.syslog.js';
import { startDumpTimer } from './modules/open-data/open-data.schedule.js';
import { startReminderTimer } from './modules/projects/projects.reminders.schedule.js';
import { startRegistrationCleanupTimer } from './modules/registrations/registrations.cleanup.js';
import { cliCtx, openDatabase } from './runtime.js';
import { isEmpty, seedDemo } from './seed/demo.js';
import { DEMO_PASSWORD } from './seed/demo-users.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** dist/web next to dist/server in a build; web/dist-less source runs serve the API only. */
export const defaultWebRoot = path.resolve(
  here,
  '..',
  here.includes(`${path.sep}dist${path.sep}`) ? 'web' : 'dist/web',
);

/** start: config → db → migrate → first-run demo seed → listen; drains and closes on SIGTERM/SIGINT. */
export async function serve(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config);
  const ctx = cliCtx(config, database);
  if (config.seedDemo && (await isEmpty(ctx))) {
    await seedDemo(ctx);
    process.stdout.write(
      `\nCommonlab demo data loaded. Sign in as  admin / ${DEMO_PASSWORD}  (other demo accounts: README).\n` +
        'Change these passwords or set SEED_DEMO=false before real use.\n\n',
    );
  }
  const app = await buildApp({ config, database, webRoot: defaultWebRoot });
  const syslog = config.auditSyslog
    ? await startAuditSyslog({
        db: database.db,
        url: config.auditSyslog,
        log: app.log,
        intervalMs: config.auditSyslogIntervalMs,
      })
    : undefined;
  const stopCheckpoints = startCheckpointTimer({
    db: database.db,
    config,
    clock: systemClock,
    log: app.log,
    onCheckpoint: syslog?.sendCheckpoint,
  });
  const stopDumps = startDumpTimer(ctx, app.log);
  // Audited as the server's own scheduler, not as a person at the command line.
  const stopReminders = startReminderTimer({ ...ctx, actor: cliActor('scheduler') }, app.log);
  const stopCleanup = startRegistrationCleanupTimer({ ...ctx, actor: cliActor('scheduler') }, app.log);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const timer = setTimeout(() => {
      app.log.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    timer.unref();
    await stopCheckpoints();
    await syslog?.stop();
    await stopDumps();
    await stopReminders();
    await stopCleanup();
    await app.close();
    await database.close();
    app.log.info('closed cleanly');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
  process.stdout.write(
    `Commonlab is running on http://${config.host}:${config.port}  (API docs: /api/docs)\n`,
  );
}
