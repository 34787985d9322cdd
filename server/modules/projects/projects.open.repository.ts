import type { Kysely } from 'kysely';
import { camelRow } from '../../db/rows.js';
import type { DB } from '../../db/schema.js';
import { fieldLinks } from './projects.repository.js';

/** A member of a project's consortium as the open-data service may read it (no contact person). */
export interface ConsortiumMember {
  position: number;
  organisationId: string;
  role: string | null;
  fundedMinor: number;
  cofundingMinor: number;
}

/** A project with its consortium and field ids, in id order: what the open-data projection reads. */
export interface ProjectForOpenData {
  id: string;
  platformId: string;
  unitId: string | null;
  kind: string;
  code: string;
  titleZh: string;
  titleEn: string;
  summaryZh: string | null;
  summaryEn: string | null;
  leadOrgId: string | null;
  budgetMinor: number;
  currency: string;
  startsOn: string;
  endsOn: string;
  state: string;
  outcome: string | null;
  fieldIds: string[];
  members: ConsortiumMember[];
}

/** Every project (a project exists only once funded: 立项 or registered by its unit) with its consortium. */
export async function projectsForOpenData(db: Kysely<DB>): Promise<ProjectForOpenData[]> {
  const rows = await db.selectFrom('projects').selectAll().orderBy('id').execute();
  const ids = rows.map((r) => r.id);
  const members = ids.length
    ? await db
        .selectFrom('project_members')
        .select(['project_id', 'position', 'organisation_id', 'role', 'funded_minor', 'cofunding_minor'])
        .orderBy('project_id')
        .orderBy('position')
        .execute()
        .then((rows) => rows.map(camelRow))
    : [];
  const fields = await fieldLinks(db, ids);
  return rows.map((row) => {
    const { id, platformId, unitId, kind, code, titleZh, titleEn, summaryZh, summaryEn, leadOrgId, ...rest } =
      camelRow(row);
    const { budgetMinor, currency, startsOn, endsOn, state, outcome } = rest;
    return {
      id,
      platformId,
      unitId,
      kind,
      code,
      titleZh,
      titleEn,
      summaryZh,
      summaryEn,
      leadOrgId,
      budgetMinor: Number(budgetMinor),
      currency,
      startsOn,
      endsOn,
      state,
      outcome,
      fieldIds: fields
        .filter((f) => f.projectId === id)
        .map((f) => f.fieldId)
        .sort(),
      members: members
        .filter((m) => m.projectId === id)
        .map(({ projectId: _projectId, ...m }) => ({
          ...m,
          fundedMinor: Number(m.fundedMinor),
          cofundingMinor: Number(m.cofundingMinor),
        })),
    };
  });
}
