import type { ProjectState } from '../../../../common/projects.js';
import { tk } from '../../../i18n/index.js';

/**
 * The health flags of one project, as the portfolio raises them (issue 13): a report past its due date,
 * a budget line spent beyond its plan, and a project in 整改 or concluded as failed.
 */
export type HealthFlag = 'overdue_report' | 'overspent' | 'rectification' | 'failed';

export const HEALTH_FLAG_LABELS: Record<HealthFlag, string> = {
  overdue_report: tk('Report overdue'),
  overspent: tk('Overspent'),
  rectification: tk('Rectification'),
  failed: tk('Failed'),
};

export function healthFlags(input: {
  state: ProjectState;
  outcome: 'passed' | 'failed' | null;
  reports: ReadonlyArray<{ status: 'due' | 'overdue' | 'submitted' }>;
  cells: ReadonlyArray<{ plannedMinor: number; spentMinor: number }>;
}): HealthFlag[] {
  const flags: HealthFlag[] = [];
  if (input.reports.some((r) => r.status === 'overdue')) flags.push('overdue_report');
  // The server refuses spending beyond the plan, but an approved adjustment can later lower a line.
  if (input.cells.some((c) => c.spentMinor > c.plannedMinor)) flags.push('overspent');
  if (input.state === 'rectification') flags.push('rectification');
  if (input.outcome === 'failed') flags.push('failed');
  return flags;
}
