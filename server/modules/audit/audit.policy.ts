import { type Actor, platformIdsWithRole } from '../../http/context.js';

/** Platforms whose audit trail the actor may read; 'all' for system admins. */
export function readableAuditScope(actor: Actor): 'all' | string[] {
  if (!actor) return [];
  if (actor.isSystemAdmin) return 'all';
  return platformIdsWithRole(actor, ['platform_admin', 'supervisor']);
}

export function can(actor: Actor, action: 'audit.read' | 'audit.verify'): boolean {
  if (!actor) return false;
  if (action === 'audit.verify') return actor.isSystemAdmin;
  const scope = readableAuditScope(actor);
  return scope === 'all' || scope.length > 0;
}
