import type { Actor } from '../../http/context.js';
import { platformIdsWithRole } from '../../http/context.js';

export type FieldsAction = 'fields.read' | 'fields.manage';

/**
 * Pure rule. The taxonomy is deployment-wide and public; system admins and the admin of any platform
 * maintain it, because every platform tags its records with the same fields.
 */
export function can(actor: Actor, action: FieldsAction): boolean {
  if (action === 'fields.read') return true;
  if (!actor) return false;
  return actor.isSystemAdmin || platformIdsWithRole(actor, ['platform_admin']).length > 0;
}
