import { budgetCells, SPENDING_CATEGORIES } from '../../../common/projects.js';
import { type Audit, type Trx, write } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../http/errors.js';
import { isLeadSigner } from './projects.agreement.js';
import { approvedPlan, EXECUTION_STATES } from './projects.plan.js';
import { can } from './projects.policy.js';
import { findProject, type ProjectRecord } from './projects.repository.js';
import { projectResource, readableProject } from './projects.service.js';
import { insertSpending, spendingOf, spendingTotals } from './projects.spending.repository.js';
import type { SpendingInput, SpendingView } from './projects.spending.schema.js';
import { structureOf } from './projects.structure.repository.js';

/**
 * Spending of a project (issue 13): the project's side books what each consortium member spent in each
 * cost category of the frozen 任务书; an entry that would take a member's category past its approved
 * amount is refused, so actual never exceeds plan without an approved change of the plan.
 */

/** Who books spending: the lead organisation's side (as for signing the 任务书) and the funder's managers. */
export async function mayRecord(db: Trx, ctx: Ctx, p: ProjectRecord): Promise<boolean> {
  return can(ctx.actor, 'projects.manage', await projectResource(db, p)) || isLeadSigner(db, ctx, p);
}

export async function getSpending(ctx: Ctx, projectId: string): Promise<SpendingView> {
  const p = await readableProject(ctx, projectId);
  const [plan, totals, entries, structure] = await Promise.all([
    approvedPlan(ctx.db, projectId),
    spendingTotals(ctx.db, projectId),
    spendingOf(ctx.db, projectId),
    structureOf(ctx.db, projectId),
  ]);
  const order = new Map(structure.members.map((m) => [m.organisationId, m.position]));
  const cells = budgetCells(plan ?? [], totals).sort(
    (a, b) =>
      (order.get(a.organisationId) ?? 999) - (order.get(b.organisationId) ?? 999) ||
      SPENDING_CATEGORIES.indexOf(a.category) - SPENDING_CATEGORIES.indexOf(b.category),
  );
  return {
    projectId,
    currency: p.currency,
    cells,
    totals: {
      plannedMinor: cells.reduce((s, c) => s + c.plannedMinor, 0),
      spentMinor: cells.reduce((s, c) => s + c.spentMinor, 0),
    },
    entries: entries.map(({ projectId: _p, createdBy: _c, ...e }) => ({
      ...e,
      evidenceRef: e.evidenceRef ?? null,
    })),
    access: {
      record: !!plan && EXECUTION_STATES.includes(p.state) && (await mayRecord(ctx.db, ctx, p)),
    },
  };
}

/**
 * Books one entry. Refused with nothing written: by someone not on the project's side (403), before the
 * 任务书 is frozen or outside execution (409), for an organisation outside the consortium or a date
 * outside the project (400), and beyond the approved amount of the member's category (422 naming the
 * category and the headroom left).
 */
export async function recordSpending(
  ctx: Ctx,
  projectId: string,
  input: SpendingInput,
): Promise<SpendingView> {
  await readableProject(ctx, projectId);
  await write(ctx, (trx, audit) => recordSpendingInTrx(trx, ctx, audit, projectId, input));
  return getSpending(ctx, projectId);
}

/**
 * Books one entry in the caller's transaction (the API's, or the spending import's, which books every row
 * of a file in one), with its audit entry; returns the entry's id. The project row is locked, so two
 * entries cannot both take the last of the same headroom, and the headroom counts the entries written
 * earlier in the same transaction.
 */
export async function recordSpendingInTrx(
  trx: Trx,
  ctx: Ctx,
  audit: Audit,
  projectId: string,
  input: SpendingInput,
): Promise<string> {
  const p = await findProject(trx, projectId, ctx.seam);
  if (!p) throw notFound('projects.not_found');
  await assertBookable(trx, ctx, p);
  if (!(await structureOf(trx, projectId)).members.some((m) => m.organisationId === input.organisationId))
    throw invalidField('/organisationId', 'projects.not_a_member');
  if (input.spentOn < p.startsOn || input.spentOn > p.endsOn)
    throw invalidField('/spentOn', 'projects.spent_outside_project');
  const plan = (await approvedPlan(trx, projectId))!;
  const cell = budgetCells(plan, await spendingTotals(trx, projectId)).find(
    (c) => c.organisationId === input.organisationId && c.category === input.category,
  );
  const headroomMinor = Math.max(0, cell?.headroomMinor ?? 0);
  if (input.amountMinor > headroomMinor)
    throw new AppError(422, 'projects.spending_over_budget', {
      category: input.category,
      organisationId: input.organisationId,
      headroomMinor,
      detail: `The ${input.category} budget of this member has ${headroomMinor} minor units left`,
      errors: [
        {
          in: 'body',
          pointer: '/amountMinor',
          code: 'projects.spending_over_budget',
          message: `${input.category}: ${headroomMinor}`,
        },
      ],
    });
  const entry = {
    id: newId(),
    projectId,
    ...input,
    evidenceRef: input.evidenceRef ?? null,
    createdBy: ctx.actor?.userId || null,
    createdAt: isoNow(ctx.clock),
  };
  await insertSpending(trx, entry);
  await audit({
    action: 'project.spending_recorded',
    entityType: 'project',
    entityId: projectId,
    platformId: p.platformId,
    after: { id: entry.id, ...input },
  });
  return entry.id;
}

/**
 * Whether the caller may book spending on the project now: its side (403), a frozen 任务书 (409
 * projects.agreement_unsigned) and execution (409 projects.not_in_execution naming the state).
 */
export async function assertBookable(trx: Trx, ctx: Ctx, p: ProjectRecord): Promise<void> {
  if (!(await mayRecord(trx, ctx, p))) throw forbidden();
  if (!(await approvedPlan(trx, p.id))) throw new AppError(409, 'projects.agreement_unsigned');
  if (!EXECUTION_STATES.includes(p.state))
    throw new AppError(409, 'projects.not_in_execution', {
      state: p.state,
      detail: `The project is ${p.state}`,
    });
}
