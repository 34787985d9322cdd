/**
 * What the conflict engine reads of the expert database (review/conflicts): the experts a load covers,
 * their outputs' collaborators and their declarations. Names of people and organisations are the
 * people and orgs modules' to give; these values carry their ids.
 */
import type { Kysely } from 'kysely';
import { camelRow } from '../../../db/rows.js';
import type { DB } from '../../../db/schema.js';

/** One expert (active or not) when given, else every active expert. */
export interface ExpertScope {
  expertId?: string | undefined;
}

/** The experts in the scope with their person, by id. */
export async function expertPeopleInScope(db: Kysely<DB>, scope: ExpertScope) {
  let q = db.selectFrom('experts').select(['id', 'person_id']);
  q = scope.expertId ? q.where('id', '=', scope.expertId) : q.where('active', '=', 1);
  const rows = await q.orderBy('id').execute();
  return rows.map(camelRow);
}

/** How many experts are active. */
export async function activeExpertCount(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('experts')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The collaborators named on the outputs of the experts in the scope. */
export async function outputCollaborators(db: Kysely<DB>, scope: ExpertScope) {
  let q = db
    .selectFrom('expert_output_collaborators as c')
    .innerJoin('expert_outputs as x', 'x.id', 'c.output_id')
    .innerJoin('experts as e', 'e.id', 'x.expert_id')
    .select([
      'e.id as expert_id',
      'x.id as output_id',
      'x.kind',
      'x.title',
      'x.year',
      'c.person_id',
      'c.name',
      'c.organisation_id',
    ]);
  q = scope.expertId ? q.where('e.id', '=', scope.expertId) : q.where('e.active', '=', 1);
  const rows = await q.execute();
  return rows.map(camelRow);
}

/** The conflicts the experts in the scope declared, oldest first. */
export async function declaredConflicts(db: Kysely<DB>, scope: ExpertScope) {
  let q = db
    .selectFrom('expert_declared_conflicts as d')
    .innerJoin('experts as e', 'e.id', 'd.expert_id')
    .select(['d.id', 'e.id as expert_id', 'd.reason', 'd.organisation_id', 'd.person_id']);
  q = scope.expertId ? q.where('e.id', '=', scope.expertId) : q.where('e.active', '=', 1);
  const rows = await q.orderBy('d.declared_at').orderBy('d.id').execute();
  return rows.map(camelRow);
}

/** How many conflicts of interest experts declared against the person. */
export async function conflictsDeclaredAgainst(db: Kysely<DB>, personId: string): Promise<number> {
  const row = await db
    .selectFrom('expert_declared_conflicts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('person_id', '=', personId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether any expert's output lists the organisation as a collaborator (ADR 0013 counts it). */
export async function collaboratorOrgNamed(
  db: Kysely<DB>,
  organisationIds: readonly string[],
): Promise<Set<string>> {
  if (organisationIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('expert_output_collaborators')
    .select('organisation_id')
    .distinct()
    .where('organisation_id', 'in', organisationIds)
    .execute();
  return new Set(rows.flatMap((r) => r.organisation_id ?? []));
}

/** Whether any expert declared a conflict with the organisation (ADR 0013 counts it). */
export async function declaredConflictOrgNamed(
  db: Kysely<DB>,
  organisationIds: readonly string[],
): Promise<Set<string>> {
  if (organisationIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('expert_declared_conflicts')
    .select('organisation_id')
    .distinct()
    .where('organisation_id', 'in', organisationIds)
    .execute();
  return new Set(rows.flatMap((r) => r.organisation_id ?? []));
}
