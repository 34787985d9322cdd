/** Problem codes of the expert database (issue 5); spread into common/error-codes.ts. */
export const EXPERTS_ERRORS = {} as const;
