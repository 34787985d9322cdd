import type { ApplicationState } from '../../../common/applications.js';

export const STEP_KEYS = [
  'summary',
  'objectives',
  'work-plan',
  'consortium',
  'budget',
  'attachments',
  'confirmations',
  'check',
] as const;
export type StepKey = (typeof STEP_KEYS)[number];

/**
 * The wizard step whose data a submission problem is about (the server's pointer and code, from the
 * eligibility check): a missing confirmation is the confirmations step's and a budget that does not add
 * up to a member's request is the budget step's, though both point into the consortium.
 */
export function stepOfProblem(pointer: string, code: string): StepKey {
  if (code === 'applications.confirmation_missing') return 'confirmations';
  if (code === 'applications.budget_mismatch') return 'budget';
  const [section, part] = pointer.split('/').filter(Boolean);
  if (section === 'content') {
    if (part === 'objectives') return 'objectives';
    if (part === 'workPlan') return 'work-plan';
    return 'summary';
  }
  if (section === 'consortium') return 'consortium';
  if (section === 'budget') return 'budget';
  if (section === 'attachments') return 'attachments';
  return 'check';
}

export type StepStatus = 'finish' | 'process' | 'wait';

/**
 * Each step's mark: ✓ (finish) only when the saved draft has nothing missing in it, the current step in
 * progress, anything else waiting — whether or not the applicant has opened it. The last step is done
 * only by submitting, so it never carries a ✓ in the wizard. Until the check has answered (problems
 * undefined) no step is marked done.
 */
export function stepStatuses(
  current: number,
  problems: readonly { pointer: string; code: string }[] | undefined,
): StepStatus[] {
  const open = new Set(problems?.map((p) => stepOfProblem(p.pointer, p.code)));
  return STEP_KEYS.map((key, i) => {
    if (i === current) return 'process';
    if (!problems || key === 'check' || open.has(key)) return 'wait';
    return 'finish';
  });
}

/** The applicant's journey after the wizard: submitted → formal screening → expert review → decision. */
export const JOURNEY = ['submitted', 'screening', 'review', 'decision'] as const;
export type JourneyStage = (typeof JOURNEY)[number];

export interface Journey {
  /** The stage the application is at (or stopped at). */
  current: number;
  status: 'process' | 'finish' | 'error' | 'wait';
}

const STAGE_OF: Record<Exclude<ApplicationState, 'draft' | 'withdrawn'>, Journey> = {
  // Submitted and not yet opened by the office: screening is next, not under way.
  submitted: { current: 1, status: 'wait' },
  screening: { current: 1, status: 'process' },
  returned: { current: 1, status: 'error' },
  rejected: { current: 1, status: 'error' },
  in_review: { current: 2, status: 'process' },
  approved: { current: 3, status: 'finish' },
  waitlisted: { current: 3, status: 'process' },
  declined: { current: 3, status: 'error' },
};

/**
 * Where an application stands for its applicant. A withdrawn application stops at the stage of the
 * state it was withdrawn from (the last transition's), marked as an error; a draft has not started.
 */
export function journeyOf(
  state: ApplicationState,
  transitions: readonly { fromState: string | null; toState: string }[],
): Journey | null {
  if (state === 'draft') return null;
  if (state === 'withdrawn') {
    const from = transitions.findLast((t) => t.toState === 'withdrawn')?.fromState as
      | ApplicationState
      | undefined;
    const at = from && from !== 'draft' && from !== 'withdrawn' ? STAGE_OF[from].current : 0;
    return { current: at, status: 'error' };
  }
  return STAGE_OF[state];
}
