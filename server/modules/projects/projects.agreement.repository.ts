import type { Kysely } from 'kysely';
import type { ReportDue } from '../../../common/projects.amendments.js';
import { camelRow, type JsonValue, jsonColumn, type RowValue, toJsonColumn } from '../../db/rows.js';
import type { DB, ProjectAgreementsTable } from '../../db/schema.js';
import { keepProjectFigures } from './projects.figures.repository.js';

/** The SQL on project_agreements (the 任务书), split from projects.repository.ts by sub-domain (docs/adr/0015). */
export interface AgreementRecord extends Omit<RowValue<ProjectAgreementsTable>, 'contentJson'> {
  content: unknown;
}

/** The 任务书 of a project (content parsed, not yet validated: the service owns its schema). */
export async function findAgreement(db: Kysely<DB>, projectId: string): Promise<AgreementRecord | undefined> {
  const r = await db
    .selectFrom('project_agreements')
    .selectAll()
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  if (!r) return undefined;
  const { contentJson, ...a } = camelRow(r);
  return { ...a, content: jsonColumn(contentJson), version: Number(a.version) };
}

/** Saves the draft; any signature given so far is withdrawn, since it was for other terms. */
export async function saveAgreementDraft(db: Kysely<DB>, projectId: string, content: JsonValue, at: string) {
  const values = {
    content_json: toJsonColumn(content),
    officer_signed_by: null,
    officer_signed_at: null,
    lead_signed_by: null,
    lead_signed_at: null,
    updated_at: at,
  };
  const res = await db
    .updateTable('project_agreements')
    .set(values)
    .where('project_id', '=', projectId)
    .where('frozen_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0)
    await db
      .insertInto('project_agreements')
      .values({ project_id: projectId, ...values })
      .execute();
}

export async function signAgreement(
  db: Kysely<DB>,
  projectId: string,
  side: 'officer' | 'lead',
  userId: string | null,
  at: string,
) {
  await db
    .updateTable('project_agreements')
    .set(
      side === 'officer'
        ? { officer_signed_by: userId, officer_signed_at: at, updated_at: at }
        : { lead_signed_by: userId, lead_signed_at: at, updated_at: at },
    )
    .where('project_id', '=', projectId)
    .where('frozen_at', 'is', null)
    .execute();
}

export async function freezeAgreement(
  db: Kysely<DB>,
  projectId: string,
  snapshot: { json: string; checksum: string },
  at: string,
) {
  await db
    .updateTable('project_agreements')
    .set({ snapshot_json: snapshot.json, checksum: snapshot.checksum, frozen_at: at, updated_at: at })
    .where('project_id', '=', projectId)
    .execute();
  await db
    .insertInto('project_agreement_versions')
    .values({
      project_id: projectId,
      version: 1,
      snapshot_json: snapshot.json,
      checksum: snapshot.checksum,
      amendment_id: null,
      frozen_at: at,
    })
    .execute();
  await keepProjectFigures(db, projectId);
}

/**
 * The schedule each of these projects' frozen 任务书 names (null: computed from the dates); a project
 * without a frozen 任务书 is absent (it owes no report).
 */
export async function frozenSchedules(
  db: Kysely<DB>,
  projectIds: readonly string[],
): Promise<Map<string, ReportDue[] | null>> {
  if (projectIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('project_agreements')
    .select(['project_id', 'content_json'])
    .where('project_id', 'in', [...projectIds])
    .where('frozen_at', 'is not', null)
    .execute();
  return new Map(
    rows.map((r) => [r.project_id, jsonColumn<{ schedule?: ReportDue[] }>(r.content_json).schedule ?? null]),
  );
}
