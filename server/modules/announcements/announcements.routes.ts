import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ANNOUNCEMENT_FILE_MAX_BYTES } from '../../../common/announcements.js';
import { download, sendFile } from '../../files/download.js';
import { attachmentUpload, readAttachmentUpload } from '../../files/upload.js';
import { ctxOf, requireSignIn } from '../../http/auth.js';
import { problemResponses } from '../../http/openapi.js';
import {
  announcementBody,
  announcementIdParams,
  announcementList,
  announcementPatch,
  announcementStateBody,
  announcementView,
  platformAnnouncementsQuery,
  platformParams,
  publicAnnouncementsQuery,
} from './announcements.schema.js';
import {
  announcementFile,
  checkAttachmentUpload,
  createAnnouncement,
  getAnnouncement,
  listPlatformAnnouncements,
  listPublicAnnouncements,
  removeAnnouncementAttachment,
  setAnnouncementAttachment,
  setAnnouncementState,
  updateAnnouncement,
} from './announcements.service.js';

/** A platform's 通知公告 (issue 12; docs/calls-and-notifications.md "Announcements"). */
export async function announcementsRoutes(root: FastifyInstance) {
  await root.register(multipart, { limits: { fileSize: ANNOUNCEMENT_FILE_MAX_BYTES, files: 1 } });
  const app = root.withTypeProvider<ZodTypeProvider>();
  requireSignIn(app);
  const tags = ['announcements'];
  const pub = { public: true };
  const one = { 200: announcementView, ...problemResponses };

  app.get(
    '/api/announcements',
    {
      config: pub,
      schema: {
        tags,
        summary: 'Published announcements, newest first, of one platform or all (no sign-in)',
        querystring: publicAnnouncementsQuery,
        response: { 200: announcementList, ...problemResponses },
      },
    },
    async (request) => listPublicAnnouncements(ctxOf(request), request.query),
  );
  app.get(
    '/api/announcements/:id',
    {
      config: pub,
      schema: {
        tags,
        summary: 'One announcement: published for anyone, others for the platform admins',
        params: announcementIdParams,
        response: one,
      },
    },
    async (request) => getAnnouncement(ctxOf(request), request.params.id),
  );
  app.get(
    '/api/announcements/:id/attachment',
    {
      config: pub,
      schema: {
        tags,
        summary: "The announcement's attached file, as visible as the announcement",
        params: announcementIdParams,
        response: { 200: download('application/octet-stream', 'The file as uploaded'), ...problemResponses },
      },
    },
    async (request, reply) => sendFile(reply, await announcementFile(ctxOf(request), request.params.id)),
  );
  app.get(
    '/api/platforms/:platformId/announcements',
    {
      schema: {
        tags,
        summary: "A platform's announcements in every state (its platform admins)",
        params: platformParams,
        querystring: platformAnnouncementsQuery,
        response: { 200: announcementList, ...problemResponses },
      },
    },
    async (request) => listPlatformAnnouncements(ctxOf(request), request.params.platformId, request.query),
  );
  app.post(
    '/api/platforms/:platformId/announcements',
    {
      schema: {
        tags,
        summary: 'Write an announcement, as a draft (the platform admins)',
        params: platformParams,
        body: announcementBody,
        response: { 201: announcementView, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createAnnouncement(ctxOf(request), request.params.platformId, request.body)),
  );
  app.patch(
    '/api/announcements/:id',
    {
      schema: {
        tags,
        summary: 'Edit a draft announcement',
        params: announcementIdParams,
        body: announcementPatch,
        response: one,
      },
    },
    async (request) => updateAnnouncement(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/announcements/:id/state',
    {
      schema: {
        tags,
        summary: 'Publish a draft or withdraw a published announcement',
        params: announcementIdParams,
        body: announcementStateBody,
        response: one,
      },
    },
    async (request) => setAnnouncementState(ctxOf(request), request.params.id, request.body.to),
  );
  app.put(
    '/api/announcements/:id/attachment',
    {
      config: attachmentUpload,
      schema: {
        tags,
        summary:
          'Attach a file to a draft (multipart/form-data; PDF, DOCX, XLSX, PNG or JPEG; type checked by content)',
        params: announcementIdParams,
        response: one,
      },
    },
    async (request) => {
      await checkAttachmentUpload(ctxOf(request), request.params.id);
      const file = await readAttachmentUpload(request, ANNOUNCEMENT_FILE_MAX_BYTES);
      return setAnnouncementAttachment(ctxOf(request), request.params.id, file);
    },
  );
  app.delete(
    '/api/announcements/:id/attachment',
    { schema: { tags, summary: 'Take the file off a draft', params: announcementIdParams, response: one } },
    async (request) => removeAnnouncementAttachment(ctxOf(request), request.params.id),
  );
}
