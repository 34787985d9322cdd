import type { MatrixEnv, RouteCase } from './authorization.matrix.js';

/** The authorization matrix rows of the assignment runs and invitations (issue 5). */
export function assignmentCases(_env: MatrixEnv): RouteCase[] {
  return [];
}
