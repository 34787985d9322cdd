import type { Kysely, Selectable } from 'kysely';
import { camelRow, insertRow, type RowValue } from '../../db/rows.js';
import type { DB, ProjectEvidenceTable } from '../../db/schema.js';

/** The SQL on project_evidence (issue 13): files attached to a milestone's completion or a spending entry. */
export type EvidenceSubject = 'milestone' | 'spending' | 'audit_report' | 'report' | 'check_report';
export type Evidence = Omit<RowValue<ProjectEvidenceTable>, 'subject' | 'sizeBytes'> & {
  subject: EvidenceSubject;
  sizeBytes: number;
};

const toEvidence = (r: Selectable<ProjectEvidenceTable>): Evidence => {
  const v = camelRow(r);
  return { ...v, subject: v.subject as EvidenceSubject, sizeBytes: Number(v.sizeBytes) };
};

/** A project's evidence files, oldest first. */
export async function evidenceOf(db: Kysely<DB>, projectId: string): Promise<Evidence[]> {
  const rows = await db
    .selectFrom('project_evidence')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toEvidence);
}

export async function findEvidence(
  db: Kysely<DB>,
  projectId: string,
  id: string,
): Promise<Evidence | undefined> {
  const row = await db
    .selectFrom('project_evidence')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toEvidence(row);
}

/** The files of one subject (a report's), oldest first, as a report's hash covers them. */
export async function reportFiles(
  db: Kysely<DB>,
  projectId: string,
  subject: EvidenceSubject,
  ref: string,
): Promise<{ id: string; fileName: string; sha256: string }[]> {
  return (await evidenceOf(db, projectId))
    .filter((e) => e.subject === subject && e.subjectRef === ref)
    .map((e) => ({ id: e.id, fileName: e.fileName, sha256: e.sha256 }));
}

/** Removes one file of a project (the stored bytes stay: they are shared by checksum). */
export async function deleteEvidence(db: Kysely<DB>, projectId: string, id: string): Promise<void> {
  await db.deleteFrom('project_evidence').where('project_id', '=', projectId).where('id', '=', id).execute();
}

export async function insertEvidence(db: Kysely<DB>, e: Evidence): Promise<void> {
  await db.insertInto('project_evidence').values(insertRow<ProjectEvidenceTable>(e)).execute();
}
