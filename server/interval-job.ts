import type { FastifyBaseLogger } from 'fastify';

/**
 * A job the server runs at start-up and then once per interval (0 minutes = off): the report reminders,
 * the audit checkpoints, the open-data dumps and the registration clean-up. A run that fails is logged and
 * tried again at the next tick, never stopping the server. Returns the function that stops the timer
 * and waits for a run in progress (called on shutdown).
 */
export function startIntervalJob<T>(
  log: FastifyBaseLogger,
  job: { minutes: number; run: () => Promise<T>; done: (result: T) => unknown; failed: string },
): () => Promise<unknown> {
  if (job.minutes <= 0) return async () => undefined;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = job.run().then(job.done, (err: unknown) => log.error({ err }, job.failed));
  };
  tick();
  const timer = setInterval(tick, job.minutes * 60_000);
  timer.unref();
  return () => {
    clearInterval(timer);
    return running;
  };
}
