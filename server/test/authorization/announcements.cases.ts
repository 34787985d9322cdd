import {
  createAnnouncement,
  setAnnouncementAttachment,
  setAnnouncementState,
} from '../../modules/announcements/announcements.service.js';
import { multipart } from '../../modules/imports/imports.fixtures.js';
import { type Expect, type MatrixEnv, type RouteCase, roleless } from './matrix.js';

/**
 * Rows of the platforms' 通知公告 (issue 12). Platform A's admins (and system admins; tokens belong to
 * one) keep A's announcements; published ones are public. A draft or a withdrawn one does not exist for
 * anyone else (404), so neither another platform's admin nor a visitor learns of it.
 */
const PDF = Buffer.from('%PDF-1.4\n% matrix notice\n%%EOF\n');
const text = { titleZh: '关于申报的通知', titleEn: 'Notice', bodyZh: '正文', bodyEn: 'Body' };

/** The keepers act on a draft; everyone else is told it does not exist. */
const keepersOfDraft = (read: boolean): Expect => ({
  anonymous: read ? '404' : '401',
  'token:read': read ? '2xx' : '403',
  'token:write': '2xx',
  system_admin: '2xx',
  'A:platform_admin': '2xx',
  ...roleless('404'),
  others: '404',
});

export function announcementsCases(env: MatrixEnv): RouteCase[] {
  const draft = async (withFile = false) => {
    const a = await createAnnouncement(env.ctx(), env.A(), text);
    if (withFile) await setAnnouncementAttachment(env.ctx(), a.id, { fileName: 'notice.pdf', bytes: PDF });
    return a.id;
  };
  let published: string | undefined;
  const publishedOne = async () => {
    if (published) return published;
    const id = await draft(true);
    await setAnnouncementState(env.ctx(), id, 'published');
    published = id;
    return id;
  };
  const pub = (route: string, url: () => Promise<string> | string, label?: string): RouteCase => ({
    route,
    ...(label ? { label } : {}),
    expect: { others: '2xx' },
    cell: async () => ({ url: await url() }),
  });
  return [
    pub('GET /api/announcements', () => `/api/announcements?platformId=${env.A()}`),
    pub('GET /api/announcements/:id', async () => `/api/announcements/${await publishedOne()}`, 'published'),
    {
      route: 'GET /api/announcements/:id',
      label: 'a draft: its keepers only',
      expect: keepersOfDraft(true),
      cell: async () => ({ url: `/api/announcements/${await draft()}` }),
    },
    pub(
      'GET /api/announcements/:id/attachment',
      async () => `/api/announcements/${await publishedOne()}/attachment`,
      'of a published one',
    ),
    {
      route: 'GET /api/announcements/:id/attachment',
      label: "a draft's file: its keepers only",
      expect: keepersOfDraft(true),
      cell: async () => ({ url: `/api/announcements/${await draft(true)}/attachment` }),
    },
    {
      route: 'GET /api/platforms/:platformId/announcements',
      label: 'every state, drafts included',
      expect: {
        anonymous: '401',
        'token:read': '2xx',
        'token:write': '2xx',
        system_admin: '2xx',
        'A:platform_admin': '2xx',
        others: '403',
      },
      cell: () => ({ url: `/api/platforms/${env.A()}/announcements` }),
    },
    {
      route: 'POST /api/platforms/:platformId/announcements',
      expect: {
        anonymous: '401',
        'token:read': '403',
        'token:write': '2xx',
        system_admin: '2xx',
        'A:platform_admin': '2xx',
        others: '403',
      },
      cell: () => ({ url: `/api/platforms/${env.A()}/announcements`, body: text }),
    },
    {
      route: 'PATCH /api/announcements/:id',
      expect: keepersOfDraft(false),
      cell: async () => ({ url: `/api/announcements/${await draft()}`, body: { titleEn: 'Edited' } }),
    },
    {
      route: 'POST /api/announcements/:id/state',
      label: 'publish a draft',
      expect: keepersOfDraft(false),
      cell: async () => ({ url: `/api/announcements/${await draft()}/state`, body: { to: 'published' } }),
    },
    {
      route: 'POST /api/announcements/:id/state',
      label: 'withdraw a published one: seen by all, refused but to its keepers',
      expect: {
        anonymous: '401',
        'token:read': '403',
        'token:write': '2xx',
        system_admin: '2xx',
        'A:platform_admin': '2xx',
        others: '403',
      },
      cell: async () => {
        const id = await draft();
        await setAnnouncementState(env.ctx(), id, 'published');
        return { url: `/api/announcements/${id}/state`, body: { to: 'withdrawn' } };
      },
    },
    {
      route: 'PUT /api/announcements/:id/attachment',
      expect: keepersOfDraft(false),
      cell: async () => {
        const { payload, headers } = multipart(PDF, '通知.pdf');
        return { url: `/api/announcements/${await draft()}/attachment`, body: payload, headers };
      },
    },
    {
      route: 'DELETE /api/announcements/:id/attachment',
      expect: keepersOfDraft(false),
      cell: async () => ({ url: `/api/announcements/${await draft(true)}/attachment` }),
    },
  ];
}
