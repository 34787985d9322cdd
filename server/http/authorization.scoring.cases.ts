import type { MatrixEnv, RouteCase } from './authorization.matrix.js';

/** The authorization matrix rows of the scorecards and the panel (issue 5). */
export function scoringCases(_env: MatrixEnv): RouteCase[] {
  return [];
}
