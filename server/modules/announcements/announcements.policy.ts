import type { Actor } from '../../http/context.js';
import { hasRole } from '../../http/context.js';

/**
 * Pure rule. A platform's announcements (通知公告) are kept — written, published, withdrawn, and seen
 * before publication and after withdrawal — by its platform admins (and system admins). Published
 * ones are public.
 */
export const keepsAnnouncements = (actor: Actor, platformId: string): boolean =>
  !!actor && (actor.isSystemAdmin || hasRole(actor, 'platform_admin', platformId));
