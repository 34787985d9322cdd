import type { ExpertCategory, OutputKind } from '../../../common/review.js';
import type { SessionUser } from '../../api/types.js';
import { hasRole } from '../../app/permissions.js';
import { tk } from '../../i18n/index.js';

// The English labels of common/review.ts, marked here for the catalog.
export const CATEGORY_LABELS: Record<ExpertCategory, string> = {
  academic: tk('Academic'),
  industry: tk('Industry'),
  lab: tk('Laboratory'),
};
export const CATEGORY_COLORS: Record<ExpertCategory, string> = {
  academic: 'blue',
  industry: 'gold',
  lab: 'purple',
};
export const OUTPUT_LABELS: Record<OutputKind, string> = {
  publication: tk('Publication'),
  patent: tk('Patent'),
  project: tk('Project'),
};

/** Mirrors server/modules/review/experts/experts.policy.ts: system admins, platform admins and program officers. */
export const canCurateExperts = (user: SessionUser): boolean =>
  user.isSystemAdmin || hasRole(user, 'platform_admin', 'program_officer');
/** The user reviews on some platform; their own expert profile is theirs to keep. */
export const isExpert = (user: SessionUser): boolean => hasRole(user, 'expert');
