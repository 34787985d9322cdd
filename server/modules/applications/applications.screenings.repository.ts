/** SQL on application_screenings (docs/adr/0015): the officers' checklist records, answers as JSON. */
import type { Kysely } from 'kysely';
import { jsonColumn, toJsonColumn } from '../../db/rows.js';
import type { DB } from '../../db/schema.js';
import type { ScreeningInput } from './applications.schema.js';

export interface ScreeningRecord {
  answers: ScreeningInput['answers'];
  outcome: string | null;
  reasons: string | null;
  at: string;
  officerLabel: string;
}

export async function insertScreening(
  db: Kysely<DB>,
  s: ScreeningRecord & { id: string; applicationId: string; versionNo: number; officerId: string | null },
) {
  await db
    .insertInto('application_screenings')
    .values({
      id: s.id,
      application_id: s.applicationId,
      version_no: s.versionNo,
      answers_json: toJsonColumn(s.answers),
      outcome: s.outcome,
      reasons: s.reasons,
      officer_id: s.officerId,
      officer_label: s.officerLabel,
      at: s.at,
    })
    .execute();
}

/** The screening records of an application, oldest first, answers parsed. */
export async function screeningsOf(db: Kysely<DB>, applicationId: string): Promise<ScreeningRecord[]> {
  const rows = await db
    .selectFrom('application_screenings')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((s) => ({
    answers: jsonColumn(s.answers_json),
    outcome: s.outcome,
    reasons: s.reasons,
    at: s.at,
    officerLabel: s.officer_label,
  }));
}
