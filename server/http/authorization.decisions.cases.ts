import type { MatrixEnv, RouteCase } from './authorization.matrix.js';

/** The authorization matrix rows of the funding decisions (issue 5). */
export function decisionsCases(_env: MatrixEnv): RouteCase[] {
  return [];
}
