import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { latestMigration } from '../../db/migrate.js';

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
      try {
        await sql`select 1`.execute(db);
      } catch {
        return reply.code(503).send({ status: 'unavailable', checks: { database: 'unreachable' } });
      }
      // The database answers: no migrations table means it was never migrated, not that it is down.
      const last = await db
        .selectFrom('kysely_migration' as never)
        .select('name' as never)
        .orderBy('name' as never, 'desc')
        .executeTakeFirst()
        .catch(() => undefined);
      const migrated = (last as { name?: string } | undefined)?.name === latestMigration;
      if (!migrated)
        return reply.code(503).send({ status: 'unavailable', checks: { migrations: 'pending' } });
      return { status: 'ok' as const, checks: { database: 'ok', migrations: latestMigration } };
    },
  );
}
