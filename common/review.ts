/**
 * Expert review (DOMAIN.md §5) vocabulary shared by server and web. English labels double as i18n keys
 * (ARCHITECTURE.md convention 8).
 */
/** In the order the assignment engine fills composition seats (server/modules/review/engines/assignment). */
export const EXPERT_CATEGORIES = ['academic', 'industry', 'lab'] as const;
export type ExpertCategory = (typeof EXPERT_CATEGORIES)[number];
export const EXPERT_CATEGORY_LABELS: Record<ExpertCategory, string> = {
  academic: 'Academic',
  lab: 'Laboratory',
  industry: 'Industry',
};

export const OUTPUT_KINDS = ['publication', 'patent', 'project'] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];
export const OUTPUT_KIND_LABELS: Record<OutputKind, string> = {
  publication: 'Publication',
  patent: 'Patent',
  project: 'Project',
};

export const ASSIGNMENT_MODES = ['optimal', 'random', 'hybrid'] as const;
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];
export const ASSIGNMENT_MODE_LABELS: Record<AssignmentMode, string> = {
  optimal: 'Optimised',
  random: 'Random draw',
  hybrid: 'Hybrid',
};

/** A seat: invited → accepted | declined | expired (no answer within the window). */
export const SEAT_STATES = ['invited', 'accepted', 'declined', 'expired'] as const;
export type SeatState = (typeof SEAT_STATES)[number];
export const SEAT_STATE_LABELS: Record<SeatState, string> = {
  invited: 'Invited',
  accepted: 'Accepted',
  declined: 'Declined',
  expired: 'No answer',
};

/** Funding outcomes of a decision (the application states they lead to). */
export const DECISION_OUTCOMES = ['approved', 'waitlisted', 'declined'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];
