import type { Kysely } from 'kysely';
import type { DeclineReason } from '../../../common/needs.js';
import type { DB } from '../../db/schema.js';
import type { Ctx } from '../../http/context.js';
import { notify, roleHoldersOrAdmins } from '../notifications/notifications.service.js';
import type { NeedContact } from './needs.repository.js';
import { unitSides } from './needs.views.js';

/** The decline reasons in both languages, for the enterprise's notification (the web labels them too). */
const DECLINE_TEXT: Record<DeclineReason, { zh: string; en: string }> = {
  too_early: { zh: '技术尚不成熟', en: 'too early' },
  benefit_unclear: { zh: '收益不明确', en: 'benefit unclear' },
  commercial_route_unclear: { zh: '商业化路径不明确', en: 'commercial route unclear' },
  out_of_scope: { zh: '不在业务范围内', en: 'out of scope' },
  other: { zh: '其他原因', en: 'other reason' },
};

/**
 * Who answers a contact, to be told of it: the unit's director (its platform's admins when the unit has
 * none), the expert's own account, or the platform's tech-transfer officers for a match with neither —
 * the same people `answersContact` lets answer.
 */
async function answerers(trx: Kysely<DB>, c: NeedContact): Promise<string[]> {
  if (c.unitId) {
    const director = (await unitSides(trx, [c.unitId])).get(c.unitId)?.directorUserId;
    return director ? [director] : await roleHoldersOrAdmins(trx, c.platformId, 'platform_admin');
  }
  if (c.providerUserId) return [c.providerUserId];
  return await roleHoldersOrAdmins(trx, c.platformId, 'tech_transfer_officer');
}

/** Inside the contact's write: the provider side hears that an enterprise contacted it. */
export async function tellProvider(trx: Kysely<DB>, ctx: Ctx, c: NeedContact, needTitle: string) {
  await notify(trx, ctx, {
    userIds: (await answerers(trx, c)).filter((id) => id !== ctx.actor?.userId),
    kind: 'need_contact.sent',
    platformId: c.platformId,
    entityType: 'need_contact',
    entityId: c.id,
    params: { need: needTitle, target: c.targetLabel },
  });
}

/** Inside the answer's write: the enterprise that sent the contact hears of the accept or decline. */
export async function tellEnterprise(trx: Kysely<DB>, ctx: Ctx, c: NeedContact, needTitle: string) {
  const reason = c.declineReason ? DECLINE_TEXT[c.declineReason] : null;
  await notify(trx, ctx, {
    userIds: [c.sentBy].filter((id): id is string => !!id && id !== ctx.actor?.userId),
    kind: c.state === 'accepted' ? 'need_contact.accepted' : 'need_contact.declined',
    platformId: c.platformId,
    entityType: 'need_contact',
    entityId: c.id,
    params: {
      need: needTitle,
      target: c.targetLabel,
      reasonZh: reason && [reason.zh, c.declineNote].filter(Boolean).join('：'),
      reasonEn: reason && [reason.en, c.declineNote].filter(Boolean).join(': '),
    },
  });
}
