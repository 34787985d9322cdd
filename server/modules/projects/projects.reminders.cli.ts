import { z } from 'zod';
import type { Ctx } from '../../http/context.js';
import { platformIdOfCode } from '../platforms/platforms.lookup.js';
import { runReminders } from './projects.reminders.js';
import type { ReminderRun, ReminderRunItem } from './projects.reminders.schema.js';

export interface RemindCliOptions {
  platform?: string;
  dryRun?: boolean;
  at?: string;
}

const when = (offset: number) =>
  offset < 0 ? `${-offset} days before` : offset === 0 ? 'on the due day' : `${offset} days overdue`;
const line = (verb: string, r: ReminderRunItem, tail: string) =>
  `${verb.padEnd(13)} ${r.code}  ${r.kind} report due ${r.dueOn}  (${when(r.offset)})  ${tail}`;

/** One line per reminder and a closing count, for the terminal. */
export function remindText(run: ReminderRun): string {
  const verb = run.dryRun ? 'would send' : 'sent';
  const lines = [
    ...run.sent.map((r) => line(verb, r, `to ${r.recipients} account(s)`)),
    ...run.skipped.map((r) => line('skipped', r, r.reason)),
    `${run.on}: ${run.sent.length} reminder(s) ${run.dryRun ? 'would be sent (dry run, nothing written)' : 'sent'}, ${run.skipped.length} skipped`,
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * `commonlab projects remind [--platform CODE] [--dry-run] [--at YYYY-MM-DD]`: one run of the reminders
 * of reports due, as the server's timer runs them; a reminder already sent is never sent again.
 */
export async function remindCli(ctx: Ctx, o: RemindCliOptions): Promise<string> {
  const at = o.at === undefined ? undefined : z.iso.date().safeParse(o.at);
  if (at && !at.success) throw new Error(`--at: ${o.at} is not a date (YYYY-MM-DD)`);
  const platformId = o.platform ? await platformIdOfCode(ctx.db, o.platform) : undefined;
  if (o.platform && !platformId) throw new Error(`no platform with code ${o.platform}`);
  const run = await runReminders(ctx, {
    ...(platformId ? { platformId } : {}),
    dryRun: o.dryRun === true,
    ...(at?.success ? { on: at.data } : {}),
  });
  return remindText(run);
}
