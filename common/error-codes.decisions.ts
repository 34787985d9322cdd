/** Problem codes of the funding decisions (issue 5); spread into common/error-codes.ts. */
export const DECISIONS_ERRORS = {} as const;
