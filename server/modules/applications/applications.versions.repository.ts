/**
 * SQL on an application's versions (docs/adr/0015): application_versions, the content JSON written
 * here. Their members, budget lines and attachments are in applications.parts.repository.ts.
 */
import type { Kysely } from 'kysely';
import { camelRow, insertRow, jsonColumn, type RowValue, toJsonColumn, updateRow } from '../../db/rows.js';
import type { ApplicationVersionsTable, DB } from '../../db/schema.js';
import { copyVersionParts } from './applications.parts.repository.js';
import type { ApplicationContent } from './applications.schema.js';

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

/** A version's content as the applicant saved it (the content_json column). */
export const versionContent = (v: Pick<Version, 'contentJson'>): ApplicationContent =>
  jsonColumn<ApplicationContent>(v.contentJson);
