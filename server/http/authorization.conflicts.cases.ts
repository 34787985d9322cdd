import type { MatrixEnv, RouteCase } from './authorization.matrix.js';

/** The authorization matrix rows of the conflict rules (issue 5). */
export function conflictsCases(_env: MatrixEnv): RouteCase[] {
  return [];
}
