/** Problem codes of the scorecards and the panel (issue 5); spread into common/error-codes.ts. */
export const SCORING_ERRORS = {} as const;
