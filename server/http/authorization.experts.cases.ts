import type { MatrixEnv, RouteCase } from './authorization.matrix.js';

/** The authorization matrix rows of the expert database (issue 5). */
export function expertsCases(_env: MatrixEnv): RouteCase[] {
  return [];
}
