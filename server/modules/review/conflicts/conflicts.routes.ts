import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, requireSignIn } from '../../../http/auth.js';
import { problemResponses } from '../../../http/openapi.js';
import { addAvoidRequest, listAvoidRequests, removeAvoidRequest } from './conflicts.avoid.js';
import { explainPair } from './conflicts.explain.js';
import {
  applicationParams,
  avoidRequestList,
  avoidRequestParams,
  avoidRequestView,
  callConflictsView,
  callParams,
  createAvoidRequestBody,
  createRuleSetBody,
  explainQuery,
  explainView,
  ruleSetList,
  ruleSetListQuery,
  ruleSetParams,
  ruleSetView,
} from './conflicts.schema.js';
import { listCallConflicts, refreshConflicts } from './conflicts.service.js';
import { createRuleSetVersion, getRuleSet, listRuleSets } from './conflicts.versions.js';

const OFFICERS = "(the call's platform admins and program officers)";
const STAFF = '(system admins, platform admins and program officers)';

export async function conflictsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  const tags = ['review'];

  app.get(
    '/api/calls/:callId/conflicts',
    {
      schema: {
        tags,
        summary: `Excluded (expert, application) pairs of a call with rule and evidence, counts per rule ${OFFICERS}`,
        params: callParams,
        response: { 200: callConflictsView, ...problemResponses },
      },
    },
    async (request) => listCallConflicts(ctxOf(request), request.params.callId),
  );

  app.post(
    '/api/calls/:callId/conflicts/refresh',
    {
      schema: {
        tags,
        summary: `Recompute the call's excluded pairs under its rule set now ${OFFICERS}`,
        params: callParams,
        response: { 200: callConflictsView, ...problemResponses },
      },
    },
    async (request) => refreshConflicts(ctxOf(request), request.params.callId),
  );

  app.get(
    '/api/calls/:callId/conflicts/explain',
    {
      schema: {
        tags,
        summary: `Why one expert is or is not excluded from one application: every rule, matched or not ${OFFICERS}`,
        params: callParams,
        querystring: explainQuery,
        response: { 200: explainView, ...problemResponses },
      },
    },
    async (request) => {
      const q = request.query;
      return explainPair(ctxOf(request), request.params.callId, q.expertId, q.applicationId);
    },
  );

  app.get(
    '/api/conflict-rule-sets',
    {
      schema: {
        tags,
        summary: `Conflict rule sets: deployment-wide presets and the platforms' own, every version ${STAFF}`,
        querystring: ruleSetListQuery,
        response: { 200: ruleSetList, ...problemResponses },
      },
    },
    async (request) => listRuleSets(ctxOf(request), request.query),
  );

  app.get(
    '/api/conflict-rule-sets/:ruleSetId',
    {
      schema: {
        tags,
        summary: `One conflict rule set version ${STAFF}`,
        params: ruleSetParams,
        response: { 200: ruleSetView, ...problemResponses },
      },
    },
    async (request) => getRuleSet(ctxOf(request), request.params.ruleSetId),
  );

  app.post(
    '/api/conflict-rule-sets',
    {
      schema: {
        tags,
        summary:
          'A new version of a rule set code (version + 1; older versions stay for the calls that chose them) ' +
          "(the platform's admins and program officers; presets: system admins)",
        body: createRuleSetBody,
        response: { 201: ruleSetView, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await createRuleSetVersion(ctxOf(request), request.body)),
  );

  app.get(
    '/api/applications/:applicationId/avoid-requests',
    {
      schema: {
        tags,
        summary: 'Experts the applicant asks to avoid, as written (whoever may read the application)',
        params: applicationParams,
        response: { 200: avoidRequestList, ...problemResponses },
      },
    },
    async (request) => listAvoidRequests(ctxOf(request), request.params.applicationId),
  );

  app.post(
    '/api/applications/:applicationId/avoid-requests',
    {
      schema: {
        tags,
        summary: 'Name an expert to avoid, at most 3 (the owner, while a draft or returned)',
        params: applicationParams,
        body: createAvoidRequestBody,
        response: { 201: avoidRequestView, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { applicationId } = request.params;
      return reply.code(201).send(await addAvoidRequest(ctxOf(request), applicationId, request.body));
    },
  );

  app.delete(
    '/api/applications/:applicationId/avoid-requests/:requestId',
    {
      schema: {
        tags,
        summary: 'Remove a name from the avoid list (the owner, while a draft or returned)',
        params: avoidRequestParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await removeAvoidRequest(ctxOf(request), request.params.applicationId, request.params.requestId);
      return reply.code(204).send(null);
    },
  );
}
