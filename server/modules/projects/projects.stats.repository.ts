import type { Scope } from '../ttreports/ttreports.period.js';

// Aggregates of projects for the analytics (docs/analytics.md), asked through projects.service.

/** Projects of the platform (or unit) as they stand now, by state: one grouped query. */
export async function projectCountsByState(s: Omit<Scope, 'period'>): Promise<Map<string, number>> {
  let q = s.db
    .selectFrom('projects')
    .select(['projects.state', (eb) => eb.fn.countAll().as('n')])
    .where('projects.platform_id', '=', s.platformId);
  if (s.unitId) q = q.where('projects.unit_id', '=', s.unitId);
  const { fieldIds } = s;
  // A field cut: projects that name the field or one of its sub-fields.
  if (fieldIds)
    q = q.where('projects.id', 'in', (eb) =>
      eb
        .selectFrom('project_fields')
        .select('project_fields.project_id')
        .where('project_fields.field_id', 'in', fieldIds),
    );
  const rows = await q.groupBy('projects.state').execute();
  return new Map(rows.map((r) => [r.state, Number(r.n)]));
}
