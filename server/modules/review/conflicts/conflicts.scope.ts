/** What one load of the conflict engine covers, as reusable query filters (conflicts.data*.ts). */
import type { ExpressionBuilder } from 'kysely';
import type { DB } from '../../../db/schema.js';

export interface LoadScope {
  /** One application of the call, whatever its state (explain); default: the call's in_review ones. */
  applicationId?: string;
  /** One expert, active or not (explain); default: every active expert. */
  expertId?: string;
}

/** The applications a load covers (aliased `a`): the one asked for, else the call's in-review ones. */
export const applicationsInScope =
  (callId: string, scope: LoadScope) => (eb: ExpressionBuilder<DB & { a: DB['applications'] }, 'a'>) =>
    eb.and([
      eb('a.call_id', '=', callId),
      scope.applicationId ? eb('a.id', '=', scope.applicationId) : eb('a.state', '=', 'in_review'),
    ]);

/** The experts a load covers (aliased `e`): the one asked for, else every active expert. */
export const expertsInScope = (scope: LoadScope) => (eb: ExpressionBuilder<DB & { e: DB['experts'] }, 'e'>) =>
  scope.expertId ? eb('e.id', '=', scope.expertId) : eb('e.active', '=', 1);
