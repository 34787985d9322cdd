/**
 * "module file: table" pairs that still break the ownership rule (server/db/ownership.ts), as of the house
 * step (issue 11), counting tables named in query-builder calls and in raw `sql` templates (ADR 0018).
 * Delete a line when its SQL moves into the owning repository; never add one.
 */
export const PENDING_MOVES: readonly string[] = [
  // Found when raw `sql` templates started to count: the results facets and the field filter join
  // platforms, units and fields in one query; they should take query fragments from the owners.
  'results/results.repository.ts: org_units',
  'results/results.repository.ts: platforms',
  'results/results.repository.ts: tech_fields',
  'results/results.search.repository.ts: tech_fields',
  'users/users.service.ts: platforms',
];
