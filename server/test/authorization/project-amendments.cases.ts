import { proposeAmendment } from '../../modules/projects/projects.amendments.js';
import { buildProjectInExecution } from '../../modules/projects/projects.fixtures.js';
import type { MatrixEnv, RouteCase } from './matrix.js';
import { applicantsPerson, movers, READERS } from './projects.fixtures.js';

/**
 * The authorization matrix rows of the amendments (变更) of a frozen 任务书 (issue 13, docs/adr/0041): read
 * by every reader of the project; proposed and withdrawn by the funder's officers and the lead
 * organisation's side (A's applicant on "own" rows, as the lead's contact); decided by the officers only
 * (the lead's side 403). Everyone else: 404, as for the project.
 */
export function projectAmendmentsCases(env: MatrixEnv): RouteCase[] {
  const project = async (own: boolean) =>
    buildProjectInExecution(env.ctx(), env.A(), {
      ...(own ? { leadContactPersonId: await applicantsPerson(env) } : {}),
    });
  const body = { reason: '矩阵', changes: { indicators: [indicator(4)] } };
  const withProposal = async (own: boolean) => {
    const p = await project(own);
    const a = await proposeAmendment(env.ctx(), p.id, body);
    return { p, a };
  };
  const officers = movers(['A:platform_admin', 'A:program_officer']);
  const rows: RouteCase[] = [];
  for (const own of [true, false]) {
    const label = own ? "own: A's applicant is the lead's contact" : "other: another consortium's project";
    const lead = own ? { 'A:applicant': '2xx' as const } : {};
    rows.push(
      {
        route: 'GET /api/projects/:id/amendments',
        label,
        expect: { ...READERS, ...lead },
        cell: async () => ({ url: `/api/projects/${(await withProposal(own)).p.id}/amendments` }),
      },
      {
        route: 'GET /api/projects/:id/agreement/versions',
        label,
        expect: { ...READERS, ...lead },
        cell: async () => ({ url: `/api/projects/${(await project(own)).id}/agreement/versions` }),
      },
      {
        route: 'POST /api/projects/:id/amendments',
        label,
        expect: { ...officers, ...lead },
        cell: async () => ({ url: `/api/projects/${(await project(own)).id}/amendments`, body }),
      },
      {
        route: 'POST /api/projects/:id/amendments/:amendmentId/decision',
        label: `${label}; the lead's side may not decide`,
        expect: { ...officers, ...(own ? { 'A:applicant': '403' as const } : {}) },
        cell: async () => {
          const { p, a } = await withProposal(own);
          return {
            url: `/api/projects/${p.id}/amendments/${a.id}/decision`,
            body: { decision: 'approved' },
          };
        },
      },
      {
        route: 'POST /api/projects/:id/amendments/:amendmentId/withdraw',
        label,
        expect: { ...officers, ...lead },
        cell: async () => {
          const { p, a } = await withProposal(own);
          return { url: `/api/projects/${p.id}/amendments/${a.id}/withdraw`, body: {} };
        },
      },
    );
  }
  return rows;
}

const indicator = (target: number) => ({
  name: '发明专利申请',
  type: 'count' as const,
  target,
  verification: '受理通知书',
});
