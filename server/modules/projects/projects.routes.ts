import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, requireActor } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import {
  platformProjectsParams,
  projectIdParams,
  projectList,
  projectsQuery,
  projectView,
  registerProjectBody,
} from './projects.schema.js';
import { getProject, listProjects, registerIntramuralProject } from './projects.service.js';

export async function projectsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];

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
    async (request) => {
      requireActor(request);
      return listProjects(ctxOf(request), request.params.platformId, request.query);
    },
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
    async (request, reply) => {
      requireActor(request);
      return reply
        .code(201)
        .send(await registerIntramuralProject(ctxOf(request), request.params.platformId, request.body));
    },
  );

  app.get(
    '/api/projects/:id',
    {
      schema: {
        tags,
        summary: 'One project (anyone with a role on its platform)',
        params: projectIdParams,
        response: { 200: projectView, ...problemResponses },
      },
    },
    async (request) => {
      requireActor(request);
      return getProject(ctxOf(request), request.params.id);
    },
  );
}
