import type { Kysely } from 'kysely';
import type { CheckKind } from '../../../../common/project-checks.js';
import type { DB } from '../../../db/schema.js';
import type { Ctx } from '../../../http/context.js';
import { notify, roleHoldersOrAdmins } from '../../notifications/notifications.service.js';
import { expertPersonNames, userIdsOfExperts } from '../../review/experts/experts.service.js';
import type { ProjectRecord } from '../projects.repository.js';
import type { Check } from './checks.repository.js';

/*
 * The news of check panels (docs/projects.md "Assignment runs for checks"), as application review sends
 * it (review/runs/publish.service.ts, seats.service.ts): an invited expert hears of the seat in the app
 * and by e-mail through the outbox, once per seat; the platform's program officers (its admins when it
 * has none) hear when an expert declines. Both in the caller's transaction.
 */

const KIND_ZH: Record<CheckKind, string> = { interim: '中期检查', final: '结题验收' };
const KIND_EN: Record<CheckKind, string> = { interim: 'interim check', final: 'final acceptance' };

const checkParams = (p: ProjectRecord, check: Check) => ({
  code: p.code,
  projectTitleZh: p.titleZh,
  projectTitleEn: p.titleEn,
  checkKindZh: KIND_ZH[check.kind],
  checkKindEn: KIND_EN[check.kind],
});

/** A `project_check.invited` notification to each newly seated expert with an account. */
export async function sendCheckInvitations(
  trx: Kysely<DB>,
  ctx: Ctx,
  frames: { check: Check; project: ProjectRecord }[],
  seats: { expertId: string; checkId: string }[],
  respondBy: string,
) {
  const userOf = await userIdsOfExperts(
    trx,
    seats.map((s) => s.expertId),
  );
  for (const seat of seats) {
    const userId = userOf.get(seat.expertId);
    const frame = frames.find((f) => f.check.id === seat.checkId);
    if (!userId || !frame) continue;
    await notify(trx, ctx, {
      userIds: [userId],
      kind: 'project_check.invited',
      platformId: frame.project.platformId,
      entityType: 'project_check_invitation',
      entityId: seat.checkId,
      params: { ...checkParams(frame.project, frame.check), respondByAt: respondBy },
    });
  }
}

/** The platform's program officers learn that an expert declined a check seat, to refill it. */
export async function tellOfficersOfCheckDecline(
  trx: Kysely<DB>,
  ctx: Ctx,
  p: ProjectRecord,
  check: Check,
  expertId: string,
  reason: string | null,
) {
  const name = (await expertPersonNames(trx, [expertId])).get(expertId);
  await notify(trx, ctx, {
    userIds: await roleHoldersOrAdmins(trx, p.platformId, 'program_officer'),
    kind: 'project_check.declined',
    platformId: p.platformId,
    entityType: 'project_checks',
    entityId: p.id,
    params: {
      ...checkParams(p, check),
      expertZh: name?.nameZh ?? null,
      expertEn: name?.nameEn ?? null,
      reason,
    },
  });
}
