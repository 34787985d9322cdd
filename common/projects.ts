/**
 * The life of a project (DOMAIN.md §6, issue 13): 立项 approved → 任务书 contracting → 执行中 in progress
 * ⇄ 中期检查 interim check → 结题验收 final acceptance ⇄ 整改 rectification → 结题 closed (passed / failed)
 * → 绩效评价 evaluated; 暂停 suspended and 终止 terminated with a reason. Pure, so the server enforces it
 * and the web offers only the legal moves.
 */
export const PROJECT_STATES = [
  'approved',
  'contracting',
  'in_progress',
  'interim_check',
  'final_acceptance',
  'rectification',
  'closed',
  'evaluated',
  'suspended',
  'terminated',
] as const;
export type ProjectState = (typeof PROJECT_STATES)[number];

/** How a closed project ended (结题 通过 / 不通过). */
export const PROJECT_OUTCOMES = ['passed', 'failed'] as const;
export type ProjectOutcome = (typeof PROJECT_OUTCOMES)[number];

export const PROJECT_ACTIONS = [
  'start_contracting',
  'start',
  'open_interim',
  'close_interim',
  'open_final',
  'request_rectification',
  'resubmit',
  'close',
  'evaluate',
  'suspend',
  'resume',
  'terminate',
] as const;
export type ProjectAction = (typeof PROJECT_ACTIONS)[number];

/** Every state a project can still be stopped from: all but the ends. */
const RUNNING: readonly ProjectState[] = [
  'approved',
  'contracting',
  'in_progress',
  'interim_check',
  'final_acceptance',
  'rectification',
  'suspended',
];

/** Each action: the states it may start from and the state it leads to. */
export const PROJECT_TRANSITIONS: Record<ProjectAction, { from: readonly ProjectState[]; to: ProjectState }> =
  {
    start_contracting: { from: ['approved'], to: 'contracting' },
    start: { from: ['approved', 'contracting'], to: 'in_progress' },
    open_interim: { from: ['in_progress'], to: 'interim_check' },
    close_interim: { from: ['interim_check'], to: 'in_progress' },
    open_final: { from: ['in_progress'], to: 'final_acceptance' },
    request_rectification: { from: ['final_acceptance'], to: 'rectification' },
    resubmit: { from: ['rectification'], to: 'final_acceptance' },
    close: { from: ['final_acceptance', 'rectification'], to: 'closed' },
    evaluate: { from: ['closed'], to: 'evaluated' },
    suspend: { from: ['in_progress', 'interim_check'], to: 'suspended' },
    resume: { from: ['suspended'], to: 'in_progress' },
    terminate: { from: RUNNING, to: 'terminated' },
  };

/** Actions that must say why (the timeline shows it; 暂停 and 终止 are never silent). */
export const REASON_REQUIRED: ReadonlySet<ProjectAction> = new Set([
  'request_rectification',
  'suspend',
  'terminate',
]);

/** The state `action` leads to from `state`, or null when it is not a legal move. */
export function nextProjectState(state: ProjectState, action: ProjectAction): ProjectState | null {
  const t = PROJECT_TRANSITIONS[action];
  return t.from.includes(state) ? t.to : null;
}

/** The actions legal from a state, in the order of PROJECT_ACTIONS (the web offers these). */
export const legalProjectActions = (state: ProjectState): ProjectAction[] =>
  PROJECT_ACTIONS.filter((a) => nextProjectState(state, a) !== null);

/**
 * The moves a check makes (server/modules/projects/checks): opening 中期检查 / 结题验收, its verdict
 * (back to execution, 整改, 结题) and 绩效评价. On an extramural project only the checks module makes
 * them, so a project is never in a check state without its check; an intramural project has no 任务书
 * to check against and its unit's director makes them directly (docs/projects.md).
 */
export const CHECK_ACTIONS: ReadonlySet<ProjectAction> = new Set([
  'open_interim',
  'close_interim',
  'open_final',
  'request_rectification',
  'resubmit',
  'close',
  'evaluate',
]);

/** The moves the transitions route makes for a project of `kind` in `state` (the web offers these). */
export const directProjectActions = (
  state: ProjectState,
  kind: 'intramural' | 'extramural',
): ProjectAction[] =>
  legalProjectActions(state).filter((a) => kind === 'intramural' || !CHECK_ACTIONS.has(a));

/** Types of 考核指标 in a 任务书: each decides the type of its target. */
export const INDICATOR_TYPES = ['count', 'amount', 'percentage', 'date', 'yes_no'] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];

/**
 * The reports a project owes, computed from its dates: an annual report at the end of each full
 * project year before the last, an interim report halfway (by months), the final report on the end date.
 */
export function reportingSchedule(
  startsOn: string,
  endsOn: string,
): { kind: 'annual' | 'interim' | 'final'; dueOn: string }[] {
  const after = (months: number) => endOfProjectMonth(startsOn, months);
  const [y, m] = startsOn.split('-').map(Number) as [number, number];
  const [ey, em] = endsOn.split('-').map(Number) as [number, number];
  const months = (ey - y) * 12 + (em - m) + 1;
  const out: { kind: 'annual' | 'interim' | 'final'; dueOn: string }[] = [];
  for (let k = 12; after(k) < endsOn; k += 12) out.push({ kind: 'annual', dueOn: after(k) });
  if (months >= 12) out.push({ kind: 'interim', dueOn: after(Math.floor(months / 2)) });
  out.push({ kind: 'final', dueOn: endsOn });
  return out.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.kind.localeCompare(b.kind));
}

/**
 * The last day of month `n` of a project starting on `start`: the day before the same day of the month
 * `n` months later (clamped to that month's length, so 31 January + 1 month is the day before 28/29
 * February, not a day in March).
 */
export function endOfProjectMonth(start: string, n: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const daysIn = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
  const same = new Date(Date.UTC(y, m - 1 + n, Math.min(d, daysIn)));
  same.setUTCDate(same.getUTCDate() - 1);
  return same.toISOString().slice(0, 10);
}

/**
 * The cost categories of a 任务书 (the 2021 reform's 设备费, 业务费, 劳务费, plus indirect costs) that
 * spending is booked against; each maps to the amount field of a 任务书 budget line.
 */
export const SPENDING_CATEGORIES = ['equipment', 'operations', 'labour', 'indirect'] as const;
export type SpendingCategory = (typeof SPENDING_CATEGORIES)[number];
export const AGREEMENT_AMOUNT_FIELD = {
  equipment: 'equipmentMinor',
  operations: 'operationsMinor',
  labour: 'labourMinor',
  indirect: 'indirectMinor',
} as const satisfies Record<SpendingCategory, string>;

export interface BudgetCell {
  organisationId: string;
  category: SpendingCategory;
  plannedMinor: number;
  spentMinor: number;
  /** What may still be spent: planned minus spent (negative only if the plan was cut below spending). */
  headroomMinor: number;
}

/**
 * Plan against actual per member × category: the approved plan (frozen 任务书 plus approved
 * adjustments) beside the sum of the spending. Pure, so the web and the server compute the same.
 */
export function budgetCells(
  plan: readonly { organisationId: string; category: SpendingCategory; amountMinor: number }[],
  spent: readonly { organisationId: string; category: SpendingCategory; amountMinor: number }[],
): BudgetCell[] {
  const key = (o: string, c: string) => `${o}\u0000${c}`;
  const cells = new Map<string, BudgetCell>();
  const cell = (organisationId: string, category: SpendingCategory) => {
    const k = key(organisationId, category);
    let c = cells.get(k);
    if (!c) {
      c = { organisationId, category, plannedMinor: 0, spentMinor: 0, headroomMinor: 0 };
      cells.set(k, c);
    }
    return c;
  };
  for (const p of plan) cell(p.organisationId, p.category).plannedMinor += p.amountMinor;
  for (const s of spent) cell(s.organisationId, s.category).spentMinor += s.amountMinor;
  for (const c of cells.values()) c.headroomMinor = c.plannedMinor - c.spentMinor;
  return [...cells.values()];
}
