import type { Kysely, Selectable } from 'kysely';
import { camelRow, insertRow, type RowValue } from '../../db/rows.js';
import type { DB, ProjectEvidenceTable } from '../../db/schema.js';

/** The SQL on project_evidence (issue 13): files attached to a milestone's completion or a spending entry. */
export type EvidenceSubject = 'milestone' | 'spending' | 'audit_report';
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

export async function insertEvidence(db: Kysely<DB>, e: Evidence): Promise<void> {
  await db.insertInto('project_evidence').values(insertRow<ProjectEvidenceTable>(e)).execute();
}
