import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import { platformList } from './platforms.schema.js';
import { listPlatforms } from './platforms.service.js';

export async function platformsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/platforms',
    {
      schema: {
        tags: ['platforms'],
        summary: 'All platforms (public)',
        response: { 200: platformList, ...problemResponses },
      },
    },
    async (request) => ({ items: await listPlatforms(ctxOf(request)) }),
  );
}
