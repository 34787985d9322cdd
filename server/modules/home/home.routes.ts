import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, requireSignIn } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import { homeSummary } from './home.service.js';

const summary = z.object({
  platforms: z.number().int(),
  myRoles: z.number().int(),
  myPlatforms: z.number().int(),
  users: z.number().int().nullable(),
  activeSessions: z.number().int().nullable(),
  auditEntries: z.number().int().nullable(),
});

export async function homeRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  app.get(
    '/api/home/summary',
    {
      schema: {
        tags: ['home'],
        summary: 'Live counts for the home page, within what I may see',
        response: { 200: summary, ...problemResponses },
      },
    },
    async (request) => homeSummary(ctxOf(request)),
  );
}
