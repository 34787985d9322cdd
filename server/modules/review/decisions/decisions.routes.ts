import type { FastifyInstance } from 'fastify';

export async function decisionsRoutes(_root: FastifyInstance) {}
