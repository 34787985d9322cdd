import { write } from '../../db/write.js';
import type { Ctx } from '../../http/context.js';
import { accessible } from './applications.access.js';
import { callOf } from './applications.drafts.js';
import { transitionApplication } from './applications.transitions.js';

/** Withdraws the application (its owner, until a decision), with the reason on record. */
export async function withdrawApplication(ctx: Ctx, id: string, reason: string): Promise<void> {
  await write(ctx, async (trx, audit) => {
    const { app } = await accessible(trx, ctx, id, 'edit', { lock: true });
    const call = await callOf(trx, app.callId);
    await transitionApplication(trx, audit, ctx, app, call, 'withdraw', {
      reason,
      patch: { withdrawReason: reason },
    });
  });
}
