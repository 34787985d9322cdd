import type { FastifyInstance } from 'fastify';

export async function expertsRoutes(_root: FastifyInstance) {}
