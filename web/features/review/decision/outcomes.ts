import type { DecisionOutcome } from '../../../../common/review.js';
import { tk } from '../../../i18n/index.js';

export const OUTCOME_SHOWN: Record<DecisionOutcome, string> = {
  approved: tk('Approved'),
  waitlisted: tk('Waitlisted'),
  declined: tk('application.declined'),
};
export const OUTCOME_COLOR: Record<DecisionOutcome, string> = {
  approved: 'green',
  waitlisted: 'gold',
  declined: 'default',
};
