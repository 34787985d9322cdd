import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../../http/auth.js';
import { problem, problemResponses } from '../../../http/openapi.js';
import { projectIdParams } from '../projects.schema.js';
import { adoptCheck } from './checks.adoption.js';
import { evaluateProject, getEvaluation } from './checks.evaluation.js';
import { evaluationBody, evaluationView } from './checks.evaluation.schema.js';
import { submitCheckReport } from './checks.report.js';
import { recordFinancialReview, recordTaskReview } from './checks.reviews.js';
import { financialReviewBody, taskReviewBody } from './checks.reviews.schema.js';
import {
  adoptCheckBody,
  assignExpertBody,
  checkIdParams,
  checkList,
  checkReportBody,
  checkScorecardParams,
  checkScorecardView,
  checkView,
  myCheckScorecards as myCheckScorecardsView,
  openCheckBody,
  scorecardBody,
} from './checks.schema.js';
import { getCheckScorecard, myCheckScorecards, saveCheckScorecard } from './checks.scoring.js';
import { assignExpert, getCheck, listChecks, openCheck } from './checks.service.js';

/**
 * 中期检查 / 结题验收 with the dual evaluation (docs/projects.md "Checks"). Registered inside the
 * projects routes plugin, whose requireSignIn covers these routes too.
 */
export async function projectChecksRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];

  app.get(
    '/api/projects/:id/checks',
    {
      schema: {
        tags,
        summary:
          "A project's interim and final checks with their frozen reports and adopted verdicts (its readers)",
        params: projectIdParams,
        response: { 200: checkList, ...problemResponses },
      },
    },
    async (request) => listChecks(ctxOf(request), request.params.id),
  );

  app.post(
    '/api/projects/:id/checks',
    {
      schema: {
        tags,
        summary:
          'Open an interim or final check (the funder’s side): the project moves to 中期检查 or 结题验收 and owes its report by the due date',
        params: projectIdParams,
        body: openCheckBody,
        response: { 201: checkView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await openCheck(ctxOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/project-checks/:checkId',
    {
      schema: {
        tags,
        summary:
          'One check (readers of its project; the panel and running scores for the officers and the chair)',
        params: checkIdParams,
        response: { 200: checkView, ...problemResponses },
      },
    },
    async (request) => getCheck(ctxOf(request), request.params.checkId),
  );

  app.post(
    '/api/project-checks/:checkId/report',
    {
      schema: {
        tags,
        summary:
          "Submit the project's check report (the lead organisation's side): progress per indicator and milestone of the frozen 任务书; frozen on submit",
        params: checkIdParams,
        body: checkReportBody,
        response: { 200: checkView, ...problemResponses, 422: problem },
      },
    },
    async (request) => submitCheckReport(ctxOf(request), request.params.checkId, request.body),
  );

  app.post(
    '/api/project-checks/:checkId/experts',
    {
      schema: {
        tags,
        summary:
          'Put an expert on the check’s panel (the funder’s side); an expert of the consortium is refused 409 with the conflict found',
        params: checkIdParams,
        body: assignExpertBody,
        response: { 200: checkView, ...problemResponses },
      },
    },
    async (request) => assignExpert(ctxOf(request), request.params.checkId, request.body),
  );

  app.post(
    '/api/project-checks/:checkId/adopt',
    {
      schema: {
        tags,
        summary:
          'Adopt the verdict (通过 / 整改 / 不通过) on the current report once every scorecard is in (the officers or the panel’s chair); frozen',
        params: checkIdParams,
        body: adoptCheckBody,
        response: { 200: checkView, ...problemResponses },
      },
    },
    async (request) => adoptCheck(ctxOf(request), request.params.checkId, request.body),
  );

  app.post(
    '/api/project-checks/:checkId/task-review',
    {
      schema: {
        tags,
        summary:
          '结题验收 task review (the funder’s side): each indicator of the report met or not with its actual value, and the review’s outcome; frozen',
        params: checkIdParams,
        body: taskReviewBody,
        response: { 200: checkView, ...problemResponses, 422: problem },
      },
    },
    async (request) => recordTaskReview(ctxOf(request), request.params.checkId, request.body),
  );

  app.post(
    '/api/project-checks/:checkId/financial-review',
    {
      schema: {
        tags,
        summary:
          '结题验收 financial review (the funder’s side): spending against the approved budget by category and member from the records, the outcome, notes and optionally the audit firm’s report; frozen',
        params: checkIdParams,
        body: financialReviewBody,
        response: { 200: checkView, ...problemResponses, 422: problem },
      },
    },
    async (request) => recordFinancialReview(ctxOf(request), request.params.checkId, request.body),
  );

  app.get(
    '/api/my-project-check-scorecards',
    {
      schema: {
        tags,
        summary: "The signed-in expert's scorecards on project checks",
        response: { 200: myCheckScorecardsView, ...problemResponses },
      },
    },
    async (request) => myCheckScorecards(ctxOf(request)),
  );

  app.get(
    '/api/project-check-scorecards/:scorecardId',
    {
      schema: {
        tags,
        summary: "An expert's own scorecard with the frozen report it judges",
        params: checkScorecardParams,
        response: { 200: checkScorecardView, ...problemResponses },
      },
    },
    async (request) => getCheckScorecard(ctxOf(request), request.params.scorecardId),
  );

  app.put(
    '/api/project-check-scorecards/:scorecardId',
    {
      schema: {
        tags,
        summary: "Save the expert's draft scores and comments",
        params: checkScorecardParams,
        body: scorecardBody,
        response: { 200: checkScorecardView, ...problemResponses },
      },
    },
    async (request) => saveCheckScorecard(ctxOf(request), request.params.scorecardId, request.body, false),
  );

  app.post(
    '/api/project-check-scorecards/:scorecardId/submit',
    {
      schema: {
        tags,
        summary:
          'Submit the scorecard: every criterion with a comment; the weighted total is computed and frozen',
        params: checkScorecardParams,
        body: scorecardBody,
        response: { 200: checkScorecardView, ...problemResponses },
      },
    },
    async (request) => saveCheckScorecard(ctxOf(request), request.params.scorecardId, request.body, true),
  );

  app.get(
    '/api/projects/:id/evaluation',
    {
      schema: {
        tags,
        summary:
          "A closed project's 绩效评价 (performance evaluation), frozen once recorded (the project's readers)",
        params: projectIdParams,
        response: { 200: evaluationView, ...problemResponses },
      },
    },
    async (request) => getEvaluation(ctxOf(request), request.params.id),
  );

  app.post(
    '/api/projects/:id/evaluation',
    {
      schema: {
        tags,
        summary:
          'Record the 绩效评价 of a closed project (the funder’s side): indicators target against achieved, academic and economic judgement, grade; frozen; the project moves to evaluated',
        params: projectIdParams,
        body: evaluationBody,
        response: { 200: evaluationView, ...problemResponses, 422: problem },
      },
    },
    async (request) => evaluateProject(ctxOf(request), request.params.id, request.body),
  );
}
