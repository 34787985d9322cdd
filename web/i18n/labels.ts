import type { TFunction } from 'i18next';
import { type PlatformModel, ROLE_LABELS, type Role } from '../../common/roles.js';
import type { PlatformSummary } from '../api/types.js';
import { tk } from './index.js';

export const roleLabel = (t: TFunction, role: Role): string => t(ROLE_LABELS[role]);

export const MODEL_LABELS: Record<PlatformModel, string> = {
  gov_institute: tk('Government research institute'),
  ppp_program: tk('Public–private research program'),
  tech_alliance: tk('Technology alliance'),
};

export const platformName = (p: PlatformSummary | undefined, locale: string): string | undefined =>
  p && (locale === 'zh-CN' ? p.nameZh : p.nameEn);

// Audit actions and object types have their own file, complete and tested against the server's sources.
export { actionLabel, entityLabel } from './audit-labels.js';
