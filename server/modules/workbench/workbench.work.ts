import { PROJECT_STATES } from '../../../common/projects.js';
import { REPORTS_HORIZON_DAYS, type TodoKind, todoLink } from '../../../common/workbench.js';
import { type Ctx, platformIdsWithRole } from '../../http/context.js';
import { addDays } from '../ip/ip.dates.js';
import { listReportsDue } from '../projects/projects.reports.js';
import { listProjects } from '../projects/projects.service.js';
import { listResults } from '../results/results.catalog.js';
import { listRequests } from '../services/services.queue.js';
import { listUnits, unitAuthorities } from '../units/units.service.js';
import type { ChartView, TodoView } from './workbench.schema.js';

/**
 * The to-dos of the project side (program officer, lab director, supervisor) and of the enterprise user
 * (issue 12 item 1, second part). As in workbench.service.ts, every count is read from the list its link
 * opens, through the owning module's service and with the caller's own rights.
 */

const todo = (
  kind: TodoKind,
  platformId: string,
  count: number,
  deadline: string | null = null,
  opts: { period?: { from: string; to: string }; unitId?: string } = {},
): TodoView => ({
  kind,
  platformId,
  count,
  deadline,
  link: todoLink(kind, platformId, opts.period, opts.unitId),
});

const projectsIn = async (ctx: Ctx, platformId: string, state: (typeof PROJECT_STATES)[number]) =>
  (await listProjects(ctx, platformId, { state, page: 1, pageSize: 1 })).total;

/** Reports overdue, and those falling due within the horizon, of the projects the caller reads. */
async function reportTodos(ctx: Ctx, platformId: string): Promise<TodoView[]> {
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const period = { from: today, to: addDays(today, REPORTS_HORIZON_DAYS) };
  const overdue = (await listReportsDue(ctx, platformId, { status: 'overdue' })).items;
  // The list's own filter is by status; the page narrows it to the same horizon by ?before= (dueOn ≤).
  const due = (await listReportsDue(ctx, platformId, { status: 'due' })).items.filter(
    (r) => r.dueOn <= period.to,
  );
  return [
    todo('projects.reports_overdue', platformId, overdue.length, overdue[0]?.dueOn ?? null),
    todo('projects.reports_due', platformId, due.length, due[0]?.dueOn ?? null, { period }),
  ];
}

/** Projects by state on the caller's platforms, as their project lists count them. */
async function projectsChart(ctx: Ctx, platformIds: readonly string[]): Promise<ChartView> {
  const points = [];
  for (const code of PROJECT_STATES) {
    let value = 0;
    for (const platformId of platformIds) value += await projectsIn(ctx, platformId, code);
    points.push({ code, value });
  }
  return { kind: 'projects.by_state', points };
}

export async function projectAndServiceWork(ctx: Ctx): Promise<{ todos: TodoView[]; charts: ChartView[] }> {
  const actor = ctx.actor!;
  const todos: TodoView[] = [];
  const charts: ChartView[] = [];

  // Program officer: the reports its platforms' projects owe.
  for (const platformId of platformIdsWithRole(actor, ['program_officer']))
    todos.push(...(await reportTodos(ctx, platformId)));

  // Lab director: per unit it directs, its staff and outputs; per platform, projects in execution and
  // the reports of the projects it reads.
  const directorOf = platformIdsWithRole(actor, ['lab_director']);
  for (const platformId of directorOf) {
    const directed = (await unitAuthorities(ctx.db, platformId)).filter(
      (u) => u.directorUserId === actor.userId,
    );
    const units = await listUnits(ctx, platformId);
    for (const u of directed) {
      const staff = units.find((v) => v.id === u.id)?.staffCount ?? 0;
      todos.push(todo('units.staff', platformId, staff, null, { unitId: u.id }));
      const outputs = await listResults(ctx, { platformId, unitId: u.id, page: 1, pageSize: 1 });
      todos.push(todo('results.unit', platformId, outputs.total, null, { unitId: u.id }));
    }
    todos.push(todo('projects.in_progress', platformId, await projectsIn(ctx, platformId, 'in_progress')));
    todos.push(...(await reportTodos(ctx, platformId)));
  }

  // Supervisor: its platforms' key figures, and what is late.
  const supervisorOf = platformIdsWithRole(actor, ['supervisor']);
  for (const platformId of supervisorOf) {
    todos.push(todo('projects.in_progress', platformId, await projectsIn(ctx, platformId, 'in_progress')));
    const overdue = (await listReportsDue(ctx, platformId, { status: 'overdue' })).items;
    todos.push(todo('projects.reports_overdue', platformId, overdue.length, overdue[0]?.dueOn ?? null));
  }
  const overseen = [...new Set([...directorOf, ...supervisorOf])];
  if (overseen.length > 0) charts.push(await projectsChart(ctx, overseen));

  // Enterprise user: its requests awaiting its answer, a quote to accept or a delivered report to rate.
  for (const platformId of platformIdsWithRole(actor, ['enterprise_user'])) {
    for (const state of ['quoted', 'delivered'] as const) {
      const { total } = await listRequests(ctx, { platformId, view: 'mine', state, page: 1, pageSize: 1 });
      todos.push(todo(`services.${state}`, platformId, total));
    }
  }
  return { todos, charts };
}
