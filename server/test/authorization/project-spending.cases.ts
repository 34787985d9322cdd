import { newId } from '../../http/context.js';
import { pdfBytes } from '../../modules/applications/applications.fixtures.js';
import { multipart } from '../../modules/imports/imports.fixtures.js';
import { uploadEvidence } from '../../modules/projects/projects.evidence.js';
import { insertEvidence } from '../../modules/projects/projects.evidence.repository.js';
import { buildProjectInExecution } from '../../modules/projects/projects.fixtures.js';
import { linkOutput } from '../../modules/projects/projects.outputs.js';
import { listProjectReports } from '../../modules/projects/projects.reports.js';
import { insertSpending } from '../../modules/projects/projects.spending.repository.js';
import { makeResult, publicationBody } from '../../modules/results/results.fixtures.js';
import type { Expect, MatrixEnv, RouteCase } from './matrix.js';
import { applicantsPerson, leadSide, milestoneProject, movers, READERS } from './projects.fixtures.js';

/**
 * The authorization matrix rows of what a project in execution books and files (issue 13): spending
 * entries, linked outputs and the evidence files of milestones, spending entries and reports. Readers and
 * movers as for the project (projects.fixtures.ts); "own" rows make A's applicant the lead's contact.
 */
export function projectSpendingCases(env: MatrixEnv): RouteCase[] {
  let n = 0;
  const spendingEntry = (organisationId: string) => ({
    organisationId,
    category: 'equipment',
    spentOn: env.ctx().clock.now().toISOString().slice(0, 10),
    amountMinor: 1,
    description: '矩阵',
  });
  /** A project in execution (own: A's applicant is the lead's contact) with one spending entry. */
  const withEntry = async (own: boolean) => {
    const ctx = env.ctx();
    const p = await buildProjectInExecution(ctx, env.A(), {
      ...(own ? { leadContactPersonId: await applicantsPerson(env) } : {}),
    });
    const entry = newId();
    await insertSpending(ctx.db, {
      id: entry,
      projectId: p.id,
      organisationId: p.lead,
      category: 'equipment',
      spentOn: p.startsOn,
      amountMinor: 1,
      description: '矩阵',
      createdBy: null,
      createdAt: p.createdAt,
    });
    return { id: p.id, entry };
  };
  const evidenceUpload = (url: string) => {
    const { payload, headers } = multipart(pdfBytes('矩阵'), '凭证.pdf');
    return { url, body: payload, headers };
  };
  /** Evidence files (milestones, spending entries): listed and downloaded by readers, own and other. */
  const evidenceRows = (): RouteCase[] =>
    [true, false].flatMap((own): RouteCase[] => {
      const label = own ? "own: A's applicant is the lead's contact" : "other: another consortium's project";
      const readers: Expect = own ? { ...READERS, 'A:applicant': '2xx' } : READERS;
      const bookers: Expect = {
        ...movers(['A:platform_admin', 'A:program_officer']),
        ...(own ? { 'A:applicant': '2xx' } : {}),
      };
      return [
        {
          route: 'GET /api/projects/:id/evidence',
          label,
          expect: readers,
          cell: async () => ({ url: `/api/projects/${(await withEntry(own)).id}/evidence` }),
        },
        {
          route: 'GET /api/projects/:id/evidence/:evidenceId',
          label,
          expect: readers,
          cell: async () => {
            const p = await withEntry(own);
            const e = await uploadEvidence(
              env.ctx(),
              p.id,
              { subject: 'spending', ref: p.entry },
              { fileName: '凭证.pdf', bytes: pdfBytes('矩阵') },
            );
            return { url: `/api/projects/${p.id}/evidence/${e.id}` };
          },
        },
        {
          route: 'POST /api/projects/:id/evidence',
          label: `${label}; a milestone: the lead's side only`,
          expect: leadSide(own),
          cell: async () =>
            evidenceUpload(
              `/api/projects/${await milestoneProject(env, own, false)}/evidence?subject=milestone&ref=0`,
            ),
        },
        {
          route: 'POST /api/projects/:id/evidence',
          label: `${label}; a spending entry: whoever books spending`,
          expect: bookers,
          cell: async () => {
            const p = await withEntry(own);
            return evidenceUpload(`/api/projects/${p.id}/evidence?subject=spending&ref=${p.entry}`);
          },
        },
        {
          route: 'POST /api/projects/:id/evidence',
          label: `${label}; a report of the schedule, still a draft: the lead's side only`,
          expect: leadSide(own),
          cell: async () => {
            const id = await milestoneProject(env, own, false);
            const [due] = (await listProjectReports(env.ctx(), id)).items;
            return evidenceUpload(
              `/api/projects/${id}/evidence?subject=report&ref=${due!.kind}:${due!.dueOn}`,
            );
          },
        },
        {
          route: 'DELETE /api/projects/:id/evidence/:evidenceId',
          label: `${label}; a file of a report still a draft: the lead's side only`,
          expect: leadSide(own),
          cell: async () => {
            const id = await milestoneProject(env, own, false);
            const [due] = (await listProjectReports(env.ctx(), id)).items;
            const fileId = newId();
            await insertEvidence(env.ctx().db, {
              id: fileId,
              projectId: id,
              subject: 'report',
              subjectRef: `${due!.kind}:${due!.dueOn}`,
              fileName: '报告.pdf',
              type: 'pdf',
              mediaType: 'application/pdf',
              sizeBytes: 1,
              sha256: 'matrix',
              uploadedBy: null,
              createdAt: '2026-01-01T00:00:00.000Z',
            });
            return { url: `/api/projects/${id}/evidence/${fileId}` };
          },
        },
      ];
    });
  return [
    {
      route: 'GET /api/projects/:id/spending',
      label: "own: A's applicant is the lead's contact",
      expect: { ...READERS, 'A:applicant': '2xx' },
      cell: async () => {
        const p = await buildProjectInExecution(env.ctx(), env.A(), {
          leadContactPersonId: await applicantsPerson(env),
        });
        return { url: `/api/projects/${p.id}/spending` };
      },
    },
    {
      route: 'GET /api/projects/:id/spending',
      label: "other: another consortium's project",
      expect: READERS,
      cell: async () => ({
        url: `/api/projects/${(await buildProjectInExecution(env.ctx(), env.A())).id}/spending`,
      }),
    },
    {
      route: 'GET /api/projects/:id/outputs',
      label: "other: another consortium's project",
      expect: READERS,
      cell: async () => ({
        url: `/api/projects/${(await buildProjectInExecution(env.ctx(), env.A())).id}/outputs`,
      }),
    },
    {
      route: 'GET /api/projects/:id/output-choices',
      label: "own: A's applicant is the lead's contact (none offered: it changes no licence)",
      expect: { ...READERS, 'A:supervisor': '403', 'A:applicant': '2xx' },
      cell: async () => {
        const p = await buildProjectInExecution(env.ctx(), env.A(), {
          leadContactPersonId: await applicantsPerson(env),
        });
        return { url: `/api/projects/${p.id}/output-choices?type=licence` };
      },
    },
    {
      route: 'GET /api/projects/:id/output-choices',
      label: "other: another consortium's project",
      // The project's side of a link: those who manage it; the supervisor reads it but links nothing.
      expect: { ...READERS, 'A:supervisor': '403' },
      cell: async () => ({
        url: `/api/projects/${(await buildProjectInExecution(env.ctx(), env.A())).id}/output-choices?type=service_request`,
      }),
    },
    {
      route: 'POST /api/projects/:id/outputs',
      label: "other: a result of A linked to another consortium's project",
      // Linking needs the project's side and the result's (its managers): the admins; the officer moves
      // the project but manages no result.
      expect: { ...movers(['A:platform_admin']) },
      cell: async () => {
        const p = await buildProjectInExecution(env.ctx(), env.A());
        const r = await makeResult(env.ctx(), publicationBody(env.A(), { titleZh: `矩阵成果 ${++n}` }));
        return { url: `/api/projects/${p.id}/outputs`, body: { type: 'result', outputId: r.id } };
      },
    },
    {
      route: 'DELETE /api/projects/:id/outputs/:linkId',
      label: "other: a link on another consortium's project",
      expect: { ...movers(['A:platform_admin', 'A:program_officer']) },
      cell: async () => {
        const p = await buildProjectInExecution(env.ctx(), env.A());
        const r = await makeResult(env.ctx(), publicationBody(env.A(), { titleZh: `矩阵成果 ${++n}` }));
        const link = await linkOutput(env.ctx(), p.id, { type: 'result', outputId: r.id });
        return { url: `/api/projects/${p.id}/outputs/${link.id}` };
      },
    },
    {
      route: 'POST /api/projects/:id/spending',
      label: "own: A's applicant is the lead's contact",
      expect: { ...movers(['A:platform_admin', 'A:program_officer']), 'A:applicant': '2xx' },
      cell: async () => {
        const p = await buildProjectInExecution(env.ctx(), env.A(), {
          leadContactPersonId: await applicantsPerson(env),
        });
        return { url: `/api/projects/${p.id}/spending`, body: spendingEntry(p.lead) };
      },
    },
    {
      route: 'POST /api/projects/:id/spending',
      label: "other: another consortium's project",
      expect: movers(['A:platform_admin', 'A:program_officer']),
      cell: async () => {
        const p = await buildProjectInExecution(env.ctx(), env.A());
        return { url: `/api/projects/${p.id}/spending`, body: spendingEntry(p.lead) };
      },
    },
    ...evidenceRows(),
  ];
}
