/**
 * The to-dos and charts of the role workbench (工作台, issue 12 item 1), shared by server and web. Each
 * to-do opens a list filtered to exactly what it counts; the web labels them from these codes.
 */
export const TODO_KINDS = [
  'screening.submitted',
  'screening.screening',
  'applications.draft',
  'applications.returned',
  'applications.invitations',
  'reviews.invited',
  'reviews.to_score',
  'inquiries.received',
  'docket.due',
  'admin.accounts',
  'registrations.pending',
  'projects.in_progress',
  'projects.reports_overdue',
  'projects.reports_due',
  'units.staff',
  'results.unit',
  'services.quoted',
  'services.delivered',
] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

/** The docket to-do counts the deadlines due from today over this many days. */
export const DOCKET_HORIZON_DAYS = 90;

/** The reports-due to-do counts the reports not yet sent that fall due from today over this many days. */
export const REPORTS_HORIZON_DAYS = 60;

export const CHART_KINDS = [
  'applications.by_state',
  'reviews.by_state',
  'inquiries.by_state',
  'projects.by_state',
] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

/** The web route (with the query that filters the list) each to-do opens; `platform` when per platform. */
export function todoLink(
  kind: TodoKind,
  platformId: string | null,
  period?: { from: string; to: string },
  unitId?: string,
): string {
  const withPlatform = (path: string, query: Record<string, string>) =>
    `${path}?${new URLSearchParams(platformId ? { platform: platformId, ...query } : query)}`;
  switch (kind) {
    case 'screening.submitted':
      return withPlatform('/screening', { state: 'submitted' });
    case 'screening.screening':
      return withPlatform('/screening', { state: 'screening' });
    case 'applications.draft':
      return '/applications?state=draft';
    case 'applications.returned':
      return '/applications?state=returned';
    case 'applications.invitations':
      return '/applications?show=invitations';
    case 'reviews.invited':
      return '/my-reviews?state=invited';
    case 'reviews.to_score':
      return '/my-reviews?state=to_score';
    case 'inquiries.received':
      return withPlatform('/inquiries', { state: 'received' });
    case 'docket.due':
      return withPlatform('/techtransfer/docket', period ?? {});
    case 'admin.accounts':
      return '/admin/users';
    case 'registrations.pending':
      return platformId ? withPlatform('/admin/registrations', {}) : '/admin/registrations';
    case 'projects.in_progress':
      return withPlatform('/projects', { state: 'in_progress' });
    case 'projects.reports_overdue':
      return withPlatform('/reports-due', { status: 'overdue' });
    case 'projects.reports_due':
      return withPlatform('/reports-due', {
        status: 'due',
        ...(period ? { before: period.to } : {}),
      });
    case 'units.staff':
      // The platform's units tab, with the unit's drawer (its staff) open.
      return `/platforms/${platformId}/units${unitId ? `?${new URLSearchParams({ unit: unitId })}` : ''}`;
    case 'results.unit':
      return withPlatform('/results', unitId ? { unit: unitId } : {});
    case 'services.quoted':
      return withPlatform('/services/requests', { state: 'quoted' });
    case 'services.delivered':
      return withPlatform('/services/requests', { state: 'delivered' });
  }
}
