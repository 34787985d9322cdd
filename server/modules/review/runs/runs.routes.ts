import type { FastifyInstance } from 'fastify';

export async function assignmentRunsRoutes(_root: FastifyInstance) {}
