import type { Kysely } from 'kysely';
import type { ErrorCode } from '../../../common/error-codes.js';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../../http/context.js';
import { forbidden, notFound } from '../../http/errors.js';
import { platformOrNotFound } from '../platforms/platforms.service.js';

/**
 * Pure rule for the IP pipeline, agreements, receipts and the tech-transfer reports. Invention records
 * and agreements are confidential: the platform's tech-transfer officers and admins keep and read them;
 * supervisors and lab directors read the aggregated reports; nobody else sees anything.
 */
export type TtAction = 'tt.manage' | 'tt.report';

export function can(actor: Actor, action: TtAction, platformId: string): boolean {
  if (!actor) return false;
  if (actor.isSystemAdmin) return true;
  const roles = actor.roles.filter((r) => r.platformId === platformId).map((r) => r.role);
  if (roles.includes('platform_admin') || roles.includes('tech_transfer_officer')) return true;
  return action === 'tt.report' && (roles.includes('supervisor') || roles.includes('lab_director'));
}

/** May the actor keep tech-transfer records on some platform (FX rates are shared by all platforms)? */
export function keepsAnyPlatform(actor: Actor): boolean {
  if (!actor) return false;
  return (
    actor.isSystemAdmin ||
    actor.roles.some((r) => r.role === 'platform_admin' || r.role === 'tech_transfer_officer')
  );
}

/** The platform (its value) for a platform-scoped route, or 404; 403 when the actor may not act on it. */
export async function platformFor(db: Kysely<DB>, actor: Actor, platformId: string, action: TtAction) {
  const p = await platformOrNotFound(db, platformId);
  if (!can(actor, action, p.id)) throw forbidden();
  return p;
}

/** For a record reached by its own id: invisible (404) to those who may not manage its platform. */
export function assertManages(actor: Actor, platformId: string, missing: ErrorCode): void {
  if (!can(actor, 'tt.manage', platformId)) throw notFound(missing);
}
