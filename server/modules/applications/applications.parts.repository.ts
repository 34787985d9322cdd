/**
 * SQL on the parts of an application's versions (docs/adr/0015): application_members,
 * application_budget_lines and application_attachments, each version's own rows. Money columns come
 * back as numbers. The versions themselves are in applications.versions.repository.ts.
 */
import type { Kysely } from 'kysely';
import { camelRow, insertRow, type RowValue } from '../../db/rows.js';
import type {
  ApplicationAttachmentsTable,
  ApplicationBudgetLinesTable,
  ApplicationMembersTable,
  DB,
} from '../../db/schema.js';
import type { BudgetLineInput, ConsortiumMemberInput } from './applications.schema.js';

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

/** An attachment of any version of the application, or only of its frozen (submitted) versions. */
export async function attachmentOfApplication(
  db: Kysely<DB>,
  applicationId: string,
  attachmentId: string,
  { frozenOnly = false }: { frozenOnly?: boolean } = {},
) {
  let q = db
    .selectFrom('application_attachments as f')
    .innerJoin('application_versions as v', 'v.id', 'f.version_id')
    .select(['f.file_name', 'f.media_type', 'f.sha256'])
    .where('f.id', '=', attachmentId)
    .where('v.application_id', '=', applicationId);
  if (frozenOnly) q = q.where('v.frozen_at', 'is not', null);
  const row = await q.executeTakeFirst();
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
