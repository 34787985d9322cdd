import type { FastifyBaseLogger } from 'fastify';
import { REGISTRATION_KEEP_DAYS } from '../../../common/privacy.js';
import { write } from '../../db/write.js';
import type { Ctx } from '../../http/context.js';
import { startIntervalJob } from '../../interval-job.js';
import { deleteRegistrations, staleRegistrationsForUpdate } from './registrations.repository.js';

/**
 * How long registrations nobody will act on are kept (docs/adr/0045, "Clean-up"): an unverified one
 * 30 days after its link expired (the person may still ask "why can't I sign in?" meanwhile; a new
 * registration is possible from the moment the link expires), a refused one 180 days after the
 * decision (the refusal can be explained or contested). Fixed, as the deployment has no other
 * retention settings; approved ones stay, as the record of how the account came to be. The figures
 * are the privacy notice's (common/privacy.ts), which states them to the person registering.
 */
export const UNVERIFIED_KEEP_DAYS = REGISTRATION_KEEP_DAYS.unverified;
export const REFUSED_KEEP_DAYS = REGISTRATION_KEEP_DAYS.refused;
/** Rows deleted per transaction: a first run on a large backlog commits in steps. */
const BATCH = 200;
/** The server's clean-up runs at start-up and then every six hours. */
export const CLEANUP_INTERVAL_MINUTES = 6 * 60;

const DAY = 86_400_000;

export interface PurgeRun {
  on: string;
  dryRun: boolean;
  unverified: number;
  refused: number;
}

/**
 * Deletes the registrations past keeping, each with an audit entry naming what went (state, platform,
 * dates) and never the person's password hash, address or phone. A dry run counts and writes nothing.
 */
export async function purgeStaleRegistrations(ctx: Ctx, o: { dryRun?: boolean } = {}): Promise<PurgeRun> {
  const now = ctx.clock.now();
  const f = {
    expiredBefore: new Date(now.getTime() - UNVERIFIED_KEEP_DAYS * DAY).toISOString(),
    refusedBefore: new Date(now.getTime() - REFUSED_KEEP_DAYS * DAY).toISOString(),
    limit: BATCH,
  };
  const run: PurgeRun = { on: now.toISOString(), dryRun: o.dryRun === true, unverified: 0, refused: 0 };
  for (;;) {
    const batch = await write(ctx, async (trx, audit) => {
      const rows = await staleRegistrationsForUpdate(trx, ctx.seam, f);
      if (run.dryRun) return rows;
      await deleteRegistrations(
        trx,
        rows.map((r) => r.id),
      );
      for (const r of rows)
        await audit({
          action: 'registration.purged',
          entityType: 'registration',
          entityId: r.id,
          platformId: r.platformId,
          before: {
            state: r.state,
            createdAt: r.createdAt,
            tokenExpiresAt: r.tokenExpiresAt,
            decidedAt: r.decidedAt,
          },
          reason:
            r.state === 'refused'
              ? `refused over ${REFUSED_KEEP_DAYS} days ago`
              : `link expired over ${UNVERIFIED_KEEP_DAYS} days ago`,
        });
      return rows;
    });
    for (const r of batch) run[r.state === 'refused' ? 'refused' : 'unverified']++;
    if (run.dryRun || batch.length < BATCH) return run;
  }
}

/** `commonlab registrations purge [--dry-run]`: one run of the clean-up, as the server's timer runs it. */
export async function purgeCli(ctx: Ctx, o: { dryRun?: boolean }): Promise<string> {
  const r = await purgeStaleRegistrations(ctx, o);
  const verb = r.dryRun ? 'would delete (dry run, nothing written)' : 'deleted';
  return `${r.on}: ${verb} ${r.unverified} unverified registration(s) whose link expired over ${UNVERIFIED_KEEP_DAYS} days ago, ${r.refused} refused over ${REFUSED_KEEP_DAYS} days ago\n`;
}

/** The server's clean-up timer (wired in main.ts beside the reminders); returns its stop function. */
export const startRegistrationCleanupTimer = (ctx: Ctx, log: FastifyBaseLogger) =>
  startIntervalJob(log, {
    minutes: CLEANUP_INTERVAL_MINUTES,
    run: () => purgeStaleRegistrations(ctx),
    done: (r) => r.unverified + r.refused > 0 && log.info(r, 'stale registrations deleted'),
    failed: 'registration clean-up failed; retrying at the next interval',
  });
