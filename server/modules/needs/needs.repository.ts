import type { Kysely } from 'kysely';
import type {
  ContactState,
  DeclineReason,
  MatchKind,
  NeedLanguage,
  NeedState,
  NeedVisibility,
} from '../../../common/needs.js';
import type { DialectSeam } from '../../db/dialect.js';
import { camelRow, insertRow, jsonColumn, type RowValue, toJsonColumn, updateRow } from '../../db/rows.js';
import type { DB, NeedContactsTable, NeedsTable } from '../../db/schema.js';

/** A technology need as the module works with it (JSON and bigint columns converted). */
export interface Need
  extends Omit<RowValue<NeedsTable>, 'fieldIdsJson' | 'budgetMinor' | 'language' | 'visibility' | 'state'> {
  fieldIds: string[];
  budgetMinor: number | null;
  language: NeedLanguage;
  visibility: NeedVisibility;
  state: NeedState;
}

export interface NeedContact
  extends Omit<RowValue<NeedContactsTable>, 'targetKind' | 'state' | 'declineReason'> {
  targetKind: MatchKind;
  state: ContactState;
  declineReason: DeclineReason | null;
}

const toNeed = (row: NeedsTable): Need => {
  const { fieldIdsJson, budgetMinor, ...rest } = camelRow(row);
  return {
    ...rest,
    language: rest.language as NeedLanguage,
    visibility: rest.visibility as NeedVisibility,
    state: rest.state as NeedState,
    fieldIds: jsonColumn(fieldIdsJson) as string[],
    budgetMinor: budgetMinor === null ? null : Number(budgetMinor),
  };
};
const needRow = ({ fieldIds, ...n }: Need) =>
  insertRow<NeedsTable>({ ...n, fieldIdsJson: toJsonColumn(fieldIds) });
const toContact = (row: NeedContactsTable): NeedContact => camelRow(row) as NeedContact;

export async function insertNeed(db: Kysely<DB>, n: Need): Promise<void> {
  await db.insertInto('needs').values(needRow(n)).execute();
}

export async function updateNeed(db: Kysely<DB>, n: Need): Promise<void> {
  const { id, ...row } = needRow(n);
  await db.updateTable('needs').set(row).where('id', '=', id).execute();
}

/** One need; locked for update inside a write when a seam is given. */
export async function findNeed(
  db: Kysely<DB>,
  seam: DialectSeam | null,
  id: string,
): Promise<Need | undefined> {
  let q = db.selectFrom('needs').selectAll().where('id', '=', id);
  if (seam) q = seam.forUpdate(q);
  const row = await q.executeTakeFirst();
  return row && toNeed(row);
}

/** What a list of needs may be narrowed by; `readable` is the visibility rule as data. */
export interface NeedFilter {
  platformIds?: readonly string[];
  organisationId?: string;
  states?: readonly NeedState[];
  /** Public needs, plus staff-only ones of these platforms, plus every need of this organisation. */
  readable?: { staffPlatformIds: readonly string[]; organisationId: string | null };
  publicOnly?: boolean;
}

/** Needs matching the filter, newest first. */
export async function needsWhere(db: Kysely<DB>, f: NeedFilter): Promise<Need[]> {
  let q = db.selectFrom('needs').selectAll();
  if (f.platformIds) {
    if (f.platformIds.length === 0) return [];
    q = q.where('platform_id', 'in', [...f.platformIds]);
  }
  if (f.organisationId) q = q.where('organisation_id', '=', f.organisationId);
  if (f.states) q = q.where('state', 'in', [...f.states]);
  if (f.publicOnly) q = q.where('visibility', '=', 'public');
  const r = f.readable;
  if (r)
    q = q.where((eb) =>
      eb.or([
        eb('visibility', '=', 'public'),
        ...(r.staffPlatformIds.length ? [eb('platform_id', 'in', [...r.staffPlatformIds])] : []),
        ...(r.organisationId ? [eb('organisation_id', '=', r.organisationId)] : []),
      ]),
    );
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toNeed);
}

/** The needs of these ids (contacts name their need). */
export async function needsByIds(db: Kysely<DB>, ids: readonly string[]): Promise<Need[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('needs')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return rows.map(toNeed);
}

export async function insertContact(db: Kysely<DB>, c: NeedContact): Promise<void> {
  await db.insertInto('need_contacts').values(insertRow<NeedContactsTable>(c)).execute();
}

export async function findContact(
  db: Kysely<DB>,
  seam: DialectSeam | null,
  id: string,
): Promise<NeedContact | undefined> {
  let q = db.selectFrom('need_contacts').selectAll().where('id', '=', id);
  if (seam) q = seam.forUpdate(q);
  const row = await q.executeTakeFirst();
  return row && toContact(row);
}

export async function contactExists(db: Kysely<DB>, needId: string, kind: MatchKind, targetId: string) {
  const row = await db
    .selectFrom('need_contacts')
    .select('id')
    .where('need_id', '=', needId)
    .where('target_kind', '=', kind)
    .where('target_id', '=', targetId)
    .executeTakeFirst();
  return !!row;
}

export async function answerContact(
  db: Kysely<DB>,
  id: string,
  patch: Pick<NeedContact, 'state' | 'declineReason' | 'declineNote' | 'answeredBy' | 'answeredAt'>,
): Promise<void> {
  // Picked: callers pass the whole contact after the answer.
  const { state, declineReason, declineNote, answeredBy, answeredAt } = patch;
  await db
    .updateTable('need_contacts')
    .set(updateRow<NeedContactsTable>({ state, declineReason, declineNote, answeredBy, answeredAt }))
    .where('id', '=', id)
    .execute();
}

/** Contacts of the given needs, oldest first. */
export async function contactsOfNeeds(db: Kysely<DB>, needIds: readonly string[]): Promise<NeedContact[]> {
  if (needIds.length === 0) return [];
  const rows = await db
    .selectFrom('need_contacts')
    .selectAll()
    .where('need_id', 'in', [...needIds])
    .orderBy('sent_at')
    .orderBy('id')
    .execute();
  return rows.map(toContact);
}

/**
 * Contacts a provider answers: those of the given units, those addressed to the account itself, and
 * (for tech-transfer officers and admins) those of the platforms without unit or account. Newest first.
 */
export async function contactsForProvider(
  db: Kysely<DB>,
  p: { unitIds: readonly string[]; userId: string; platformIds: readonly string[] },
): Promise<NeedContact[]> {
  const rows = await db
    .selectFrom('need_contacts')
    .selectAll()
    .where((eb) =>
      eb.or([
        ...(p.unitIds.length ? [eb('unit_id', 'in', [...p.unitIds])] : []),
        eb('provider_user_id', '=', p.userId),
        ...(p.platformIds.length
          ? [
              eb.and([
                eb('platform_id', 'in', [...p.platformIds]),
                eb('unit_id', 'is', null),
                eb('provider_user_id', 'is', null),
              ]),
            ]
          : []),
      ]),
    )
    .orderBy('sent_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toContact);
}
