/**
 * SQL on an application's versions and their parts (docs/adr/0015): application_versions,
 * application_members, application_budget_lines and application_attachments. Money columns come back as
 * numbers and the content JSON is written here.
 */
import type { Kysely } from 'kysely';
import { camelRow, insertRow, jsonColumn, type RowValue, toJsonColumn, updateRow } from '../../db/rows.js';
import type {
  ApplicationAttachmentsTable,
  ApplicationBudgetLinesTable,
  ApplicationMembersTable,
  ApplicationVersionsTable,
  DB,
} from '../../db/schema.js';
import type { ApplicationContent, BudgetLineInput, ConsortiumMemberInput } from './applications.schema.js';

/** A version as stored, its content still the JSON text (read it with `versionContent`). */
export type Version = RowValue<ApplicationVersionsTable>;

export async function loadVersion(
  db: Kysely<DB>,
  applicationId: string,
  versionNo: number,
): Promise<Version | undefined> {
  const row = await db
    .selectFrom('application_versions')
    .selectAll()
    .where('application_id', '=', applicationId)
    .where('version_no', '=', versionNo)
    .executeTakeFirst();
  return row && camelRow(row);
}

/** Every version of an application, oldest first, with what the history shows of it. */
export async function versionsOf(db: Kysely<DB>, applicationId: string) {
  const rows = await db
    .selectFrom('application_versions')
    .select(['version_no', 'frozen_at', 'checksum', 'receipt_no'])
    .where('application_id', '=', applicationId)
    .orderBy('version_no')
    .execute();
  return rows.map(camelRow);
}

/** A frozen version: its receipt, checksum and the snapshot as submitted (set together when frozen). */
export interface FrozenVersion<T> {
  versionNo: number;
  frozenAt: string;
  checksum: string;
  receiptNo: string;
  snapshot: T;
}

/** The frozen version `versionNo`, or the latest frozen one when it is omitted. */
export async function frozenVersion<T = Record<string, unknown>>(
  db: Kysely<DB>,
  applicationId: string,
  versionNo?: number,
): Promise<FrozenVersion<T> | undefined> {
  let q = db
    .selectFrom('application_versions')
    .select(['version_no', 'frozen_at', 'checksum', 'receipt_no', 'snapshot_json'])
    .where('application_id', '=', applicationId)
    .where('frozen_at', 'is not', null);
  q = versionNo === undefined ? q.orderBy('version_no', 'desc') : q.where('version_no', '=', versionNo);
  const row = await q.executeTakeFirst();
  if (!row) return undefined;
  const { frozenAt, checksum, receiptNo, snapshotJson, versionNo: no } = camelRow(row);
  return {
    versionNo: no,
    frozenAt: frozenAt!,
    checksum: checksum!,
    receiptNo: receiptNo!,
    snapshot: jsonColumn<T>(snapshotJson!),
  };
}

/** A new, empty-bodied draft version (its content is `{}` unless given). */
export async function insertVersion(
  db: Kysely<DB>,
  {
    at,
    contentJson = '{}',
    ...v
  }: Pick<RowValue<ApplicationVersionsTable>, 'id' | 'applicationId' | 'callId' | 'versionNo'> & {
    contentJson?: string;
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('application_versions')
    .values(
      insertRow<ApplicationVersionsTable>({
        ...v,
        contentJson,
        frozenAt: null,
        snapshotJson: null,
        checksum: null,
        receiptSeq: null,
        receiptNo: null,
        createdAt: at,
        updatedAt: at,
      }),
    )
    .execute();
}

export async function setVersionContent(db: Kysely<DB>, versionId: string, content: ApplicationContent) {
  await db
    .updateTable('application_versions')
    .set({ content_json: toJsonColumn(content) })
    .where('id', '=', versionId)
    .execute();
}

export async function touchVersion(db: Kysely<DB>, versionId: string, at: string) {
  await db.updateTable('application_versions').set({ updated_at: at }).where('id', '=', versionId).execute();
}

/** Freezes a draft version as submitted (only once: a frozen version is left alone). */
export async function freezeVersion(
  db: Kysely<DB>,
  versionId: string,
  f: { at: string; snapshot: string; checksum: string; receiptSeq: number; receiptNo: string },
) {
  await db
    .updateTable('application_versions')
    .set(
      updateRow<ApplicationVersionsTable>({
        frozenAt: f.at,
        snapshotJson: f.snapshot,
        checksum: f.checksum,
        receiptSeq: f.receiptSeq,
        receiptNo: f.receiptNo,
        updatedAt: f.at,
      }),
    )
    .where('id', '=', versionId)
    .where('frozen_at', 'is', null)
    .execute();
}

/** A consortium member of a version, its money as numbers. */
export interface Member extends Omit<RowValue<ApplicationMembersTable>, 'requestedMinor' | 'cofundingMinor'> {
  requestedMinor: number;
  cofundingMinor: number;
}
/** A budget line of a version, its amount as a number. */
export interface BudgetLine extends Omit<RowValue<ApplicationBudgetLinesTable>, 'amountMinor'> {
  amountMinor: number;
}
export type Attachment = RowValue<ApplicationAttachmentsTable>;

export async function membersOf(db: Kysely<DB>, versionId: string): Promise<Member[]> {
  const rows = await db
    .selectFrom('application_members')
    .selectAll()
    .where('version_id', '=', versionId)
    .orderBy('position')
    .execute();
  return rows.map((r) => {
    const { requestedMinor, cofundingMinor, ...rest } = camelRow(r);
    return { ...rest, requestedMinor: Number(requestedMinor), cofundingMinor: Number(cofundingMinor) };
  });
}

export async function budgetOf(db: Kysely<DB>, versionId: string): Promise<BudgetLine[]> {
  const rows = await db
    .selectFrom('application_budget_lines')
    .selectAll()
    .where('version_id', '=', versionId)
    .orderBy('organisation_id')
    .orderBy('category')
    .execute();
  return rows.map((r) => {
    const { amountMinor, ...rest } = camelRow(r);
    return { ...rest, amountMinor: Number(amountMinor) };
  });
}

export async function attachmentsOf(db: Kysely<DB>, versionId: string): Promise<Attachment[]> {
  const rows = await db
    .selectFrom('application_attachments')
    .selectAll()
    .where('version_id', '=', versionId)
    .orderBy('key')
    .execute();
  return rows.map(camelRow);
}

/** Replaces the consortium of a draft version; budget lines of organisations that left go with them. */
export async function writeConsortium(
  db: Kysely<DB>,
  versionId: string,
  members: readonly ConsortiumMemberInput[],
  newId: () => string,
) {
  await db.deleteFrom('application_members').where('version_id', '=', versionId).execute();
  await db
    .insertInto('application_members')
    .values(
      members.map((m, position) =>
        insertRow<ApplicationMembersTable>({
          id: newId(),
          versionId,
          position,
          organisationId: m.organisationId,
          contactPersonId: m.contactPersonId ?? null,
          role: m.role ?? null,
          requestedMinor: m.requestedMinor,
          cofundingMinor: m.cofundingMinor,
        }),
      ),
    )
    .execute();
  await db
    .deleteFrom('application_budget_lines')
    .where('version_id', '=', versionId)
    .where(
      'organisation_id',
      'not in',
      members.map((m) => m.organisationId),
    )
    .execute();
}

/** Replaces the budget lines of a draft version. */
export async function writeBudget(db: Kysely<DB>, versionId: string, lines: readonly BudgetLineInput[]) {
  await db.deleteFrom('application_budget_lines').where('version_id', '=', versionId).execute();
  if (lines.length)
    await db
      .insertInto('application_budget_lines')
      .values(
        lines.map((l) =>
          insertRow<ApplicationBudgetLinesTable>({
            versionId,
            organisationId: l.organisationId,
            category: l.category,
            amountMinor: l.amountMinor,
          }),
        ),
      )
      .execute();
}

/**
 * A new draft version after `fromNo` with its content, members, budget lines and attachments (sharing
 * their stored files); answers the new version's number.
 */
export async function copyVersion(
  db: Kysely<DB>,
  applicationId: string,
  fromNo: number,
  at: string,
  newId: () => string,
): Promise<number> {
  const { id: fromId, callId, contentJson } = (await loadVersion(db, applicationId, fromNo))!;
  const versionNo = fromNo + 1;
  const id = newId();
  await insertVersion(db, { id, applicationId, callId, versionNo, contentJson, at });
  await copyVersionParts(db, fromId, id, newId);
  return versionNo;
}

/** Copies members, budget lines and attachments (sharing their stored files) from one version to another. */
async function copyVersionParts(db: Kysely<DB>, fromId: string, toId: string, newId: () => string) {
  const members = await db
    .selectFrom('application_members')
    .selectAll()
    .where('version_id', '=', fromId)
    .execute();
  if (members.length)
    await db
      .insertInto('application_members')
      .values(members.map((m) => ({ ...m, id: newId(), version_id: toId })))
      .execute();
  const lines = await db
    .selectFrom('application_budget_lines')
    .selectAll()
    .where('version_id', '=', fromId)
    .execute();
  if (lines.length)
    await db
      .insertInto('application_budget_lines')
      .values(lines.map((l) => ({ ...l, version_id: toId })))
      .execute();
  const files = await db
    .selectFrom('application_attachments')
    .selectAll()
    .where('version_id', '=', fromId)
    .execute();
  if (files.length)
    await db
      .insertInto('application_attachments')
      .values(files.map((f) => ({ ...f, id: newId(), version_id: toId })))
      .execute();
}

/** Stores the file under its key, replacing an earlier one. */
export async function replaceAttachment(db: Kysely<DB>, file: RowValue<ApplicationAttachmentsTable>) {
  await removeAttachment(db, file.versionId, file.key);
  await db
    .insertInto('application_attachments')
    .values(insertRow<ApplicationAttachmentsTable>(file))
    .execute();
}

/** Removes the file under `key`; false when there was none. */
export async function removeAttachment(db: Kysely<DB>, versionId: string, key: string): Promise<boolean> {
  const res = await db
    .deleteFrom('application_attachments')
    .where('version_id', '=', versionId)
    .where('key', '=', key)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** An attachment of any version of the application. */
export async function attachmentOfApplication(db: Kysely<DB>, applicationId: string, attachmentId: string) {
  const row = await db
    .selectFrom('application_attachments as f')
    .innerJoin('application_versions as v', 'v.id', 'f.version_id')
    .select(['f.file_name', 'f.media_type', 'f.sha256'])
    .where('f.id', '=', attachmentId)
    .where('v.application_id', '=', applicationId)
    .executeTakeFirst();
  return row && camelRow(row);
}

/** How many consortium members of any version name the person as their contact. */
export async function contactEntriesOf(db: Kysely<DB>, personId: string): Promise<number> {
  const row = await db
    .selectFrom('application_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('contact_person_id', '=', personId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A version's content as the applicant saved it (the content_json column). */
export const versionContent = (v: Pick<Version, 'contentJson'>): ApplicationContent =>
  jsonColumn<ApplicationContent>(v.contentJson);
