import type { Actor } from '../../http/context.js';
import { hasRole } from '../../http/context.js';

export type LabEvalAction = 'lab_evals.read' | 'lab_evals.manage';

/**
 * Pure rule. The rounds and the adopted reports are for everyone with a role on the platform and for
 * its committee's members (who may hold no role); the platform's admins open rounds, assign members
 * and follow completeness. Scoring belongs to the member of the scorecard and adoption to the chair of
 * the round: the service checks those against the committee, not here.
 */
export function can(
  actor: Actor,
  action: LabEvalAction,
  r: { platformId: string; isCommitteeMember: boolean },
): boolean {
  if (!actor) return false;
  if (actor.isSystemAdmin) return true;
  if (action === 'lab_evals.manage') return hasRole(actor, 'platform_admin', r.platformId);
  return r.isCommitteeMember || actor.roles.some((x) => x.platformId === r.platformId);
}
