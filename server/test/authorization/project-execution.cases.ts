import { requestAdjustment } from '../../modules/projects/projects.adjustments.js';
import { buildProjectInExecution } from '../../modules/projects/projects.fixtures.js';
import { listProjectReports } from '../../modules/projects/projects.reports.js';
import { type MatrixEnv, type RouteCase, roleless } from './matrix.js';
import { applicantsPerson, leadSide, milestoneProject, movers, READERS } from './projects.fixtures.js';

/**
 * The authorization matrix rows of a project's execution (issue 13): reports due and their reminders,
 * reports, milestones and budget adjustments (预算调剂). Readers and movers as for the project
 * (projects.fixtures.ts); "own" rows make A's applicant the lead's contact, and only the lead
 * organisation's side submits. Spending, outputs and evidence files: project-spending.cases.ts.
 */
export function projectExecutionCases(env: MatrixEnv): RouteCase[] {
  /** A project in execution (the applicant's own when `own`) with a pending 预算调剂 of the given level. */
  const withAdjustment = async (own: boolean, level: 'unit' | 'funder') => {
    const p = await buildProjectInExecution(env.ctx(), env.A(), {
      ...(own ? { leadContactPersonId: await applicantsPerson(env) } : {}),
    });
    const to = level === 'unit' ? p.lead : p.partner;
    const a = await requestAdjustment(env.ctx(), p.id, {
      reason: '矩阵',
      changes: [
        { organisationId: p.lead, category: 'operations', deltaMinor: -1 },
        { organisationId: to, category: 'labour', deltaMinor: 1 },
      ],
      endsOn: null,
    });
    return { url: `/api/projects/${p.id}/adjustments/${a.id}/decision`, body: { decision: 'approved' } };
  };
  const adjustmentBody = (p: { lead: string }) => ({
    reason: '矩阵',
    changes: [
      { organisationId: p.lead, category: 'operations', deltaMinor: -1 },
      { organisationId: p.lead, category: 'labour', deltaMinor: 1 },
    ],
  });
  return [
    {
      route: 'GET /api/platforms/:platformId/reports-due',
      label: 'anyone with a role on the platform; the list covers what they read',
      expect: { anonymous: '401', 'B:platform_admin': '403', ...roleless('403'), others: '2xx' },
      cell: () => ({ url: `/api/platforms/${env.A()}/reports-due` }),
    },
    {
      route: 'GET /api/platforms/:platformId/report-reminders',
      label: "A's reminder settings: those who follow every project of A",
      expect: {
        anonymous: '401',
        'token:read': '2xx',
        'token:write': '2xx',
        system_admin: '2xx',
        'A:platform_admin': '2xx',
        'A:program_officer': '2xx',
        'A:supervisor': '2xx',
        others: '403',
      },
      cell: () => ({ url: `/api/platforms/${env.A()}/report-reminders` }),
    },
    {
      route: 'GET /api/platforms/:platformId/report-reminders/last-run',
      label: "A's last run of the reminders: those who read A's settings",
      expect: {
        anonymous: '401',
        'token:read': '2xx',
        'token:write': '2xx',
        system_admin: '2xx',
        'A:platform_admin': '2xx',
        'A:program_officer': '2xx',
        'A:supervisor': '2xx',
        others: '403',
      },
      cell: () => ({ url: `/api/platforms/${env.A()}/report-reminders/last-run` }),
    },
    {
      route: 'PUT /api/platforms/:platformId/report-reminders',
      label: "A's reminder settings: A's admins alone (B's admin and A's officers are refused)",
      expect: {
        anonymous: '401',
        'token:read': '403',
        'token:write': '2xx',
        system_admin: '2xx',
        'A:platform_admin': '2xx',
        others: '403',
      },
      cell: () => ({
        url: `/api/platforms/${env.A()}/report-reminders`,
        body: { enabled: true, daysBefore: [14, 3], daysAfter: [1, 7] },
      }),
    },
    {
      route: 'GET /api/projects/:id/reports',
      label: "own: A's applicant is the lead's contact",
      expect: { ...READERS, 'A:applicant': '2xx' },
      cell: async () => ({ url: `/api/projects/${await milestoneProject(env, true, false)}/reports` }),
    },
    {
      route: 'GET /api/projects/:id/reports',
      label: "other: another consortium's project",
      expect: READERS,
      cell: async () => ({ url: `/api/projects/${await milestoneProject(env, false, false)}/reports` }),
    },
    {
      route: 'POST /api/projects/:id/reports',
      label: "own: A's applicant is the lead's contact",
      expect: leadSide(true),
      cell: async () => {
        const id = await milestoneProject(env, true, false);
        const r = (await listProjectReports(env.ctx(), id)).items[0]!;
        return { url: `/api/projects/${id}/reports`, body: { kind: r.kind, dueOn: r.dueOn, body: '矩阵' } };
      },
    },
    {
      route: 'POST /api/projects/:id/reports',
      label: "other: another consortium's project",
      expect: leadSide(false),
      cell: async () => {
        const id = await milestoneProject(env, false, false);
        const r = (await listProjectReports(env.ctx(), id)).items[0]!;
        return { url: `/api/projects/${id}/reports`, body: { kind: r.kind, dueOn: r.dueOn, body: '矩阵' } };
      },
    },
    {
      route: 'GET /api/projects/:id/milestones',
      label: "own: A's applicant is the lead's contact",
      expect: { ...READERS, 'A:applicant': '2xx' },
      cell: async () => ({ url: `/api/projects/${await milestoneProject(env, true, false)}/milestones` }),
    },
    {
      route: 'GET /api/projects/:id/milestones',
      label: "other: another consortium's project",
      expect: READERS,
      cell: async () => ({ url: `/api/projects/${await milestoneProject(env, false, false)}/milestones` }),
    },
    {
      route: 'POST /api/projects/:id/milestones/submission',
      label: "own: A's applicant is the lead's contact",
      expect: leadSide(true),
      cell: async () => ({
        url: `/api/projects/${await milestoneProject(env, true, false)}/milestones/submission`,
        body: { milestone: 0, note: '矩阵' },
      }),
    },
    {
      route: 'POST /api/projects/:id/milestones/submission',
      label: "other: another consortium's project",
      expect: leadSide(false),
      cell: async () => ({
        url: `/api/projects/${await milestoneProject(env, false, false)}/milestones/submission`,
        body: { milestone: 0, note: '矩阵' },
      }),
    },
    {
      route: 'POST /api/projects/:id/milestones/decision',
      label: "own: the lead's side may not accept its own milestone",
      expect: { ...movers(['A:platform_admin', 'A:program_officer']), 'A:applicant': '403' },
      cell: async () => ({
        url: `/api/projects/${await milestoneProject(env, true, true)}/milestones/decision`,
        body: { milestone: 0, decision: 'accepted' },
      }),
    },
    {
      route: 'POST /api/projects/:id/milestones/decision',
      label: "other: another consortium's project",
      expect: movers(['A:platform_admin', 'A:program_officer']),
      cell: async () => ({
        url: `/api/projects/${await milestoneProject(env, false, true)}/milestones/decision`,
        body: { milestone: 0, decision: 'accepted' },
      }),
    },
    {
      route: 'GET /api/projects/:id/adjustments',
      label: "own: A's applicant is the lead's contact",
      expect: { ...READERS, 'A:applicant': '2xx' },
      cell: async () => {
        const p = await buildProjectInExecution(env.ctx(), env.A(), {
          leadContactPersonId: await applicantsPerson(env),
        });
        return { url: `/api/projects/${p.id}/adjustments` };
      },
    },
    {
      route: 'GET /api/projects/:id/adjustments',
      label: "other: another consortium's project",
      expect: READERS,
      cell: async () => ({
        url: `/api/projects/${(await buildProjectInExecution(env.ctx(), env.A())).id}/adjustments`,
      }),
    },
    {
      route: 'POST /api/projects/:id/adjustments',
      label: "own: A's applicant is the lead's contact",
      expect: { ...movers(['A:platform_admin', 'A:program_officer']), 'A:applicant': '2xx' },
      cell: async () => {
        const p = await buildProjectInExecution(env.ctx(), env.A(), {
          leadContactPersonId: await applicantsPerson(env),
        });
        return { url: `/api/projects/${p.id}/adjustments`, body: adjustmentBody(p) };
      },
    },
    {
      route: 'POST /api/projects/:id/adjustments',
      label: "other: another consortium's project",
      expect: movers(['A:platform_admin', 'A:program_officer']),
      cell: async () => {
        const p = await buildProjectInExecution(env.ctx(), env.A());
        return { url: `/api/projects/${p.id}/adjustments`, body: adjustmentBody(p) };
      },
    },
    {
      route: 'POST /api/projects/:id/adjustments/:adjustmentId/decision',
      label: "own, the unit's own level: the lead's side decides too",
      expect: { ...movers(['A:platform_admin', 'A:program_officer']), 'A:applicant': '2xx' },
      cell: () => withAdjustment(true, 'unit'),
    },
    {
      route: 'POST /api/projects/:id/adjustments/:adjustmentId/decision',
      label: "own, the funder's level: the lead's side is refused",
      expect: { ...movers(['A:platform_admin', 'A:program_officer']), 'A:applicant': '403' },
      cell: () => withAdjustment(true, 'funder'),
    },
    {
      route: 'POST /api/projects/:id/adjustments/:adjustmentId/decision',
      label: "other: another consortium's project",
      expect: movers(['A:platform_admin', 'A:program_officer']),
      cell: () => withAdjustment(false, 'unit'),
    },
  ];
}
