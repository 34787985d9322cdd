import type { Kysely } from 'kysely';
import type { SpendingCategory } from '../../../common/projects.js';
import { camelRow, insertRow, type RowValue } from '../../db/rows.js';
import type { DB, ProjectSpendingTable } from '../../db/schema.js';
import { keepProjectFigures } from './projects.figures.repository.js';

/**
 * The SQL on project_spending (split from projects.repository.ts by sub-domain, docs/adr/0015): entries
 * as camelCase values with numbers for the bigint amounts (PostgreSQL returns them as strings).
 */
export interface SpendingEntry extends Omit<RowValue<ProjectSpendingTable>, 'category' | 'evidenceRef'> {
  category: SpendingCategory;
  /** The evidence's reference in the books (invoice or voucher number), when given. */
  evidenceRef?: string | null;
}

export async function insertSpending(db: Kysely<DB>, e: SpendingEntry): Promise<void> {
  await db
    .insertInto('project_spending')
    .values(
      insertRow<ProjectSpendingTable>({
        id: e.id,
        projectId: e.projectId,
        organisationId: e.organisationId,
        category: e.category,
        spentOn: e.spentOn,
        amountMinor: e.amountMinor,
        description: e.description,
        evidenceRef: e.evidenceRef ?? null,
        createdBy: e.createdBy,
        createdAt: e.createdAt,
      }),
    )
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
  return rows.map((row) => {
    const e = camelRow(row);
    return { ...e, category: e.category as SpendingCategory, amountMinor: Number(e.amountMinor) };
  });
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
  return rows.map(({ total, ...r }) => {
    const { organisationId, category } = camelRow(r);
    return { organisationId, category: category as SpendingCategory, amountMinor: Number(total) };
  });
}
