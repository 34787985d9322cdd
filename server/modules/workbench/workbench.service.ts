import { APPLICATION_STATES } from '../../../common/applications.js';
import { INQUIRY_STATES } from '../../../common/results.js';
import { SEAT_STATES } from '../../../common/review.js';
import type { Role } from '../../../common/roles.js';
import { DOCKET_HORIZON_DAYS, type TodoKind, todoLink } from '../../../common/workbench.js';
import { type Ctx, platformIdsWithRole } from '../../http/context.js';
import { unauthorized } from '../../http/errors.js';
import { myInvitations } from '../applications/applications.invitations.js';
import { listApplications } from '../applications/applications.lists.js';
import { inquiryFunnel, listInquiries } from '../inquiries/inquiries.views.js';
import { addDays } from '../ip/ip.dates.js';
import { docket } from '../ip/ip.service.js';
import { pendingCounts } from '../registrations/registrations.review.js';
import { listMyReviews } from '../review/runs/seats.service.js';
import { listUsers } from '../users/users.service.js';
import type { ChartView, TodoView, WorkbenchView } from './workbench.schema.js';
import { projectAndServiceWork } from './workbench.work.js';

const todo = (
  kind: TodoKind,
  platformId: string | null,
  count: number,
  deadline: string | null = null,
  period?: { from: string; to: string },
): TodoView => ({ kind, platformId, count, deadline, link: todoLink(kind, platformId, period) });

const earliest = (dates: ReadonlyArray<string | null>): string | null =>
  dates.filter((d): d is string => d !== null).sort()[0] ?? null;

const hasRole = (ctx: Ctx, ...roles: Role[]) => ctx.actor!.roles.some((r) => roles.includes(r.role));

/** The first page of one, for its total and counts by state: the workbench counts what the list shows. */
const applicationsPage = (
  ctx: Ctx,
  q: { platformId?: string; state?: (typeof APPLICATION_STATES)[number] },
) => listApplications(ctx, { ...q, sort: 'updatedAt', order: 'desc', limit: 1, offset: 0 });

/**
 * The signed-in user's to-dos across their roles and platforms, and charts of their own work. Every
 * count comes from the list its link opens, read through the owning module's service with the caller's
 * own rights, so a count is of what the user may see and matches the filtered list by construction.
 */
export async function workbench(ctx: Ctx): Promise<WorkbenchView> {
  if (!ctx.actor) throw unauthorized();
  const todos: TodoView[] = [];
  const charts: ChartView[] = [];

  // Program office: what waits to be screened, per platform (the screening list filters by both).
  const officerOf = platformIdsWithRole(ctx.actor, ['program_officer']);
  for (const platformId of officerOf) {
    const { counts } = await applicationsPage(ctx, { platformId });
    todos.push(todo('screening.submitted', platformId, counts.submitted ?? 0));
    todos.push(todo('screening.screening', platformId, counts.screening ?? 0));
  }

  // Applicant: own drafts and returned applications, and invitations to confirm a part.
  if (hasRole(ctx, 'applicant')) {
    for (const state of ['draft', 'returned'] as const) {
      const { total } = await applicationsPage(ctx, { state });
      todos.push(todo(`applications.${state}`, null, total));
    }
    const pending = (await myInvitations(ctx)).filter((i) => i.state === 'pending');
    todos.push(todo('applications.invitations', null, pending.length));
  }
  if (officerOf.length > 0 || hasRole(ctx, 'applicant')) {
    const { counts } = await applicationsPage(ctx, {});
    charts.push({
      kind: 'applications.by_state',
      points: APPLICATION_STATES.map((code) => ({ code, value: counts[code] ?? 0 })),
    });
  }

  // Expert: invitations to answer before their respond-by, and accepted seats not yet scored.
  if (hasRole(ctx, 'expert')) {
    const { items } = await listMyReviews(ctx);
    const invited = items.filter((r) => r.state === 'invited');
    const toScore = items.filter((r) => r.state === 'accepted' && !r.scorecardSubmitted);
    todos.push(todo('reviews.invited', null, invited.length, earliest(invited.map((r) => r.respondBy))));
    todos.push(
      todo('reviews.to_score', null, toScore.length, earliest(toScore.map((r) => r.scoringClosesAt))),
    );
    charts.push({
      kind: 'reviews.by_state',
      points: SEAT_STATES.map((code) => ({ code, value: items.filter((r) => r.state === code).length })),
    });
  }

  // Technology transfer: the docket's deadlines of the coming months and inquiries not yet answered.
  const transferOf = platformIdsWithRole(ctx.actor, ['tech_transfer_officer']);
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const period = { from: today, to: addDays(today, DOCKET_HORIZON_DAYS) };
  const current = Object.fromEntries(INQUIRY_STATES.map((s) => [s, 0])) as Record<string, number>;
  for (const platformId of transferOf) {
    const due = await docket(ctx, platformId, period);
    todos.push(todo('docket.due', platformId, due.items.length, due.items[0]?.dueDate ?? null, period));
    const received = await listInquiries(ctx, { platformId, state: 'received', page: 1, pageSize: 1 });
    todos.push(todo('inquiries.received', platformId, received.total));
    const funnel = await inquiryFunnel(ctx, { platformId });
    for (const s of INQUIRY_STATES) current[s] = (current[s] ?? 0) + funnel.current[s];
  }
  if (transferOf.length > 0)
    charts.push({
      kind: 'inquiries.by_state',
      points: INQUIRY_STATES.map((code) => ({ code, value: current[code] ?? 0 })),
    });

  // The system and security administrators: the accounts they manage.
  if (ctx.actor.isSystemAdmin || ctx.actor.isSecurityAdmin) {
    const { total } = await listUsers(ctx, { limit: 1, offset: 0 });
    todos.push(todo('admin.accounts', null, total));
  }

  // The registry's keepers: verified registrations waiting for their decision (注册审核, docs/adr/0045).
  for (const { platformId, count } of await pendingCounts(ctx))
    todos.push(todo('registrations.pending', platformId, count));

  const more = await projectAndServiceWork(ctx);
  return { todos: [...todos, ...more.todos], charts: [...charts, ...more.charts] };
}
