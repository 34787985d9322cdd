import type { ProjectState } from './projects.js';

/**
 * The health flags of one project (issue 13): a report past its due date, a budget line spent beyond
 * its plan, and a project in 整改 or concluded as failed. Pure, so the portfolio (server) and the
 * project page (web) raise the same flags from the same evidence.
 */
export const HEALTH_FLAGS = ['overdue_report', 'overspent', 'rectification', 'failed'] as const;
export type HealthFlag = (typeof HEALTH_FLAGS)[number];

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
