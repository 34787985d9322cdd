import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendAnswer } from '../../http/answer-cache.js';
import { ctxOf, requireSignIn } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import { userBatchRoutes } from './users.batch.js';
import { userExportRoutes } from './users.export.js';
import { listUsersAnswer, userListAnswers } from './users.list.js';
import {
  adminKindBody,
  createUserBody,
  listUsersQuery,
  resetPasswordBody,
  setRolesBody,
  updateUserBody,
  userIdParams,
  userList,
  userView,
} from './users.schema.js';
import { grantAdminKind, revokeAdminKind, unlockUser } from './users.security.service.js';
import { createUser, resetPassword, setRoles, updateUser, viewUser } from './users.service.js';

export async function usersRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  const tags = ['users'];
  userExportRoutes(root);
  userBatchRoutes(root);

  app.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Accounts I may manage',
        querystring: listUsersQuery,
        response: { 200: userList, ...problemResponses },
      },
    },
    async (request, reply) =>
      sendAnswer(reply, userListAnswers, listUsersAnswer(ctxOf(request), request.query)),
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Create an account (system admin)',
        body: createUserBody,
        response: { 201: userView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createUser(ctxOf(request), { ...request.body, passwordChangeRequired: true })),
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Edit or disable an account (system admin)',
        params: userIdParams,
        body: updateUserBody,
        response: { 200: userView, ...problemResponses },
      },
    },
    async (request) => updateUser(ctxOf(request), request.params.id, request.body),
  );

  app.put(
    '/api/users/:id/roles',
    {
      schema: {
        tags,
        summary: 'Replace the roles of an account on the platforms I administer',
        params: userIdParams,
        body: setRolesBody,
        response: { 200: userView, ...problemResponses },
      },
    },
    async (request) => setRoles(ctxOf(request), request.params.id, request.body.roles),
  );

  app.post(
    '/api/users/:id/password',
    {
      schema: {
        tags,
        summary: 'Set a new password for an account (system admin)',
        params: userIdParams,
        body: resetPasswordBody,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await resetPassword(ctxOf(request), request.params.id, request.body.password);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/users/:id/admin-kinds',
    {
      schema: {
        tags,
        summary: 'Make an account system, security or audit administrator (security admin; one kind each)',
        params: userIdParams,
        body: adminKindBody,
        response: { 200: userView, ...problemResponses },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      await grantAdminKind(ctx, request.params.id, request.body.adminKind);
      return viewUser(ctx, request.params.id);
    },
  );

  app.post(
    '/api/users/:id/admin-kinds/revoke',
    {
      schema: {
        tags,
        summary: 'Take an administrator kind away (security admin)',
        params: userIdParams,
        body: adminKindBody,
        response: { 200: userView, ...problemResponses },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      await revokeAdminKind(ctx, request.params.id, request.body.adminKind);
      return viewUser(ctx, request.params.id);
    },
  );

  app.post(
    '/api/users/:id/unlock',
    {
      schema: {
        tags,
        summary: 'Lift the sign-in lockout of an account (security admin)',
        params: userIdParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await unlockUser(ctxOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
