import type { Role } from '../../../common/roles.js';
import type { Actor } from '../../http/context.js';

/** Roles that analyse the whole of a platform they hold the role on. */
export const WHOLE_PLATFORM_ROLES: readonly Role[] = [
  'supervisor',
  'platform_admin',
  'program_officer',
  'tech_transfer_officer',
];

/**
 * What the actor may analyse: every platform (system admins), or per platform either the whole of it
 * (supervisor, platform admin, program and tech-transfer officers) or only the units it directs (lab
 * director: the caller resolves which units those are). Everyone else analyses nothing.
 */
export function analyticsReach(actor: Actor): 'all' | { whole: Set<string>; directed: Set<string> } {
  if (!actor) return { whole: new Set(), directed: new Set() };
  if (actor.isSystemAdmin) return 'all';
  const whole = new Set(
    actor.roles.filter((r) => WHOLE_PLATFORM_ROLES.includes(r.role)).map((r) => r.platformId),
  );
  const directed = new Set(
    actor.roles.filter((r) => r.role === 'lab_director' && !whole.has(r.platformId)).map((r) => r.platformId),
  );
  return { whole, directed };
}
