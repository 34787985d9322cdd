import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, requireSignIn } from '../../../http/auth.js';
import { problemResponses } from '../../../http/openapi.js';
import {
  createExpertBody,
  expertIdParams,
  expertList,
  expertView,
  listExpertsQuery,
  ownProfileBody,
  profileBody,
} from './experts.schema.js';
import {
  createExpert,
  getExpert,
  getOwnProfile,
  listExperts,
  updateExpert,
  updateOwnProfile,
} from './experts.service.js';

/** The expert database 专家库 (issue 5). Export and import go through /api/exports/experts and /api/imports/experts. */
export async function expertsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  const tags = ['experts'];

  app.get(
    '/api/experts',
    {
      schema: {
        tags,
        summary:
          'The expert database with filters and counts (system admins, platform admins and program officers)',
        querystring: listExpertsQuery,
        response: { 200: expertList, ...problemResponses },
      },
    },
    async (request) => listExperts(ctxOf(request), request.query),
  );

  app.post(
    '/api/experts',
    {
      schema: {
        tags,
        summary: 'Add an expert: an existing person, or a new one created with the profile (curators)',
        body: createExpertBody,
        response: { 201: expertView, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await createExpert(ctxOf(request), request.body)),
  );

  app.get(
    '/api/experts/me',
    {
      schema: {
        tags,
        summary: "The signed-in user's own expert profile (404 experts.no_profile when there is none)",
        response: { 200: expertView, ...problemResponses },
      },
    },
    async (request) => getOwnProfile(ctxOf(request)),
  );

  app.put(
    '/api/experts/me',
    {
      schema: {
        tags,
        summary:
          'Update your own expert profile: fields, expertise, outputs, declared conflicts, availability, load limit',
        body: ownProfileBody,
        response: { 200: expertView, ...problemResponses },
      },
    },
    async (request) => updateOwnProfile(ctxOf(request), request.body),
  );

  app.get(
    '/api/experts/:expertId',
    {
      schema: {
        tags,
        summary: 'One expert with outputs, collaborators, declared conflicts and availability (curators)',
        params: expertIdParams,
        response: { 200: expertView, ...problemResponses },
      },
    },
    async (request) => getExpert(ctxOf(request), request.params.expertId),
  );

  app.put(
    '/api/experts/:expertId',
    {
      schema: {
        tags,
        summary: "Replace an expert's whole profile, sub-lists included, in one transaction (curators)",
        params: expertIdParams,
        body: profileBody,
        response: { 200: expertView, ...problemResponses },
      },
    },
    async (request) => updateExpert(ctxOf(request), request.params.expertId, request.body),
  );
}
