/**
 * All SQL on the review/conflicts tables that names no other module's table (docs/adr/0015): rule-set
 * versions, a call's stored exclusions, and the applicants' avoid requests.
 */
import type { Kysely, Selectable } from 'kysely';
import { type ConflictRule, conflictRules } from '../../../../common/conflict-rules.js';
import type { DialectSeam } from '../../../db/dialect.js';
import {
  camelRow,
  insertRow,
  type JsonValue,
  jsonColumn,
  type RowValue,
  toJsonColumn,
} from '../../../db/rows.js';
import type {
  ApplicationAvoidRequestsTable,
  ConflictExclusionsTable,
  ConflictRuleSetsTable,
  DB,
} from '../../../db/schema.js';

export interface RuleSetRecord extends Omit<RowValue<ConflictRuleSetsTable>, 'rulesJson'> {
  rules: ConflictRule[];
}

function toRuleSet(row: Selectable<ConflictRuleSetsTable>): RuleSetRecord {
  const { rulesJson, ...set } = camelRow(row);
  return { ...set, rules: conflictRules.parse(jsonColumn(rulesJson)) };
}

// --- rule sets ---

export async function findRuleSet(db: Kysely<DB>, id: string): Promise<RuleSetRecord | undefined> {
  const row = await db.selectFrom('conflict_rule_sets').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRuleSet(row) : undefined;
}

/** Presets and the rule sets of these platforms ('all': every one), by code, newest version first. */
export async function ruleSetsVisible(db: Kysely<DB>, platforms: string[] | 'all'): Promise<RuleSetRecord[]> {
  let query = db.selectFrom('conflict_rule_sets').selectAll();
  if (platforms !== 'all')
    query = query.where((eb) =>
      eb.or([
        eb('platform_id', 'is', null),
        ...(platforms.length ? [eb('platform_id', 'in', platforms)] : []),
      ]),
    );
  const rows = await query.orderBy('code').orderBy('version', 'desc').execute();
  return rows.map(toRuleSet);
}

/** The newest version number of each code. */
export async function latestVersions(db: Kysely<DB>, codes: string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('conflict_rule_sets')
    .select(['code', (eb) => eb.fn.max('version').as('v')])
    .where('code', 'in', codes)
    .groupBy('code')
    .execute();
  return new Map(rows.map((r) => [r.code, Number(r.v)]));
}

/** The newest version of a code and its owner, the row locked so two new versions cannot clash. */
export async function lockLatestVersion(db: Kysely<DB>, seam: DialectSeam, code: string) {
  const row = await seam
    .forUpdate(
      db
        .selectFrom('conflict_rule_sets')
        .select(['platform_id', 'version'])
        .where('code', '=', code)
        .orderBy('version', 'desc')
        .limit(1),
    )
    .executeTakeFirst();
  return row && camelRow(row);
}

export async function insertRuleSet(db: Kysely<DB>, { rules, ...r }: RuleSetRecord): Promise<void> {
  await db
    .insertInto('conflict_rule_sets')
    .values(insertRow<ConflictRuleSetsTable>({ ...r, rulesJson: toJsonColumn(rules) }))
    .execute();
}

// --- exclusions ---

export interface Exclusion extends Omit<RowValue<ConflictExclusionsTable>, 'evidenceJson'> {
  evidence: JsonValue;
}

const toExclusion = (row: Selectable<ConflictExclusionsTable>): Exclusion => {
  const { evidenceJson, ...x } = camelRow(row);
  return { ...x, evidence: jsonColumn<JsonValue>(evidenceJson) };
};

const INSERT_CHUNK = 500;

/** Replaces the stored exclusions of the call with these. */
export async function replaceExclusions(db: Kysely<DB>, callId: string, rows: Exclusion[]): Promise<void> {
  await db.deleteFrom('conflict_exclusions').where('call_id', '=', callId).execute();
  const values = rows.map(({ evidence, ...x }) =>
    insertRow<ConflictExclusionsTable>({ ...x, evidenceJson: toJsonColumn(evidence) }),
  );
  for (let i = 0; i < values.length; i += INSERT_CHUNK) {
    await db
      .insertInto('conflict_exclusions')
      .values(values.slice(i, i + INSERT_CHUNK))
      .execute();
  }
}

/** The stored (expert, application) pairs of a call. */
export async function excludedPairsOf(db: Kysely<DB>, callId: string) {
  const rows = await db
    .selectFrom('conflict_exclusions')
    .select(['expert_id', 'application_id'])
    .where('call_id', '=', callId)
    .execute();
  return rows.map(camelRow);
}

/** The stored exclusions of a call, evidence parsed. */
export async function exclusionsOfCall(db: Kysely<DB>, callId: string): Promise<Exclusion[]> {
  const rows = await db.selectFrom('conflict_exclusions').selectAll().where('call_id', '=', callId).execute();
  return rows.map(toExclusion);
}

/** The rules that exclude one pair of the call, with their evidence. */
export async function exclusionsOfPair(
  db: Kysely<DB>,
  callId: string,
  applicationId: string,
  expertId: string,
) {
  const rows = await db
    .selectFrom('conflict_exclusions')
    .select(['rule_key', 'evidence_json'])
    .where('call_id', '=', callId)
    .where('application_id', '=', applicationId)
    .where('expert_id', '=', expertId)
    .execute();
  return rows.map((r) => {
    const { ruleKey, evidenceJson } = camelRow(r);
    return { ruleKey, evidence: jsonColumn(evidenceJson) as unknown };
  });
}

// --- avoid requests ---

export type AvoidRequest = RowValue<ApplicationAvoidRequestsTable>;

/** The names already on an application's avoid list. */
export async function avoidNames(db: Kysely<DB>, applicationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('application_avoid_requests')
    .select(['name'])
    .where('application_id', '=', applicationId)
    .execute();
  return rows.map((r) => r.name);
}

/** The application of every avoid request naming one of the organisations (one entry a request). */
export async function applicationsAvoiding(
  db: Kysely<DB>,
  organisationIds: readonly string[],
): Promise<Array<{ organisationId: string; applicationId: string }>> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom('application_avoid_requests')
    .select(['organisation_id as organisationId', 'application_id as applicationId'])
    .where('organisation_id', 'in', organisationIds)
    .execute();
  return rows.flatMap((r) => (r.organisationId ? [{ ...r, organisationId: r.organisationId }] : []));
}

/** The avoid lists of the applications, oldest request first. */
export async function avoidRequestsOf(
  db: Kysely<DB>,
  applicationIds: readonly string[],
): Promise<AvoidRequest[]> {
  if (!applicationIds.length) return [];
  const rows = await db
    .selectFrom('application_avoid_requests')
    .selectAll()
    .where('application_id', 'in', [...new Set(applicationIds)])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toAvoidRequest);
}

const toAvoidRequest = (r: Selectable<ApplicationAvoidRequestsTable>): AvoidRequest => camelRow(r);

export async function findAvoidRequest(
  db: Kysely<DB>,
  applicationId: string,
  id: string,
): Promise<AvoidRequest | undefined> {
  const r = await db
    .selectFrom('application_avoid_requests')
    .selectAll()
    .where('id', '=', id)
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
  return r && toAvoidRequest(r);
}

export async function insertAvoidRequest(db: Kysely<DB>, r: AvoidRequest): Promise<void> {
  await db
    .insertInto('application_avoid_requests')
    .values(insertRow<ApplicationAvoidRequestsTable>(r))
    .execute();
}

export async function deleteAvoidRequest(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('application_avoid_requests').where('id', '=', id).execute();
}
