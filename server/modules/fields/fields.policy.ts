import type { Actor } from '../../http/context.js';

export type FieldsAction = 'fields.read' | 'fields.manage';

/**
 * Pure rule. The taxonomy is deployment-wide and public, and every platform tags its calls, experts,
 * units and results with the same fields, so a change made for one platform changes all of them: system
 * admins alone curate it (docs/adr/0013). Platform admins choose which fields their platform covers
 * (platforms.policy) but do not edit the list itself.
 */
export function can(actor: Actor, action: FieldsAction): boolean {
  if (action === 'fields.read') return true;
  return !!actor?.isSystemAdmin;
}
