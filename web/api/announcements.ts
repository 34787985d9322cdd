// A platform's 通知公告 (issue 12). Shapes are the server's zod schemas (type-only).
import type { z } from 'zod';
import type {
  AnnouncementInput,
  AnnouncementPatch,
  announcementList,
  announcementView,
} from '../../server/modules/announcements/announcements.schema.js';
import { request } from './client.js';

export type AnnouncementView = z.infer<typeof announcementView>;
export type AnnouncementList = z.infer<typeof announcementList>;

const enc = encodeURIComponent;
const at = (id: string, rest = '') => `/api/announcements/${enc(id)}${rest}`;

export const announcementsApi = {
  /** Published announcements, newest first (no sign-in). */
  published: (q: { platformId?: string; page?: number; pageSize?: number }) =>
    request<AnnouncementList>('GET', '/api/announcements', { query: q }),
  one: (id: string) => request<AnnouncementView>('GET', at(id)),
  /** The attached file's address, for a plain link. */
  fileUrl: (id: string) => at(id, '/attachment'),
  ofPlatform: (platformId: string, q: { page?: number; pageSize?: number }) =>
    request<AnnouncementList>('GET', `/api/platforms/${enc(platformId)}/announcements`, { query: q }),
  create: (platformId: string, body: AnnouncementInput) =>
    request<AnnouncementView>('POST', `/api/platforms/${enc(platformId)}/announcements`, { body }),
  update: (id: string, body: AnnouncementPatch) => request<AnnouncementView>('PATCH', at(id), { body }),
  move: (id: string, to: 'published' | 'withdrawn') =>
    request<AnnouncementView>('POST', at(id, '/state'), { body: { to } }),
  attach: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request<AnnouncementView>('PUT', at(id, '/attachment'), { form });
  },
  detach: (id: string) => request<AnnouncementView>('DELETE', at(id, '/attachment')),
};
