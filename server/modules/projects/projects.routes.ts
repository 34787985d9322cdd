import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, requireSignIn } from '../../http/auth.js';
import { problem, problemResponses } from '../../http/openapi.js';
import { projectChecksRoutes } from './checks/checks.routes.js';
import { checkRunsRoutes } from './checks/checks.runs.routes.js';
import { decideAdjustmentRequest, listAdjustments, requestAdjustment } from './projects.adjustments.js';
import {
  adjustmentBody,
  adjustmentDecisionBody,
  adjustmentIdParams,
  adjustmentList,
  adjustmentView,
} from './projects.adjustments.schema.js';
import { getAgreement, saveAgreement, signProjectAgreement } from './projects.agreement.js';
import { agreementContent, agreementView, signAgreementBody } from './projects.agreement.schema.js';
import { projectAmendmentsRoutes } from './projects.amendments.routes.js';
import { EVIDENCE_MAX_BYTES } from './projects.evidence.js';
import { projectEvidenceRoutes } from './projects.evidence.routes.js';
import { projectExportRoutes } from './projects.export.js';
import { decideMilestoneSubmission, listMilestones, submitMilestone } from './projects.milestones.js';
import {
  milestoneDecisionBody,
  milestoneList,
  milestoneSubmissionBody,
  milestoneView,
} from './projects.milestones.schema.js';
import { projectOutputsRoutes } from './projects.outputs.routes.js';
import { projectPortfolioRoutes } from './projects.portfolio.routes.js';
import { projectRemindersRoutes } from './projects.reminders.routes.js';
import { projectReportsRoutes } from './projects.reports.routes.js';
import {
  platformProjectsParams,
  projectDetail,
  projectIdParams,
  projectList,
  projectsQuery,
  projectTransitionBody,
  projectView,
  registerProjectBody,
} from './projects.schema.js';
import { getProject, listProjects, registerIntramuralProject } from './projects.service.js';
import { getSpending, recordSpending } from './projects.spending.js';
import { spendingBody, spendingView } from './projects.spending.schema.js';
import { transitionProject } from './projects.transitions.js';

export async function projectsRoutes(root: FastifyInstance) {
  // Multipart is parsed only in this plugin's scope (evidence files); the reader applies the limit.
  await root.register(multipart, { limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1 } });
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  const tags = ['projects'];
  projectReportsRoutes(root);
  projectRemindersRoutes(root);
  projectOutputsRoutes(root);
  projectEvidenceRoutes(root);
  projectAmendmentsRoutes(root);
  projectPortfolioRoutes(root);
  projectExportRoutes(root);

  app.get(
    '/api/platforms/:platformId/projects',
    {
      schema: {
        tags,
        summary: 'Projects of a platform, intramural and extramural, with filters (anyone with a role on it)',
        params: platformProjectsParams,
        querystring: projectsQuery,
        response: { 200: projectList, ...problemResponses },
      },
    },
    async (request) => listProjects(ctxOf(request), request.params.platformId, request.query),
  );

  app.post(
    '/api/platforms/:platformId/projects',
    {
      schema: {
        tags,
        summary:
          "Register an intramural project for a unit, without an application (the unit's lab director or the platform's admins)",
        params: platformProjectsParams,
        body: registerProjectBody,
        response: { 201: projectView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await registerIntramuralProject(ctxOf(request), request.params.platformId, request.body)),
  );

  app.get(
    '/api/projects/:id',
    {
      schema: {
        tags,
        summary:
          'One project with its consortium, planned budget, objectives, milestones and timeline (anyone with a role on its platform)',
        params: projectIdParams,
        response: { 200: projectDetail, ...problemResponses },
      },
    },
    async (request) => getProject(ctxOf(request), request.params.id),
  );

  app.post(
    '/api/projects/:id/transitions',
    {
      schema: {
        tags,
        summary:
          "Move a project along its life (立项 → 任务书 → 执行中 → 中期检查 → 结题验收 → 整改 → 结题 → 绩效评价; 暂停, 终止): the platform's admins and program officers, the unit's director for intramural projects",
        params: projectIdParams,
        body: projectTransitionBody,
        response: { 200: projectDetail, ...problemResponses },
      },
    },
    async (request) => transitionProject(ctxOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/projects/:id/agreement',
    {
      schema: {
        tags,
        summary:
          'The 任务书 (task agreement) with its reporting schedule and signatures (anyone who may read the project)',
        params: projectIdParams,
        response: { 200: agreementView, ...problemResponses },
      },
    },
    async (request) => getAgreement(ctxOf(request), request.params.id),
  );

  app.put(
    '/api/projects/:id/agreement',
    {
      schema: {
        tags,
        summary:
          'Save the draft 任务书 while the project is contracting (officers); signatures given to earlier terms are withdrawn',
        params: projectIdParams,
        body: agreementContent,
        response: { 200: agreementView, ...problemResponses, 422: problem },
      },
    },
    async (request) => saveAgreement(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/projects/:id/agreement/sign',
    {
      schema: {
        tags,
        summary:
          'Sign the 任务书 as the officer or the lead organisation; the second signature freezes it (canonical JSON + sha256)',
        params: projectIdParams,
        body: signAgreementBody,
        response: { 200: agreementView, ...problemResponses },
      },
    },
    async (request) => signProjectAgreement(ctxOf(request), request.params.id, request.body.as),
  );

  app.get(
    '/api/projects/:id/spending',
    {
      schema: {
        tags,
        summary:
          'Spending of a project: plan against actual per member × cost category of the frozen 任务书, and the entries (anyone who may read the project)',
        params: projectIdParams,
        response: { 200: spendingView, ...problemResponses },
      },
    },
    async (request) => getSpending(ctxOf(request), request.params.id),
  );

  app.post(
    '/api/projects/:id/spending',
    {
      schema: {
        tags,
        summary:
          "Book a spending entry for a member and category (the lead organisation's side, the platform's admins and officers); beyond the approved amount it is 422 with the category and the headroom",
        params: projectIdParams,
        body: spendingBody,
        response: { 201: spendingView, ...problemResponses, 422: problem },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordSpending(ctxOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/projects/:id/adjustments',
    {
      schema: {
        tags,
        summary:
          'Budget adjustments (预算调剂) of a project, newest first, with who must decide each (anyone who may read the project)',
        params: projectIdParams,
        response: { 200: adjustmentList, ...problemResponses },
      },
    },
    async (request) => listAdjustments(ctxOf(request), request.params.id),
  );

  app.post(
    '/api/projects/:id/adjustments',
    {
      schema: {
        tags,
        summary:
          "Ask to change the approved plan (per member × category) or extend the project, with a reason (the lead organisation's side, the platform's admins and officers)",
        params: projectIdParams,
        body: adjustmentBody,
        response: { 201: adjustmentView, ...problemResponses, 422: problem },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await requestAdjustment(ctxOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/projects/:id/adjustments/:adjustmentId/decision',
    {
      schema: {
        tags,
        summary:
          "Approve or reject a pending budget adjustment: the funder's managers decide every one, the lead organisation's side those the unit approves itself (业务费 ⇄ 劳务费 within a member)",
        params: adjustmentIdParams,
        body: adjustmentDecisionBody,
        response: { 200: adjustmentView, ...problemResponses, 422: problem },
      },
    },
    async (request) =>
      decideAdjustmentRequest(ctxOf(request), request.params.id, request.params.adjustmentId, request.body),
  );

  app.get(
    '/api/projects/:id/milestones',
    {
      schema: {
        tags,
        summary:
          "Milestones of the frozen 任务书 with their deliverables and the state of each one's acceptance (anyone who may read the project)",
        params: projectIdParams,
        response: { 200: milestoneList, ...problemResponses },
      },
    },
    async (request) => listMilestones(ctxOf(request), request.params.id),
  );

  app.post(
    '/api/projects/:id/milestones/submission',
    {
      schema: {
        tags,
        summary:
          "Submit the completion of a milestone with a note on its deliverables (the lead organisation's side); an accepted milestone is locked (409)",
        params: projectIdParams,
        body: milestoneSubmissionBody,
        response: { 200: milestoneView, ...problemResponses },
      },
    },
    async (request) => submitMilestone(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/projects/:id/milestones/decision',
    {
      schema: {
        tags,
        summary:
          "Accept a submitted milestone (locking it) or reject it with a reason (the platform's admins and program officers)",
        params: projectIdParams,
        body: milestoneDecisionBody,
        response: { 200: milestoneView, ...problemResponses },
      },
    },
    async (request) => decideMilestoneSubmission(ctxOf(request), request.params.id, request.body),
  );
  await projectChecksRoutes(app);
  await checkRunsRoutes(app);
}
