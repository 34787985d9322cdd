import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { Ctx } from '../../../http/context.js';
import { expertIdOfUser } from '../../review/experts/experts.service.js';
import { isLeadSigner } from '../projects.agreement.js';
import { can } from '../projects.policy.js';
import type { ProjectRecord } from '../projects.repository.js';
import { projectResource } from '../projects.service.js';
import type { Check } from './checks.repository.js';
import { panelOf } from './checks.repository.js';

// Part of the check service: who the caller is to a check. The funder's side (projects.manage) opens
// checks, assigns experts and adopts; the lead organisation's side (who signs the 任务书 for it)
// submits the report; the panel's chair may adopt too.

export interface CheckAccess {
  manage: boolean;
  lead: boolean;
  chair: boolean;
}

export async function checkAccess(
  db: Kysely<DB>,
  ctx: Pick<Ctx, 'actor'>,
  p: ProjectRecord,
  check?: Check,
): Promise<CheckAccess> {
  const manage = can(ctx.actor, 'projects.manage', await projectResource(db, p));
  const lead = await isLeadSigner(db, ctx, p);
  let chair = false;
  if (check) {
    const expertId = await expertIdOfUser(db, ctx.actor?.userId);
    chair =
      !!expertId &&
      (await panelOf(db, check.id)).some((s) => s.chair && s.state === 'accepted' && s.expertId === expertId);
  }
  return { manage, lead, chair };
}
