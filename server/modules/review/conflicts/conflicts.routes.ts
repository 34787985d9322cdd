import type { FastifyInstance } from 'fastify';

export async function conflictsRoutes(_root: FastifyInstance) {}
