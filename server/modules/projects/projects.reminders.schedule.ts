import type { FastifyBaseLogger } from 'fastify';
import type { Ctx } from '../../http/context.js';
import { startIntervalJob } from '../../interval-job.js';
import { runReminders } from './projects.reminders.js';

/**
 * The server's reminders timer (REPORT_REMINDER_MINUTES, 0 = off; off by default under test), wired like
 * the audit checkpoints and the open-data dumps: one run at start-up, then one per interval. A reminder
 * goes out once whatever the number of runs or processes (the reminders table's key), so the interval
 * only bounds how late in its day a reminder arrives. A failure is logged and retried at the next tick.
 * Returns the function that stops the timer (called on shutdown).
 */
export const startReminderTimer = (ctx: Ctx, log: FastifyBaseLogger) =>
  startIntervalJob(log, {
    minutes: ctx.config.reportReminderMinutes,
    run: () => runReminders(ctx),
    done: (r) => r.sent.length && log.info({ sent: r.sent.length, on: r.on }, 'report reminders sent'),
    failed: 'report reminders failed; retrying at the next interval',
  });
