/**
 * SQL on an application's versions and their parts (docs/adr/0015): application_versions,
 * application_members, application_budget_lines and application_attachments. Money columns come back as
 * numbers and the content JSON is written here.
 */
import type { Insertable, Kysely, Selectable } from 'kysely';
import { jsonColumn, toJsonColumn } from '../../db/rows.js';
import type {
  ApplicationAttachmentsTable,
  ApplicationMembersTable,
  ApplicationVersionsTable,
  DB,
} from '../../db/schema.js';
import type { ApplicationContent, BudgetLineInput, ConsortiumMemberInput } from './applications.schema.js';

export type VersionRow = Selectable<ApplicationVersionsTable>;
export type MemberRow = Selectable<ApplicationMembersTable>;
export type AttachmentRow = Selectable<ApplicationAttachmentsTable>;

export async function loadVersion(
  db: Kysely<DB>,
  applicationId: string,
  versionNo: number,
): Promise<VersionRow | undefined> {
  return db
    .selectFrom('application_versions')
    .selectAll()
    .where('application_id', '=', applicationId)
    .where('version_no', '=', versionNo)
    .executeTakeFirst();
}

/** Every version of an application, oldest first, with what the history shows of it. */
export function versionsOf(db: Kysely<DB>, applicationId: string) {
  return db
    .selectFrom('application_versions')
    .select(['version_no', 'frozen_at', 'checksum', 'receipt_no'])
    .where('application_id', '=', applicationId)
    .orderBy('version_no')
    .execute();
}

/** The frozen version `versionNo`, or the latest frozen one when it is omitted. */
export function frozenVersion(db: Kysely<DB>, applicationId: string, versionNo?: number) {
  let q = db
    .selectFrom('application_versions')
    .select(['version_no', 'frozen_at', 'checksum', 'receipt_no', 'snapshot_json'])
    .where('application_id', '=', applicationId)
    .where('frozen_at', 'is not', null);
  q = versionNo === undefined ? q.orderBy('version_no', 'desc') : q.where('version_no', '=', versionNo);
  return q.executeTakeFirst();
}

/** A new, empty-bodied draft version (its content is `{}` unless given). */
export async function insertVersion(
  db: Kysely<DB>,
  v: {
    id: string;
    applicationId: string;
    callId: string;
    versionNo: number;
    contentJson?: string;
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('application_versions')
    .values({
      id: v.id,
      application_id: v.applicationId,
      call_id: v.callId,
      version_no: v.versionNo,
      content_json: v.contentJson ?? '{}',
      frozen_at: null,
      snapshot_json: null,
      checksum: null,
      receipt_seq: null,
      receipt_no: null,
      created_at: v.at,
      updated_at: v.at,
    })
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
    .set({
      frozen_at: f.at,
      snapshot_json: f.snapshot,
      checksum: f.checksum,
      receipt_seq: f.receiptSeq,
      receipt_no: f.receiptNo,
      updated_at: f.at,
    })
    .where('id', '=', versionId)
    .where('frozen_at', 'is', null)
    .execute();
}

export async function membersOf(db: Kysely<DB>, versionId: string): Promise<MemberRow[]> {
  const rows = await db
    .selectFrom('application_members')
    .selectAll()
    .where('version_id', '=', versionId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    ...r,
    requested_minor: Number(r.requested_minor),
    cofunding_minor: Number(r.cofunding_minor),
  }));
}

export async function budgetOf(db: Kysely<DB>, versionId: string) {
  const rows = await db
    .selectFrom('application_budget_lines')
    .selectAll()
    .where('version_id', '=', versionId)
    .orderBy('organisation_id')
    .orderBy('category')
    .execute();
  return rows.map((r) => ({ ...r, amount_minor: Number(r.amount_minor) }));
}

export async function attachmentsOf(db: Kysely<DB>, versionId: string) {
  return db
    .selectFrom('application_attachments')
    .selectAll()
    .where('version_id', '=', versionId)
    .orderBy('key')
    .execute();
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
      members.map((m, position) => ({
        id: newId(),
        version_id: versionId,
        position,
        organisation_id: m.organisationId,
        contact_person_id: m.contactPersonId ?? null,
        role: m.role ?? null,
        requested_minor: m.requestedMinor,
        cofunding_minor: m.cofundingMinor,
      })),
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
        lines.map((l) => ({
          version_id: versionId,
          organisation_id: l.organisationId,
          category: l.category,
          amount_minor: l.amountMinor,
        })),
      )
      .execute();
}

/** Copies members, budget lines and attachments (sharing their stored files) from one version to another. */
export async function copyVersionParts(db: Kysely<DB>, fromId: string, toId: string, newId: () => string) {
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
export async function replaceAttachment(db: Kysely<DB>, row: Insertable<ApplicationAttachmentsTable>) {
  await removeAttachment(db, row.version_id, row.key);
  await db.insertInto('application_attachments').values(row).execute();
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
export function attachmentOfApplication(db: Kysely<DB>, applicationId: string, attachmentId: string) {
  return db
    .selectFrom('application_attachments as f')
    .innerJoin('application_versions as v', 'v.id', 'f.version_id')
    .select(['f.file_name', 'f.media_type', 'f.sha256'])
    .where('f.id', '=', attachmentId)
    .where('v.application_id', '=', applicationId)
    .executeTakeFirst();
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
export const versionContent = (v: Pick<VersionRow, 'content_json'>): ApplicationContent =>
  jsonColumn<ApplicationContent>(v.content_json);

/** A frozen version's snapshot as submitted (snapshot_json; null before submission). */
export const versionSnapshot = <T = Record<string, unknown>>(v: Pick<VersionRow, 'snapshot_json'>): T =>
  jsonColumn<T>(v.snapshot_json!);
