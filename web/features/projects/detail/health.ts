import type { HealthFlag } from '../../../../common/projects.health.js';
import { tk } from '../../../i18n/index.js';

/** The flags are raised by common/projects.health.ts, the same rule the server's portfolio applies. */
export { type HealthFlag, healthFlags } from '../../../../common/projects.health.js';

export const HEALTH_FLAG_LABELS: Record<HealthFlag, string> = {
  overdue_report: tk('Report overdue'),
  overspent: tk('Overspent'),
  rectification: tk('Rectification'),
  failed: tk('Failed'),
};
