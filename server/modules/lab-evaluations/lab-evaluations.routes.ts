import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, requireSignIn } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import { adoptReport, unitHistory } from './lab-evaluations.adoption.js';
import {
  adoptBody,
  assignBody,
  editRoundBody,
  myScorecards as myScorecardsView,
  openRoundBody,
  platformParams,
  roundDetail,
  roundList,
  roundMemberParams,
  roundParams,
  scorecardBody,
  scorecardParams,
  scorecardView,
  unitHistory as unitHistoryView,
  unitParams,
} from './lab-evaluations.schema.js';
import { getScorecard, myScorecards, saveScorecard } from './lab-evaluations.scorecards.js';
import { assignMember, getRound, listRounds, openRound } from './lab-evaluations.service.js';
import { editRound, removeMember } from './lab-evaluations.setup.js';

/** The committee's evaluation of units (docs/lab-evaluation.md). */
export async function labEvaluationsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  const tags = ['lab-evaluations'];

  app.get(
    '/api/platforms/:platformId/lab-evaluations',
    {
      schema: {
        tags,
        summary: "A platform's evaluation rounds of its units (roles on the platform and committee members)",
        params: platformParams,
        response: { 200: roundList, ...problemResponses },
      },
    },
    async (request) => listRounds(ctxOf(request), request.params.platformId),
  );

  app.post(
    '/api/platforms/:platformId/lab-evaluations',
    {
      schema: {
        tags,
        summary:
          'Open a round for a period: portfolios frozen, members assigned, conflicts recorded (admins)',
        params: platformParams,
        body: openRoundBody,
        response: { 201: roundDetail, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await openRound(ctxOf(request), request.params.platformId, request.body)),
  );

  app.get(
    '/api/lab-evaluations/:roundId',
    {
      schema: {
        tags,
        summary: 'A round: units and portfolios; completeness and conflicts for the admins',
        params: roundParams,
        response: { 200: roundDetail, ...problemResponses },
      },
    },
    async (request) => getRound(ctxOf(request), request.params.roundId),
  );

  app.post(
    '/api/lab-evaluations/:roundId/assignments',
    {
      schema: {
        tags,
        summary: 'Assign a serving member to a unit; never their own unit (admins)',
        params: roundParams,
        body: assignBody,
        response: { 200: roundDetail, ...problemResponses },
      },
    },
    async (request) => assignMember(ctxOf(request), request.params.roundId, request.body),
  );

  app.patch(
    '/api/lab-evaluations/:roundId',
    {
      schema: {
        tags,
        summary: 'Change the criteria and/or the chair of a round until scoring starts (admins); 409 after',
        params: roundParams,
        body: editRoundBody,
        response: { 200: roundDetail, ...problemResponses },
      },
    },
    async (request) => editRound(ctxOf(request), request.params.roundId, request.body),
  );

  app.delete(
    '/api/lab-evaluations/:roundId/members/:memberId',
    {
      schema: {
        tags,
        summary: 'Take a member off a round until scoring starts (admins); 409 after',
        params: roundMemberParams,
        response: { 200: roundDetail, ...problemResponses },
      },
    },
    async (request) => removeMember(ctxOf(request), request.params.roundId, request.params.memberId),
  );

  app.post(
    '/api/lab-evaluations/:roundId/adopt',
    {
      schema: {
        tags,
        summary: "Adopt the committee's report and freeze the round (the chair)",
        params: roundParams,
        body: adoptBody,
        response: { 200: roundDetail, ...problemResponses },
      },
    },
    async (request) => adoptReport(ctxOf(request), request.params.roundId, request.body),
  );

  app.get(
    '/api/my-lab-evaluations',
    {
      schema: {
        tags,
        summary: "The signed-in committee member's scorecards",
        response: { 200: myScorecardsView, ...problemResponses },
      },
    },
    async (request) => myScorecards(ctxOf(request)),
  );

  app.get(
    '/api/lab-evaluation-scorecards/:scorecardId',
    {
      schema: {
        tags,
        summary: "A member's own scorecard with the unit's portfolio",
        params: scorecardParams,
        response: { 200: scorecardView, ...problemResponses },
      },
    },
    async (request) => getScorecard(ctxOf(request), request.params.scorecardId),
  );

  app.put(
    '/api/lab-evaluation-scorecards/:scorecardId',
    {
      schema: {
        tags,
        summary: 'Save the draft scorecard',
        params: scorecardParams,
        body: scorecardBody,
        response: { 200: scorecardView, ...problemResponses },
      },
    },
    async (request) => saveScorecard(ctxOf(request), request.params.scorecardId, request.body, false),
  );

  app.post(
    '/api/lab-evaluation-scorecards/:scorecardId/submit',
    {
      schema: {
        tags,
        summary: 'Submit the scorecard: every criterion on the scale with a comment; frozen',
        params: scorecardParams,
        body: scorecardBody,
        response: { 200: scorecardView, ...problemResponses },
      },
    },
    async (request) => saveScorecard(ctxOf(request), request.params.scorecardId, request.body, true),
  );

  app.get(
    '/api/units/:unitId/lab-evaluations',
    {
      schema: {
        tags,
        summary: "A unit's adopted evaluation results over the periods, with the portfolio behind each",
        params: unitParams,
        response: { 200: unitHistoryView, ...problemResponses },
      },
    },
    async (request) => unitHistory(ctxOf(request), request.params.unitId),
  );
}
