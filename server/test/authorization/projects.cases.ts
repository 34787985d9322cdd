import { newId } from '../../http/context.js';
import { pdfBytes } from '../../modules/applications/applications.fixtures.js';
import { multipart } from '../../modules/imports/imports.fixtures.js';
import { requestAdjustment } from '../../modules/projects/projects.adjustments.js';
import { saveAgreement } from '../../modules/projects/projects.agreement.js';
import { uploadEvidence } from '../../modules/projects/projects.evidence.js';
import { insertEvidence } from '../../modules/projects/projects.evidence.repository.js';
import { buildExtramuralProject, buildProjectInExecution } from '../../modules/projects/projects.fixtures.js';
import { upsertSubmission } from '../../modules/projects/projects.milestones.repository.js';
import { linkOutput } from '../../modules/projects/projects.outputs.js';
import { listProjectReports } from '../../modules/projects/projects.reports.js';
import { registerIntramuralProject } from '../../modules/projects/projects.service.js';
import { insertSpending } from '../../modules/projects/projects.spending.repository.js';
import { makeResult, publicationBody } from '../../modules/results/results.fixtures.js';
import { buildPerson, buildUnit } from '../platform-factories.js';
import { type Expect, type MatrixEnv, type RouteCase, roleless } from './matrix.js';

/**
 * The authorization matrix rows of projects from 立项 through execution (issue 13). The state of an
 * extramural project is moved by the platform's admins and program officers; of an intramural one by
 * its unit's director and the admins. A project is read by the platform's admins, program officers and
 * supervisors, by the director of its unit and by those on its consortium (403 on a move they may not
 * make); to everyone else, another platform's admin and role-less accounts included, it does not exist
 * (404): own and other rows below.
 */
export const READERS: Expect = {
  anonymous: '401',
  'token:read': '2xx',
  'token:write': '2xx',
  system_admin: '2xx',
  'A:platform_admin': '2xx',
  'A:program_officer': '2xx',
  'A:supervisor': '2xx',
  others: '404',
};

export const movers = (allowed: readonly string[]): Expect => ({
  anonymous: '401',
  'token:read': '403',
  'token:write': '2xx',
  system_admin: '2xx',
  // Those who read every project are refused a move they may not make; everyone else is not told it exists.
  'A:platform_admin': '403',
  'A:program_officer': '403',
  'A:supervisor': '403',
  ...Object.fromEntries(allowed.map((a) => [a, '2xx'])),
  others: '404',
});
export function projectsCases(env: MatrixEnv): RouteCase[] {
  let n = 0;
  let directedUnit: string | undefined;
  /** A unit of A directed by A's lab director (their account linked to the director). */
  const ownUnit = async () => {
    if (directedUnit) return directedUnit;
    const ctx = env.ctx();
    const userId = env.userId('A:lab_director')!;
    const linked = await ctx.db
      .selectFrom('people')
      .select('id')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    const person = linked?.id ?? (await buildPerson(ctx, { userId })).id;
    directedUnit = (await buildUnit(ctx, { platformId: env.A(), directorPersonId: person })).id;
    return directedUnit;
  };
  let applicantPerson: string | undefined;
  const spendingEntry = (organisationId: string) => ({
    organisationId,
    category: 'equipment',
    spentOn: env.ctx().clock.now().toISOString().slice(0, 10),
    amountMinor: 1,
    description: '矩阵',
  });
  /** A's applicant as a person (linked to their account), the lead's contact in "own" rows. */
  const applicantsPerson = async () => {
    const ctx = env.ctx();
    const userId = env.userId('A:applicant')!;
    applicantPerson ??=
      (await ctx.db.selectFrom('people').select('id').where('user_id', '=', userId).executeTakeFirst())?.id ??
      (await buildPerson(ctx, { userId })).id;
    return applicantPerson;
  };
  /** An extramural project whose lead's contact person is A's applicant (their own project). */
  const applicantsProject = async () =>
    (await buildExtramuralProject(env.ctx(), env.A(), { leadContactPersonId: await applicantsPerson() })).id;
  const intramural = async () =>
    (
      await registerIntramuralProject(env.ctx(), env.A(), {
        unitId: await ownUnit(),
        code: `PM${Date.now().toString(36)}${n++}`.toUpperCase(),
        titleZh: '矩阵项目',
        titleEn: 'Matrix project',
        budgetMinor: 1000,
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
      })
    ).id;
  /** A contracting project and a valid draft 任务书 for its consortium. */
  const contracting = async (withDraft: boolean) => {
    const ctx = env.ctx();
    const p = await buildExtramuralProject(ctx, env.A(), { state: 'contracting' });
    const members = await ctx.db
      .selectFrom('project_members')
      .select('organisation_id')
      .where('project_id', '=', p.id)
      .orderBy('position')
      .execute();
    const content = {
      budget: members.map((m) => ({
        organisationId: m.organisation_id,
        equipmentMinor: 100,
        operationsMinor: 100,
        labourMinor: 100,
        indirectMinor: 10,
      })),
      indicators: [{ name: '专利', type: 'count' as const, target: 1, verification: '受理通知书' }],
      milestones: [],
    };
    if (withDraft) await saveAgreement(ctx, p.id, content);
    return { id: p.id, content };
  };
  /** A project in execution (the applicant's own when `own`) with a pending 预算调剂 of the given level. */
  const withAdjustment = async (own: boolean, level: 'unit' | 'funder') => {
    const p = await buildProjectInExecution(env.ctx(), env.A(), {
      ...(own ? { leadContactPersonId: await applicantsPerson() } : {}),
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
  /** A project in execution (the applicant's own when `own`), its first milestone submitted when asked. */
  const milestoneProject = async (own: boolean, submitted: boolean) => {
    const ctx = env.ctx();
    const p = await buildProjectInExecution(ctx, env.A(), {
      ...(own ? { leadContactPersonId: await applicantsPerson() } : {}),
    });
    if (submitted)
      await upsertSubmission(ctx.db, p.id, 0, { note: '矩阵', submittedBy: null, submittedAt: '2026-01-01' });
    return p.id;
  };
  /** Only the lead organisation's side submits: the funder's managers, tokens included, are refused. */
  const leadSide = (own: boolean): Expect => ({
    ...movers([]),
    'token:write': '403',
    system_admin: '403',
    ...(own ? { 'A:applicant': '2xx' } : {}),
  });
  /** A project in execution (own: A's applicant is the lead's contact) with one spending entry. */
  const withEntry = async (own: boolean) => {
    const ctx = env.ctx();
    const p = await buildProjectInExecution(ctx, env.A(), {
      ...(own ? { leadContactPersonId: await applicantsPerson() } : {}),
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
              `/api/projects/${await milestoneProject(own, false)}/evidence?subject=milestone&ref=0`,
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
            const id = await milestoneProject(own, false);
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
            const id = await milestoneProject(own, false);
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
      route: 'GET /api/projects/portfolio',
      label: "A's portfolio: those who read every project of A (a lead or a director has the list instead)",
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
      cell: () => ({ url: `/api/projects/portfolio?platformId=${env.A()}` }),
    },
    {
      route: 'GET /api/projects/portfolio',
      label: "without a platform: every platform the caller oversees (B's admin its own)",
      expect: {
        anonymous: '401',
        'token:read': '2xx',
        'token:write': '2xx',
        system_admin: '2xx',
        'A:platform_admin': '2xx',
        'A:program_officer': '2xx',
        'A:supervisor': '2xx',
        'B:platform_admin': '2xx',
        others: '403',
      },
      cell: () => ({ url: '/api/projects/portfolio' }),
    },
    {
      route: 'GET /api/projects/portfolio.xlsx',
      label: "A's portfolio as XLSX: the same readers",
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
      cell: () => ({ url: `/api/projects/portfolio.xlsx?platformId=${env.A()}&state=in_progress` }),
    },
    {
      route: 'GET /api/projects/:id/reports',
      label: "own: A's applicant is the lead's contact",
      expect: { ...READERS, 'A:applicant': '2xx' },
      cell: async () => ({ url: `/api/projects/${await milestoneProject(true, false)}/reports` }),
    },
    {
      route: 'GET /api/projects/:id/reports',
      label: "other: another consortium's project",
      expect: READERS,
      cell: async () => ({ url: `/api/projects/${await milestoneProject(false, false)}/reports` }),
    },
    {
      route: 'POST /api/projects/:id/reports',
      label: "own: A's applicant is the lead's contact",
      expect: leadSide(true),
      cell: async () => {
        const id = await milestoneProject(true, false);
        const r = (await listProjectReports(env.ctx(), id)).items[0]!;
        return { url: `/api/projects/${id}/reports`, body: { kind: r.kind, dueOn: r.dueOn, body: '矩阵' } };
      },
    },
    {
      route: 'POST /api/projects/:id/reports',
      label: "other: another consortium's project",
      expect: leadSide(false),
      cell: async () => {
        const id = await milestoneProject(false, false);
        const r = (await listProjectReports(env.ctx(), id)).items[0]!;
        return { url: `/api/projects/${id}/reports`, body: { kind: r.kind, dueOn: r.dueOn, body: '矩阵' } };
      },
    },
    {
      route: 'GET /api/projects/:id/milestones',
      label: "own: A's applicant is the lead's contact",
      expect: { ...READERS, 'A:applicant': '2xx' },
      cell: async () => ({ url: `/api/projects/${await milestoneProject(true, false)}/milestones` }),
    },
    {
      route: 'GET /api/projects/:id/milestones',
      label: "other: another consortium's project",
      expect: READERS,
      cell: async () => ({ url: `/api/projects/${await milestoneProject(false, false)}/milestones` }),
    },
    {
      route: 'POST /api/projects/:id/milestones/submission',
      label: "own: A's applicant is the lead's contact",
      expect: leadSide(true),
      cell: async () => ({
        url: `/api/projects/${await milestoneProject(true, false)}/milestones/submission`,
        body: { milestone: 0, note: '矩阵' },
      }),
    },
    {
      route: 'POST /api/projects/:id/milestones/submission',
      label: "other: another consortium's project",
      expect: leadSide(false),
      cell: async () => ({
        url: `/api/projects/${await milestoneProject(false, false)}/milestones/submission`,
        body: { milestone: 0, note: '矩阵' },
      }),
    },
    {
      route: 'POST /api/projects/:id/milestones/decision',
      label: "own: the lead's side may not accept its own milestone",
      expect: { ...movers(['A:platform_admin', 'A:program_officer']), 'A:applicant': '403' },
      cell: async () => ({
        url: `/api/projects/${await milestoneProject(true, true)}/milestones/decision`,
        body: { milestone: 0, decision: 'accepted' },
      }),
    },
    {
      route: 'POST /api/projects/:id/milestones/decision',
      label: "other: another consortium's project",
      expect: movers(['A:platform_admin', 'A:program_officer']),
      cell: async () => ({
        url: `/api/projects/${await milestoneProject(false, true)}/milestones/decision`,
        body: { milestone: 0, decision: 'accepted' },
      }),
    },
    {
      route: 'GET /api/projects/:id/adjustments',
      label: "own: A's applicant is the lead's contact",
      expect: { ...READERS, 'A:applicant': '2xx' },
      cell: async () => {
        const p = await buildProjectInExecution(env.ctx(), env.A(), {
          leadContactPersonId: await applicantsPerson(),
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
          leadContactPersonId: await applicantsPerson(),
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
    {
      route: 'GET /api/projects/:id',
      label: "intramural project of the lab director's unit",
      expect: { ...READERS, 'A:lab_director': '2xx' },
      cell: async () => ({ url: `/api/projects/${await intramural()}` }),
    },
    {
      route: 'GET /api/projects/:id',
      label: "own: A's applicant is the lead's contact",
      expect: { ...READERS, 'A:applicant': '2xx' },
      cell: async () => ({ url: `/api/projects/${await applicantsProject()}` }),
    },
    {
      route: 'GET /api/projects/:id',
      label: "other: another consortium's project",
      expect: READERS,
      cell: async () => ({ url: `/api/projects/${(await buildExtramuralProject(env.ctx(), env.A())).id}` }),
    },
    {
      route: 'GET /api/projects/:id/spending',
      label: "own: A's applicant is the lead's contact",
      expect: { ...READERS, 'A:applicant': '2xx' },
      cell: async () => {
        const p = await buildProjectInExecution(env.ctx(), env.A(), {
          leadContactPersonId: await applicantsPerson(),
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
          leadContactPersonId: await applicantsPerson(),
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
          leadContactPersonId: await applicantsPerson(),
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
    {
      route: 'GET /api/projects/:id/agreement',
      label: "other: another consortium's project",
      expect: READERS,
      cell: async () => ({ url: `/api/projects/${(await contracting(true)).id}/agreement` }),
    },
    {
      route: 'PUT /api/projects/:id/agreement',
      label: 'extramural project in contracting',
      expect: movers(['A:platform_admin', 'A:program_officer']),
      cell: async () => {
        const c = await contracting(false);
        return { url: `/api/projects/${c.id}/agreement`, body: c.content };
      },
    },
    {
      route: 'POST /api/projects/:id/agreement/sign',
      label: "as the officer (the lead's side is in projects.agreement.test.ts)",
      expect: movers(['A:platform_admin', 'A:program_officer']),
      cell: async () => ({
        url: `/api/projects/${(await contracting(true)).id}/agreement/sign`,
        body: { as: 'officer' },
      }),
    },
    {
      route: 'POST /api/projects/:id/transitions',
      label: 'extramural project',
      expect: movers(['A:platform_admin', 'A:program_officer']),
      cell: async () => ({
        url: `/api/projects/${(await buildExtramuralProject(env.ctx(), env.A())).id}/transitions`,
        body: { action: 'start_contracting' },
      }),
    },
    {
      route: 'POST /api/projects/:id/transitions',
      label: "intramural project of the lab director's unit",
      expect: movers(['A:platform_admin', 'A:lab_director']),
      cell: async () => ({
        url: `/api/projects/${await intramural()}/transitions`,
        body: { action: 'open_interim' },
      }),
    },
    ...evidenceRows(),
  ];
}
