/** Problem codes of the conflict rules (issue 5); spread into common/error-codes.ts. */
export const CONFLICTS_ERRORS = {} as const;
