import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_ATTACHMENT_BYTES } from '../../../common/calls.js';
import { download, sendFile } from '../../files/download.js';
import { attachmentUpload, readAttachmentUpload } from '../../files/upload.js';
import { ctxOf, requireSignIn } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import {
  attachmentSpec,
  deleteAttachment,
  downloadAttachment,
  uploadAttachment,
} from './applications.attachments.js';
import {
  inviteMember,
  myInvitations,
  publicInvitation,
  respondByToken,
  respondInvitation,
} from './applications.invitations.js';
import { writeProblems } from './applications.routes.js';
import {
  applicationIdParams,
  attachmentIdParams,
  attachmentKeyQuery,
  attachmentView,
  invitationIdParams,
  invitationTokenParams,
  invitationView,
  inviteBody,
  publicInvitationView,
  respondBody,
} from './applications.schema.js';

/** Attachments of applications and the members' confirmations (issue 4). */
export async function applicationMembersRoutes(root: FastifyInstance) {
  // Multipart is parsed only on these routes; each attachment's own limit is applied when reading.
  await root.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } });
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  const tags = ['applications'];

  app.post(
    '/api/applications/:id/attachments',
    {
      config: attachmentUpload,
      schema: {
        tags,
        summary:
          "Upload the file for one of the call's attachments as multipart/form-data (owner); the type is checked by content",
        params: applicationIdParams,
        querystring: attachmentKeyQuery,
        response: { 201: attachmentView, ...writeProblems },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const spec = await attachmentSpec(ctx, request.params.id, request.query.key);
      const file = await readAttachmentUpload(request, spec.maxBytes);
      return reply.code(201).send(await uploadAttachment(ctx, request.params.id, request.query.key, file));
    },
  );

  app.delete(
    '/api/applications/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Remove the file of one attachment from the draft (owner)',
        params: applicationIdParams,
        querystring: attachmentKeyQuery,
        response: { 204: z.null(), ...writeProblems },
      },
    },
    async (request, reply) => {
      await deleteAttachment(ctxOf(request), request.params.id, request.query.key);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/applications/:id/files/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Download an attachment of any version (whoever may read the application)',
        params: attachmentIdParams,
        response: { 200: download('application/octet-stream', 'The file as uploaded'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const f = await downloadAttachment(ctxOf(request), request.params.id, request.params.attachmentId);
      return sendFile(reply, f);
    },
  );

  app.post(
    '/api/applications/:id/invitations',
    {
      schema: {
        tags,
        summary:
          "Invite a member's contact to confirm the member's part (owner): in the app when they have an account, else by an e-mailed one-time link",
        params: applicationIdParams,
        body: inviteBody,
        response: { 201: invitationView, ...writeProblems },
      },
    },
    async (request, reply) => {
      const { view } = await inviteMember(ctxOf(request), request.params.id, request.body.organisationId);
      return reply.code(201).send(view);
    },
  );

  app.get(
    '/api/invitations',
    {
      schema: {
        tags,
        summary: 'Invitations to confirm a consortium part addressed to the caller',
        response: { 200: z.object({ items: z.array(invitationView) }), ...problemResponses },
      },
    },
    async (request) => ({ items: await myInvitations(ctxOf(request)) }),
  );

  app.post(
    '/api/invitations/:invitationId/respond',
    {
      schema: {
        tags,
        summary: 'Confirm or decline an invitation addressed to the caller',
        params: invitationIdParams,
        body: respondBody,
        response: { 200: invitationView, ...writeProblems },
      },
    },
    async (request) => {
      const b = request.body;
      return respondInvitation(ctxOf(request), request.params.invitationId, b.accept, b.note);
    },
  );

  app.get(
    '/api/public/invitations/:token',
    {
      config: { public: true },
      schema: {
        tags: ['public-portal'],
        summary: 'What a one-time invitation link asks the member to confirm (no sign-in)',
        params: invitationTokenParams,
        response: { 200: publicInvitationView, ...problemResponses },
      },
    },
    async (request) => publicInvitation(ctxOf(request), request.params.token),
  );

  app.post(
    '/api/public/invitations/:token',
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['public-portal'],
        summary: 'Confirm or decline through a one-time invitation link (no sign-in; works once)',
        params: invitationTokenParams,
        body: respondBody,
        response: { 200: publicInvitationView, ...writeProblems },
      },
    },
    async (request) => {
      const b = request.body;
      return respondByToken(ctxOf(request), request.params.token, b.accept, b.note);
    },
  );
}
