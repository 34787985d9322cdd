import type { Actor } from '../../http/context.js';
import { hasRole } from '../../http/context.js';

/** Pure rule. A platform's voucher schemes are set, and vouchers issued and settled, by its supervisor. */
export const governsVouchers = (actor: Actor, platformId: string) =>
  !!actor && (actor.isSystemAdmin || hasRole(actor, 'supervisor', platformId));

/** The supervisor and the platform's admins read every voucher and redemption of the platform. */
export const readsAllVouchers = (actor: Actor, platformId: string) =>
  governsVouchers(actor, platformId) || (!!actor && hasRole(actor, 'platform_admin', platformId));

/** Enterprises of the platform apply for vouchers. */
export const mayApply = (actor: Actor, platformId: string) =>
  !!actor && hasRole(actor, 'enterprise_user', platformId);
