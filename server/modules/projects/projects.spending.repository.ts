import type { Kysely } from 'kysely';
import type { SpendingCategory } from '../../../common/projects.js';
import type { DB } from '../../db/schema.js';
import { keepProjectFigures } from './projects.figures.repository.js';

/**
 * The SQL on project_spending (split from projects.repository.ts by sub-domain, docs/adr/0015): entries
 * as camelCase values with numbers for the bigint amounts (PostgreSQL returns them as strings).
 */
export interface SpendingEntry {
  id: string;
  projectId: string;
  organisationId: string;
  category: SpendingCategory;
  spentOn: string;
  amountMinor: number;
  description: string;
  /** The evidence's reference in the books (invoice or voucher number), when given. */
  evidenceRef?: string | null;
  createdBy: string | null;
  createdAt: string;
}

export async function insertSpending(db: Kysely<DB>, e: SpendingEntry): Promise<void> {
  await db
    .insertInto('project_spending')
    .values({
      id: e.id,
      project_id: e.projectId,
      organisation_id: e.organisationId,
      category: e.category,
      spent_on: e.spentOn,
      amount_minor: e.amountMinor,
      description: e.description,
      evidence_ref: e.evidenceRef ?? null,
      created_by: e.createdBy,
      created_at: e.createdAt,
    })
    .execute();
  await keepProjectFigures(db, e.projectId);
}

/** The entries of a project, newest spending first. */
export async function spendingOf(db: Kysely<DB>, projectId: string): Promise<SpendingEntry[]> {
  const rows = await db
    .selectFrom('project_spending')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('spent_on', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    projectId: r.project_id,
    organisationId: r.organisation_id,
    category: r.category as SpendingCategory,
    spentOn: r.spent_on,
    amountMinor: Number(r.amount_minor),
    description: r.description,
    evidenceRef: r.evidence_ref,
    createdBy: r.created_by,
    createdAt: r.created_at,
  }));
}

/** The sums per member and category (what the headroom is computed from). */
export async function spendingTotals(
  db: Kysely<DB>,
  projectId: string,
): Promise<{ organisationId: string; category: SpendingCategory; amountMinor: number }[]> {
  const rows = await db
    .selectFrom('project_spending')
    .select((eb) => ['organisation_id', 'category', eb.fn.sum<number | string>('amount_minor').as('total')])
    .where('project_id', '=', projectId)
    .groupBy(['organisation_id', 'category'])
    .execute();
  return rows.map((r) => ({
    organisationId: r.organisation_id,
    category: r.category as SpendingCategory,
    amountMinor: Number(r.total),
  }));
}
