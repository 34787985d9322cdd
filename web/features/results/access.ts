import type { Role } from '../../../common/roles.js';
import type { SessionUser } from '../../api/types.js';

// Mirrors of results.policy.ts and inquiries.policy.ts, used only to decide what to show.
const platformsWith = (user: SessionUser, roles: readonly Role[]) => [
  ...new Set(user.roles.filter((r) => roles.includes(r.role)).map((r) => r.platformId)),
];
/** Platforms whose catalog the user reads (staff roles). */
export const catalogPlatforms = (user: SessionUser): string[] =>
  platformsWith(user, [
    'platform_admin',
    'supervisor',
    'lab_director',
    'researcher',
    'program_officer',
    'tech_transfer_officer',
  ]);
export const canSeeCatalog = (user: SessionUser): boolean =>
  user.isSystemAdmin || catalogPlatforms(user).length > 0;
/** Platforms whose results the user publishes and whose inquiries they answer. */
export const inquiryPlatforms = (user: SessionUser): string[] =>
  platformsWith(user, ['platform_admin', 'tech_transfer_officer']);
export const canAnswerInquiries = (user: SessionUser): boolean =>
  user.isSystemAdmin || inquiryPlatforms(user).length > 0;
export const canPublishOn = (user: SessionUser, platformId: string): boolean =>
  user.isSystemAdmin || inquiryPlatforms(user).includes(platformId);
