import type { Role } from '../../../common/roles.js';
import type { Actor } from '../../http/context.js';
import { hasRole } from '../../http/context.js';

export type ResultsAction = 'results.read' | 'results.draft' | 'results.manage';

/** Roles that read a platform's whole catalog, internal records and drafts included. */
export const CATALOG_READERS: readonly Role[] = [
  'platform_admin',
  'supervisor',
  'lab_director',
  'researcher',
  'program_officer',
  'tech_transfer_officer',
];
/** Roles that may draft results (and edit their own drafts); managers do the rest. */
export const CATALOG_DRAFTERS: readonly Role[] = ['lab_director', 'researcher'];
/** Roles that edit any result of the platform, publish and withdraw it, and answer its inquiries. */
export const CATALOG_MANAGERS: readonly Role[] = ['platform_admin', 'tech_transfer_officer'];

export interface ResultResource {
  platformId: string;
  state?: string;
  createdBy?: string | null;
}

const anyOf = (actor: Actor, roles: readonly Role[], platformId: string) =>
  roles.some((r) => hasRole(actor, r, platformId));

/**
 * Pure rule. Public, published results are for everybody through the portal (no rule needed). Staff of the
 * platform read the whole catalog. Tech-transfer officers and platform admins manage it; lab directors and
 * researchers draft results and keep editing their own drafts until a manager publishes them.
 */
export function can(actor: Actor, action: ResultsAction, r: ResultResource): boolean {
  if (!actor) return false;
  if (actor.isSystemAdmin) return true;
  const manager = anyOf(actor, CATALOG_MANAGERS, r.platformId);
  switch (action) {
    case 'results.read':
      return anyOf(actor, CATALOG_READERS, r.platformId);
    case 'results.manage':
      return manager;
    case 'results.draft':
      if (manager) return true;
      if (!anyOf(actor, CATALOG_DRAFTERS, r.platformId)) return false;
      // Creating (no state yet), or editing one's own draft.
      return r.state === undefined || (r.state === 'draft' && r.createdBy === actor.userId);
  }
}
