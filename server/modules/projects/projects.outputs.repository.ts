import type { Kysely, Selectable } from 'kysely';
import type { OutputType } from '../../../common/project-outputs.js';
import { camelRow, insertRow, type RowValue } from '../../db/rows.js';
import type { DB, ProjectOutputsTable } from '../../db/schema.js';

/** The SQL on project_outputs (issue 13): outputs of other modules linked to a project, by type and id. */
export type OutputLink = Omit<RowValue<ProjectOutputsTable>, 'outputType'> & { outputType: OutputType };

const toLink = (r: Selectable<ProjectOutputsTable>) => camelRow(r) as OutputLink;

/** A project's links, oldest first. */
export async function outputLinksOf(db: Kysely<DB>, projectId: string): Promise<OutputLink[]> {
  const rows = await db
    .selectFrom('project_outputs')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('linked_at')
    .orderBy('id')
    .execute();
  return rows.map(toLink);
}

export async function findOutputLink(db: Kysely<DB>, projectId: string, id: string) {
  const row = await db
    .selectFrom('project_outputs')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toLink(row) : undefined;
}

export async function outputLinked(db: Kysely<DB>, projectId: string, type: OutputType, outputId: string) {
  const row = await db
    .selectFrom('project_outputs')
    .select('id')
    .where('project_id', '=', projectId)
    .where('output_type', '=', type)
    .where('output_id', '=', outputId)
    .executeTakeFirst();
  return !!row;
}

export async function insertOutputLink(db: Kysely<DB>, link: OutputLink): Promise<void> {
  await db.insertInto('project_outputs').values(insertRow<ProjectOutputsTable>(link)).execute();
}

export async function deleteOutputLink(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('project_outputs').where('id', '=', id).execute();
}
