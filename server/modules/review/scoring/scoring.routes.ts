import type { FastifyInstance } from 'fastify';

export async function scoringRoutes(_root: FastifyInstance) {}
