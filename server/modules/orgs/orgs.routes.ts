import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, requireSignIn } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import { listDuplicates } from './orgs.duplicates.js';
import { mergeOrg } from './orgs.merge.js';
import {
  createOrgBody,
  duplicateGroups,
  listOrgsQuery,
  mergeOrgBody,
  mergeResult,
  orgDetail,
  orgIdParams,
  orgList,
  orgView,
  updateOrgBody,
} from './orgs.schema.js';
import { createOrg, getOrg, listOrgs, updateOrg } from './orgs.service.js';

const KEEPERS = 'system admins, and platform admins or program officers of any platform';

export async function orgsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  const tags = ['organisations'];

  app.get(
    '/api/orgs',
    {
      schema: {
        tags,
        summary: 'List and search the organisation registry (signed-in users)',
        description: `Contact fields are returned to ${KEEPERS} only. Merged organisations are hidden unless includeMerged=true.`,
        querystring: listOrgsQuery,
        response: { 200: orgList, ...problemResponses },
      },
    },
    async (request) => listOrgs(ctxOf(request), request.query),
  );

  app.post(
    '/api/orgs',
    {
      schema: {
        tags,
        summary: `Register an organisation (${KEEPERS})`,
        description:
          'The credit code is checked against GB 32100-2015 (400, pointer /creditCode, code credit_code.<reason>); ' +
          'a code already registered is a 409 orgs.duplicate_credit_code with existingId.',
        body: createOrgBody,
        response: { 201: orgView, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await createOrg(ctxOf(request), request.body)),
  );

  app.get(
    '/api/orgs/duplicates',
    {
      schema: {
        tags,
        summary: `Groups of probable duplicates, with the reason for each pair (${KEEPERS})`,
        response: { 200: duplicateGroups, ...problemResponses },
      },
    },
    async (request) => listDuplicates(ctxOf(request)),
  );

  app.get(
    '/api/orgs/:id',
    {
      schema: {
        tags,
        summary: 'One organisation (signed-in users); a merged one names the survivor in mergedInto',
        params: orgIdParams,
        response: { 200: orgDetail, ...problemResponses },
      },
    },
    async (request) => getOrg(ctxOf(request), request.params.id),
  );

  app.patch(
    '/api/orgs/:id',
    {
      schema: {
        tags,
        summary: `Edit an organisation (${KEEPERS}); merged ones are frozen (409 orgs.merged)`,
        params: orgIdParams,
        body: updateOrgBody,
        response: { 200: orgView, ...problemResponses },
      },
    },
    async (request) => updateOrg(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/orgs/:id/merge',
    {
      schema: {
        tags,
        summary: `Merge this organisation into another (${KEEPERS})`,
        description:
          "One transaction: every reference moves to intoId, the survivor's empty fields are filled from this one, " +
          'and this one stays readable with mergedIntoId set. Audited with the reason.',
        params: orgIdParams,
        body: mergeOrgBody,
        response: { 200: mergeResult, ...problemResponses },
      },
    },
    async (request) => mergeOrg(ctxOf(request), request.params.id, request.body),
  );
}
