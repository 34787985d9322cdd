import type { SpendingCategory } from './projects.js';

/**
 * 预算调剂 (budget adjustments) of a project in execution (issue 13): who must approve a change of the
 * approved plan. Pure, so the server decides and the web shows the same level before the request is sent.
 *
 * The project unit (the lead organisation's side) approves itself a move between 业务费 and 劳务费 within
 * one member — the 2021 reform's delegation to the 承担单位. The funder must approve:
 * - `total`: the changes do not sum to zero (the project's total changes);
 * - `between_members`: a member's own total changes (money moves from one member to another);
 * - `equipment`: a member's 设备费 changes by more than the threshold;
 * - `indirect`: indirect costs change (they follow the direct costs by rule, not by the project's choice);
 * - `extension`: the end date moves.
 */
export const ADJUSTMENT_GROUNDS = ['total', 'between_members', 'equipment', 'indirect', 'extension'] as const;
export type AdjustmentGround = (typeof ADJUSTMENT_GROUNDS)[number];
export type AdjustmentLevel = 'unit' | 'funder';
export const ADJUSTMENT_STATES = ['pending', 'approved', 'rejected'] as const;
export type AdjustmentState = (typeof ADJUSTMENT_STATES)[number];

/**
 * A change of 设备费 up to this amount (integer minor units, ¥50 000) within one member is the unit's
 * own; above it the funder decides.
 */
export const EQUIPMENT_THRESHOLD_MINOR = 5_000_000;

export interface AdjustmentChange {
  organisationId: string;
  category: SpendingCategory;
  /** Added to (positive) or taken from (negative) the member's approved amount of the category. */
  deltaMinor: number;
}

export interface AdjustmentRequest {
  changes: readonly AdjustmentChange[];
  /** A new end date, later than the current one (an extension), or null. */
  endsOn: string | null;
}

/** Who approves the request, and why the funder must (empty for the unit's own). */
export function adjustmentLevel(
  r: AdjustmentRequest,
  equipmentThresholdMinor: number = EQUIPMENT_THRESHOLD_MINOR,
): { level: AdjustmentLevel; grounds: AdjustmentGround[] } {
  const grounds = new Set<AdjustmentGround>();
  const sum = (xs: readonly AdjustmentChange[]) => xs.reduce((s, c) => s + c.deltaMinor, 0);
  if (sum(r.changes) !== 0) grounds.add('total');
  const byMember = new Map<string, AdjustmentChange[]>();
  for (const c of r.changes) byMember.set(c.organisationId, [...(byMember.get(c.organisationId) ?? []), c]);
  for (const changes of byMember.values()) {
    if (sum(changes) !== 0) grounds.add('between_members');
    const equipment = sum(changes.filter((c) => c.category === 'equipment'));
    if (Math.abs(equipment) > equipmentThresholdMinor) grounds.add('equipment');
    if (changes.some((c) => c.category === 'indirect' && c.deltaMinor !== 0)) grounds.add('indirect');
  }
  if (r.endsOn) grounds.add('extension');
  const ordered = ADJUSTMENT_GROUNDS.filter((g) => grounds.has(g));
  return { level: ordered.length ? 'funder' : 'unit', grounds: ordered };
}

type Line = { organisationId: string; category: SpendingCategory; amountMinor: number };

/**
 * The plan after approved adjustments: the frozen 任务书 lines with each approved change added, in the
 * order they were approved. A line a change names that the plan lacks is added.
 */
export function adjustedPlan(
  plan: readonly Line[],
  approved: readonly { changes: readonly AdjustmentChange[] }[],
) {
  const key = (o: string, c: string) => `${o}\u0000${c}`;
  const lines = new Map(plan.map((l) => [key(l.organisationId, l.category), { ...l }]));
  for (const a of approved)
    for (const c of a.changes) {
      const k = key(c.organisationId, c.category);
      const line = lines.get(k) ?? { organisationId: c.organisationId, category: c.category, amountMinor: 0 };
      line.amountMinor += c.deltaMinor;
      lines.set(k, line);
    }
  return [...lines.values()];
}
