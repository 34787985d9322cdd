import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Ctx } from '../../http/context.js';
import { applicantUserIdsOfCall } from '../applications/applications.lookup.js';
import { notify } from '../notifications/notifications.service.js';
import type { CallRecord } from './calls.repository.js';

/** Everyone applying to the call (owners of live applications and confirmed members), from the applications module. */
export function applicantsOfCall(db: Kysely<DB>, callId: string): Promise<string[]> {
  return applicantUserIdsOfCall(db, callId);
}

/** Notifies users about a call, with its code and titles for the texts. */
export function notifyCall(
  trx: Kysely<DB>,
  ctx: Ctx,
  call: CallRecord,
  userIds: string[],
  kind: string,
  params: Record<string, string>,
) {
  return notify(trx, ctx, {
    userIds,
    kind,
    platformId: call.platformId,
    entityType: 'call',
    entityId: call.id,
    params: { callCode: call.code, callTitleZh: call.titleZh, callTitleEn: call.titleEn, ...params },
  });
}
