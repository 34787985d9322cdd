import type { AssignmentMode, ExpertCategory, SeatState } from '../../common/review.js';
import { tk } from '../i18n/index.js';

/** The review vocabulary of common/review.ts, marked for translation. */
export const MODE_LABELS: Record<AssignmentMode, string> = {
  optimal: tk('Optimised'),
  random: tk('Random draw'),
  hybrid: tk('Hybrid'),
};
export const CATEGORY_LABELS: Record<ExpertCategory, string> = {
  academic: tk('Academic'),
  industry: tk('Industry'),
  lab: tk('Laboratory'),
};
export const SEAT_LABELS: Record<SeatState, string> = {
  invited: tk('Invited'),
  accepted: tk('Accepted'),
  declined: tk('answer.declined'),
  expired: tk('No answer'),
};
export const SEAT_COLORS: Record<SeatState, string> = {
  invited: 'blue',
  accepted: 'green',
  declined: 'red',
  expired: 'default',
};
