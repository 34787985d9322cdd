import type { Actor } from '../../../http/context.js';
import { platformIdsWithRole } from '../../../http/context.js';

/**
 * The expert database is deployment-wide, like the organisation registry: system admins, and platform
 * admins and program officers of any platform, curate it. An expert maintains only their own profile
 * (through /api/experts/me), never their category, active flag or the curators' notes.
 */
export function canCurateExperts(actor: Actor): boolean {
  if (!actor) return false;
  return actor.isSystemAdmin || platformIdsWithRole(actor, ['platform_admin', 'program_officer']).length > 0;
}
