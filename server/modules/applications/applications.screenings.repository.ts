/** SQL on application_screenings (docs/adr/0015): the officers' checklist records, answers as JSON. */
import type { Kysely } from 'kysely';
import { camelRow, insertRow, jsonColumn, type RowValue, toJsonColumn } from '../../db/rows.js';
import type { ApplicationScreeningsTable, DB } from '../../db/schema.js';
import type { ScreeningInput } from './applications.schema.js';

/** A screening record as stored, its answers parsed. */
export interface Screening extends Omit<RowValue<ApplicationScreeningsTable>, 'answersJson'> {
  answers: ScreeningInput['answers'];
}

/** What the application's page shows of a screening. */
export type ScreeningRecord = Pick<Screening, 'answers' | 'outcome' | 'reasons' | 'at' | 'officerLabel'>;

export async function insertScreening(db: Kysely<DB>, { answers, ...s }: Screening) {
  await db
    .insertInto('application_screenings')
    .values(insertRow<ApplicationScreeningsTable>({ ...s, answersJson: toJsonColumn(answers) }))
    .execute();
}

/** The screening records of an application, oldest first, answers parsed. */
export async function screeningsOf(db: Kysely<DB>, applicationId: string): Promise<ScreeningRecord[]> {
  const rows = await db
    .selectFrom('application_screenings')
    .select(['answers_json', 'outcome', 'reasons', 'at', 'officer_label'])
    .where('application_id', '=', applicationId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((row) => {
    const { answersJson, ...s } = camelRow(row);
    return { answers: jsonColumn(answersJson), ...s };
  });
}
