/** Problem codes of the assignment runs and invitations (issue 5); spread into common/error-codes.ts. */
export const ASSIGNMENT_ERRORS = {} as const;
