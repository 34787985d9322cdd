import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { latestMigration } from '../../db/migrate.js';
import { databaseReachable, lastAppliedMigration } from './system.repository.js';

const status = z.object({
  status: z.enum(['ok', 'unavailable']),
  checks: z.record(z.string(), z.string()).optional(),
});

export async function healthRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/healthz',
    { schema: { tags: ['operations'], summary: 'Liveness', response: { 200: status } }, logLevel: 'warn' },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        summary: 'Readiness: database reachable and migrated',
        response: { 200: status, 503: status },
      },
      logLevel: 'warn',
    },
    async (_request, reply) => {
      const { db } = root.deps.database;
      if (!(await databaseReachable(db))) {
        return reply.code(503).send({ status: 'unavailable', checks: { database: 'unreachable' } });
      }
      const migrated = (await lastAppliedMigration(db)) === latestMigration;
      if (!migrated)
        return reply.code(503).send({ status: 'unavailable', checks: { migrations: 'pending' } });
      return { status: 'ok' as const, checks: { database: 'ok', migrations: latestMigration } };
    },
  );
}
