import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Ctx } from '../../http/context.js';
import { creditCodesOf, organisationNames } from '../orgs/orgs.lookup.js';
import { findProject } from './projects.repository.js';
import { readableProject } from './projects.service.js';
import { assertBookable } from './projects.spending.js';
import { type SpendingEntry, spendingOf } from './projects.spending.repository.js';
import { structureOf } from './projects.structure.repository.js';

/**
 * What the spending import and export (server/modules/imports/kinds/spending.ts, docs/projects.md
 * "Spending import") read of a project, part of the spending service: the rows themselves are booked
 * one by one through recordSpendingInTrx, so a file is refused what the API refuses.
 */

/** A consortium member as a file names it: its names in either language or its credit code. */
export interface LedgerMember {
  organisationId: string;
  nameZh: string;
  nameEn: string | null;
  creditCode: string | null;
}

/**
 * The project a file is imported into, if the caller may book spending on it now: 404 for those who do
 * not read it, 403 for readers who do not book, 409 without a frozen 任务书 or outside execution.
 */
export async function spendingImportTarget(ctx: Ctx, projectId: string) {
  const p = await readableProject(ctx, projectId);
  await assertBookable(ctx.db, ctx, p);
  return { platformId: p.platformId, currency: p.currency };
}

/** The project's members (consortium order) and its entries (newest first), to match a file against. */
export async function spendingLedger(
  db: Kysely<DB>,
  projectId: string,
): Promise<{ members: LedgerMember[]; entries: SpendingEntry[] }> {
  const [structure, entries] = await Promise.all([structureOf(db, projectId), spendingOf(db, projectId)]);
  const ids = structure.members.map((m) => m.organisationId);
  const [names, codes] = await Promise.all([organisationNames(db, ids), creditCodesOf(db, ids)]);
  const members = ids.map((id) => ({
    organisationId: id,
    nameZh: names.get(id)?.nameZh ?? id,
    nameEn: names.get(id)?.nameEn ?? null,
    creditCode: codes.get(id) ?? null,
  }));
  return { members, entries };
}

/** The record an import's own audit entry names: the project, on its platform. */
export async function spendingImportSubject(db: Kysely<DB>, projectId: string) {
  const p = await findProject(db, projectId);
  return { platformId: p?.platformId ?? null, entityType: 'project', entityId: projectId };
}

/** The ledger of a project its reader may export (404 for anyone else). */
export async function spendingForExport(ctx: Ctx, projectId: string) {
  await readableProject(ctx, projectId);
  return spendingLedger(ctx.db, projectId);
}
