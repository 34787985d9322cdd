/**
 * Application states, the table of legal transitions and budget cost categories (DOMAIN.md §4), shared
 * by server and web. English labels double as i18n keys (ARCHITECTURE.md convention 8).
 */

export const APPLICATION_STATES = [
  'draft',
  'submitted',
  'screening',
  'returned',
  'rejected',
  'in_review',
  'approved',
  'waitlisted',
  'declined',
  'withdrawn',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const APPLICATION_STATE_LABELS: Record<ApplicationState, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  screening: 'Screening',
  returned: 'Returned for correction',
  rejected: 'Not accepted',
  in_review: 'In review',
  approved: 'Approved',
  waitlisted: 'Waitlisted',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
};

export const APPLICATION_ACTIONS = [
  'submit',
  'resubmit',
  'start_screening',
  'pass',
  'return',
  'reject',
  'approve',
  'waitlist',
  'decline',
  'withdraw',
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

/**
 * Every legal move: action → the states it may start from and the state it leads to. A resubmission
 * goes back to `submitted` with a new frozen version; withdrawal is open until a decision.
 */
export const APPLICATION_TRANSITIONS: Record<
  ApplicationAction,
  { from: readonly ApplicationState[]; to: ApplicationState }
> = {
  submit: { from: ['draft'], to: 'submitted' },
  resubmit: { from: ['returned'], to: 'submitted' },
  start_screening: { from: ['submitted'], to: 'screening' },
  pass: { from: ['submitted', 'screening'], to: 'in_review' },
  return: { from: ['submitted', 'screening'], to: 'returned' },
  reject: { from: ['submitted', 'screening'], to: 'rejected' },
  approve: { from: ['in_review'], to: 'approved' },
  waitlist: { from: ['in_review'], to: 'waitlisted' },
  decline: { from: ['in_review'], to: 'declined' },
  withdraw: { from: ['draft', 'submitted', 'screening', 'returned', 'in_review'], to: 'withdrawn' },
};

/** The state an action leads to from `state`, or null when the move is illegal. */
export function nextState(state: ApplicationState, action: ApplicationAction): ApplicationState | null {
  const t = APPLICATION_TRANSITIONS[action];
  return t.from.includes(state) ? t.to : null;
}

/** States in which the applicant edits the current (unfrozen) version. */
export const EDITABLE_STATES: readonly ApplicationState[] = ['draft', 'returned'];

// Budget cost categories and attachment types are the call's: common/calls.ts.

export const INVITATION_STATES = ['pending', 'confirmed', 'declined', 'revoked'] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];
