/**
 * SQL on the applications themselves (docs/adr/0015): the applications table, its transition history,
 * the calls' receipt counters, and the list queries. Versions are in `applications.versions.repository.ts`,
 * their members, budget lines and attachments in `applications.parts.repository.ts`, member invitations in
 * `applications.invitations.repository.ts`.
 */
import { type ExpressionBuilder, type Kysely, type Selectable, type SelectQueryBuilder, sql } from 'kysely';
import type { ApplicationState } from '../../../common/applications.js';
import type { DialectSeam } from '../../db/dialect.js';
import { camelRow, insertRow, type RowValue, updateRow } from '../../db/rows.js';
import type { ApplicationsTable, ApplicationTransitionsTable, DB } from '../../db/schema.js';
import type { ListApplicationsQuery } from './applications.schema.js';

type ApplicationRow = Selectable<ApplicationsTable>;

/** An application as this module's services, the views and other modules read it: money as a number, the state typed. */
export interface Application extends Omit<RowValue<ApplicationsTable>, 'state' | 'requestedTotalMinor'> {
  state: ApplicationState;
  requestedTotalMinor: number;
}

/** The columns a change sets, as part of the camelCase value. */
export type ApplicationPatch = Partial<RowValue<ApplicationsTable>>;

/** The camelCase value of an application row. */
function toApplication(row: ApplicationRow): Application {
  const { state, requestedTotalMinor, ...rest } = camelRow(row);
  return { ...rest, state: state as ApplicationState, requestedTotalMinor: Number(requestedTotalMinor) };
}

/** The application, its row locked for the rest of the transaction when a seam is given. */
export async function loadApplication(
  db: Kysely<DB>,
  id: string,
  lock?: DialectSeam,
): Promise<Application | undefined> {
  const q = db.selectFrom('applications').selectAll().where('id', '=', id);
  const row = await (lock ? lock.forUpdate(q) : q).executeTakeFirst();
  return row && toApplication(row);
}

/** The applications with these ids. */
export async function applicationsByIds(db: Kysely<DB>, ids: readonly string[]): Promise<Application[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('applications')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return rows.map(toApplication);
}

/** Ids of the applications a user owns (the projects module shows a lead its own projects). */
export async function applicationIdsOwnedBy(db: Kysely<DB>, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('applications').select('id').where('owner_user_id', '=', userId).execute();
  return rows.map((r) => r.id);
}

/**
 * Everyone who applies to a call: the owners of its applications that are not withdrawn, and the
 * contacts (with an account) of members who confirmed their part.
 */
export async function applicantUserIdsOfCall(db: Kysely<DB>, callId: string): Promise<string[]> {
  const owners = await db
    .selectFrom('applications')
    .select('owner_user_id as id')
    .where('call_id', '=', callId)
    .where('state', '!=', 'withdrawn')
    .execute();
  const members = await db
    .selectFrom('application_invitations as i')
    .innerJoin('applications as a', 'a.id', 'i.application_id')
    .select('i.user_id as id')
    .where('a.call_id', '=', callId)
    .where('a.state', '!=', 'withdrawn')
    .where('i.state', '=', 'confirmed')
    .where('i.user_id', 'is not', null)
    .execute();
  return [...new Set([...owners, ...members].map((r) => r.id).filter((x): x is string => !!x))];
}

export async function insertApplication(db: Kysely<DB>, app: Application): Promise<void> {
  await db.insertInto('applications').values(insertRow<ApplicationsTable>(app)).execute();
}

export async function updateApplication(db: Kysely<DB>, id: string, patch: ApplicationPatch): Promise<void> {
  await db
    .updateTable('applications')
    .set(updateRow<ApplicationsTable>(patch))
    .where('id', '=', id)
    .execute();
}

/**
 * Sets the new state with the patch only while the application is still in `fromState`; answers the
 * state it is in when another change came first (undefined when the move happened).
 */
export async function moveApplication(
  db: Kysely<DB>,
  id: string,
  fromState: string,
  patch: ApplicationPatch,
): Promise<{ stateNow: string | undefined } | undefined> {
  const res = await db
    .updateTable('applications')
    .set(updateRow<ApplicationsTable>(patch))
    .where('id', '=', id)
    .where('state', '=', fromState)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 1) return undefined;
  const now = await db.selectFrom('applications').select('state').where('id', '=', id).executeTakeFirst();
  return { stateNow: now?.state };
}

export async function insertTransition(
  db: Kysely<DB>,
  t: RowValue<ApplicationTransitionsTable>,
): Promise<void> {
  await db.insertInto('application_transitions').values(insertRow<ApplicationTransitionsTable>(t)).execute();
}

/** The application's transitions, oldest first. */
export async function transitionsOf(db: Kysely<DB>, applicationId: string) {
  const rows = await db
    .selectFrom('application_transitions')
    .select(['from_state', 'to_state', 'at', 'actor_label', 'reason'])
    .where('application_id', '=', applicationId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map(camelRow);
}

/**
 * Takes the call's next receipt number in one statement (the counter row is created at 1 on the call's
 * first submission); the row stays locked until the transaction ends, so numbers are gapless: a rolled
 * back submission gives its number back.
 */
export async function nextReceiptSeq(trx: Kysely<DB>, callId: string): Promise<number> {
  const row = await trx
    .insertInto('call_receipt_counters')
    .values({ call_id: callId, last_seq: 1 })
    .onConflict((oc) =>
      oc.column('call_id').doUpdateSet({ last_seq: sql<number>`call_receipt_counters.last_seq + 1` }),
    )
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return Number(row.last_seq);
}

type Q = SelectQueryBuilder<DB, 'applications', object>;
export type ListFilters = Omit<ListApplicationsQuery, 'limit' | 'offset' | 'sort' | 'order'>;
/** Who lists: everything for system admins, else the platforms they officer, their own and confirmed ones. */
export interface ListScope {
  all: boolean;
  userId: string;
  officerOf: string[];
}

/**
 * A draft belongs to its applicant until submitted: officers and system admins see an application of
 * theirs in lists, counts and exports only from submission on; the owner and the confirmed members see
 * their drafts.
 */
function visible(scope: ListScope, q: Q): Q {
  return q.where((eb: ExpressionBuilder<DB, 'applications'>) =>
    eb.or([
      ...(scope.all
        ? [eb('applications.state', '!=', 'draft')]
        : scope.officerOf.length
          ? [
              eb.and([
                eb('applications.platform_id', 'in', scope.officerOf),
                eb('applications.state', '!=', 'draft'),
              ]),
            ]
          : []),
      eb('applications.owner_user_id', '=', scope.userId),
      eb(
        'applications.id',
        'in',
        eb
          .selectFrom('application_invitations')
          .select('application_id')
          .where('user_id', '=', scope.userId)
          .where('state', '=', 'confirmed'),
      ),
    ]),
  );
}

function filtered(db: Kysely<DB>, scope: ListScope, q: ListFilters, withState: boolean): Q {
  let out = visible(scope, db.selectFrom('applications'));
  if (q.callId) out = out.where('applications.call_id', '=', q.callId);
  if (q.platformId) out = out.where('applications.platform_id', '=', q.platformId);
  if (q.fieldId) out = out.where('applications.field_id', '=', q.fieldId);
  if (withState && q.state) out = out.where('applications.state', '=', q.state);
  // The same bounds as the analytics' count by year of submission (applications.stats.repository.ts).
  if (q.submittedFrom) out = out.where('applications.submitted_at', '>=', q.submittedFrom);
  if (q.submittedTo) out = out.where('applications.submitted_at', '<=', `${q.submittedTo}T23:59:59.999Z`);
  if (q.q) {
    const like = `%${q.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    out = out.where((eb) =>
      eb.or([
        sql<boolean>`lower(coalesce(applications.title_zh, '')) like ${like} escape '\\'`,
        sql<boolean>`lower(coalesce(applications.title_en, '')) like ${like} escape '\\'`,
        sql<boolean>`lower(coalesce(applications.receipt_no, '')) like ${like} escape '\\'`,
      ]),
    );
  }
  return out;
}

const SORT_COLUMNS = {
  updatedAt: 'applications.updated_at',
  submittedAt: 'applications.submitted_at',
  title: 'applications.title_zh',
  requested: 'applications.requested_total_minor',
  state: 'applications.state',
} as const;

type Sorting = Pick<ListApplicationsQuery, 'sort' | 'order'>;

/**
 * One page of the applications the scope may see that match the filters, sorted; with the total and
 * the counts by state (the state filter left out).
 */
export async function listPage(
  db: Kysely<DB>,
  scope: ListScope,
  q: ListFilters & Sorting & { limit: number; offset: number },
) {
  const base = filtered(db, scope, q, true);
  const [rows, total, byState] = await Promise.all([
    base
      .selectAll('applications')
      .orderBy(SORT_COLUMNS[q.sort], q.order)
      .orderBy('applications.id', q.order)
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    filtered(db, scope, q, false)
      .select(['applications.state', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('applications.state')
      .execute(),
  ]);
  return {
    rows: rows.map(toApplication),
    total: Number(total.n),
    byState: byState.map((r) => ({ state: r.state, n: Number(r.n) })),
  };
}
