import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, requireSignIn } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import {
  createFieldBody,
  fieldIdParams,
  fieldTree,
  fieldView,
  listFieldsQuery,
  updateFieldBody,
} from './fields.schema.js';
import { createField, deleteField, listFields, setFieldRetired, updateField } from './fields.service.js';

export async function fieldsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  const tags = ['fields'];
  const managers = '(system admins and platform admins)';

  app.get(
    '/api/fields',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'The technology-field taxonomy as a two-level tree (public)',
        querystring: listFieldsQuery,
        response: { 200: fieldTree, ...problemResponses },
      },
    },
    async (request) => listFields(ctxOf(request), request.query),
  );

  app.post(
    '/api/fields',
    {
      schema: {
        tags,
        summary: `Add a field or sub-field ${managers}`,
        body: createFieldBody,
        response: { 201: fieldView, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await createField(ctxOf(request), request.body)),
  );

  app.patch(
    '/api/fields/:id',
    {
      schema: {
        tags,
        summary: `Rename, re-code or move a field ${managers}`,
        params: fieldIdParams,
        body: updateFieldBody,
        response: { 200: fieldView, ...problemResponses },
      },
    },
    async (request) => updateField(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/fields/:id/retire',
    {
      schema: {
        tags,
        summary: `Retire a field and its sub-fields ${managers}`,
        params: fieldIdParams,
        response: { 200: fieldView, ...problemResponses },
      },
    },
    async (request) => setFieldRetired(ctxOf(request), request.params.id, true),
  );

  app.post(
    '/api/fields/:id/reactivate',
    {
      schema: {
        tags,
        summary: `Reactivate a retired field ${managers}`,
        params: fieldIdParams,
        response: { 200: fieldView, ...problemResponses },
      },
    },
    async (request) => setFieldRetired(ctxOf(request), request.params.id, false),
  );

  app.delete(
    '/api/fields/:id',
    {
      schema: {
        tags,
        summary: `Delete an unused field ${managers}; a used one answers 409 fields.in_use`,
        params: fieldIdParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await deleteField(ctxOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
