import type { FastifyBaseLogger } from 'fastify';
import type { Ctx } from '../../http/context.js';
import { runReminders } from './projects.reminders.js';

/**
 * The server's reminders timer (REPORT_REMINDER_MINUTES, 0 = off; off by default under test), wired like
 * the audit checkpoints and the open-data dumps: one run at start-up, then one per interval. A reminder
 * goes out once whatever the number of runs or processes (the reminders table's key), so the interval
 * only bounds how late in its day a reminder arrives. A failure is logged and retried at the next tick.
 * Returns the function that stops the timer (called on shutdown).
 */
export function startReminderTimer(ctx: Ctx, log: FastifyBaseLogger): () => Promise<unknown> {
  const minutes = ctx.config.reportReminderMinutes;
  if (minutes <= 0) return async () => undefined;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = runReminders(ctx).then(
      (r) => r.sent.length && log.info({ sent: r.sent.length, on: r.on }, 'report reminders sent'),
      (err: unknown) => log.error({ err }, 'report reminders failed; retrying at the next interval'),
    );
  };
  tick();
  const timer = setInterval(tick, minutes * 60_000);
  timer.unref();
  return () => {
    clearInterval(timer);
    return running;
  };
}
