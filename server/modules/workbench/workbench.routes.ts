import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf, requireSignIn } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import { workbenchView } from './workbench.schema.js';
import { workbench } from './workbench.service.js';

export async function workbenchRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  app.get(
    '/api/workbench',
    {
      schema: {
        tags: ['home'],
        summary:
          "My to-dos across my roles and platforms, each with the link of its filtered list, and my work's charts",
        response: { 200: workbenchView, ...problemResponses },
      },
    },
    async (request) => workbench(ctxOf(request)),
  );
}
