import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import { linkOutput, listOutputs, outputChoices, unlinkOutput } from './projects.outputs.js';
import {
  outputChoicesQuery,
  outputChoices as outputChoicesView,
  outputLinkBody,
  outputLinkParams,
  outputLinkView,
  projectOutputs,
} from './projects.outputs.schema.js';
import { projectIdParams } from './projects.schema.js';

/**
 * Routes of the outputs linked to a project, added to the projects plugin by projectsRoutes (after its
 * sign-in hook), so the module still registers one plugin.
 */
export function projectOutputsRoutes(app: FastifyInstance) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];

  typed.get(
    '/api/projects/:id/outputs',
    {
      schema: {
        tags,
        summary:
          'Outputs linked to a project (results, disclosures, filings, licences, service requests) with counts by type and the indicators they measure (anyone who may read the project)',
        params: projectIdParams,
        response: { 200: projectOutputs, ...problemResponses },
      },
    },
    async (request) => listOutputs(ctxOf(request), request.params.id),
  );

  typed.get(
    '/api/projects/:id/output-choices',
    {
      schema: {
        tags,
        summary:
          "Licences or service requests the caller could link to the project, searched (q: part of a licence's reference or title; every word in a request's service name or description) and paged by their owners; only those the caller may change; 403 without the project's side of a link",
        params: projectIdParams,
        querystring: outputChoicesQuery,
        response: { 200: outputChoicesView, ...problemResponses },
      },
    },
    async (request) => outputChoices(ctxOf(request), request.params.id, request.query),
  );

  typed.post(
    '/api/projects/:id/outputs',
    {
      schema: {
        tags,
        summary:
          "Link an output to the project: the project's managers or lead side, who may also change the output (its owner's rules); 409 when already linked",
        params: projectIdParams,
        body: outputLinkBody,
        response: { 201: outputLinkView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await linkOutput(ctxOf(request), request.params.id, request.body)),
  );

  typed.delete(
    '/api/projects/:id/outputs/:linkId',
    {
      schema: {
        tags,
        summary: "Unlink an output (the project's managers or lead side); the output itself is untouched",
        params: outputLinkParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await unlinkOutput(ctxOf(request), request.params.id, request.params.linkId);
      return reply.code(204).send(null);
    },
  );
}
