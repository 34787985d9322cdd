/** Problem codes of instrument sharing added with its module (issue 14); the first ones are in error-codes.services.ts. */
export const INSTRUMENTS_ERRORS = {
  'instruments.illegal_state': 'The instrument cannot move to that state from its current state',
  'instruments.not_bookable': 'The instrument is not open for booking',
  'instruments.over_capacity': 'The booking takes more machine hours than the instrument allows at once',
  'instruments.in_maintenance': 'The instrument is under maintenance at these hours',
  'instruments.illegal_decision': 'This is not possible in the current state of the booking',
  'instruments.window_too_wide': 'Ask for at most 31 days of the calendar at once',
} as const;
