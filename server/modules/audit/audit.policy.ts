import { type Actor, platformIdsWithRole } from '../../http/context.js';

/**
 * Platforms whose audit trail the actor may read; 'all' for the audit administrator alone (三权分立,
 * docs/adr/0014): the system and security administrators, whose work the log records, do not read the
 * whole deployment's log. Platform admins and supervisors read their own platforms' trail.
 */
export function readableAuditScope(actor: Actor): 'all' | string[] {
  if (!actor) return [];
  if (actor.isAuditAdmin) return 'all';
  return platformIdsWithRole(actor, ['platform_admin', 'supervisor']);
}

export function can(actor: Actor, action: 'audit.read' | 'audit.verify'): boolean {
  if (!actor) return false;
  if (action === 'audit.verify') return actor.isAuditAdmin;
  const scope = readableAuditScope(actor);
  return scope === 'all' || scope.length > 0;
}
