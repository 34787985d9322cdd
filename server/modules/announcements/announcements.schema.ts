import { z } from 'zod';
import { ANNOUNCEMENT_STATES } from '../../../common/announcements.js';

const text = (max: number) => z.string().trim().min(1).max(max);

/** What the keepers write: bilingual title and body. */
export const announcementBody = z.strictObject({
  titleZh: text(200),
  titleEn: text(200),
  bodyZh: text(20_000),
  bodyEn: text(20_000),
});
export type AnnouncementInput = z.infer<typeof announcementBody>;
export const announcementPatch = announcementBody.partial();
export type AnnouncementPatch = z.infer<typeof announcementPatch>;

export const announcementStateBody = z.strictObject({ to: z.enum(['published', 'withdrawn']) });

export const announcementIdParams = z.strictObject({ id: z.uuid() });
export const platformParams = z.strictObject({ platformId: z.uuid() });

const paging = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
};
/** The public list: published announcements, newest first, of one platform or all. */
export const publicAnnouncementsQuery = z.strictObject({ platformId: z.uuid().optional(), ...paging });
export type PublicAnnouncementsQuery = z.infer<typeof publicAnnouncementsQuery>;
/** A platform's keepers see every state, or one. */
export const platformAnnouncementsQuery = z.strictObject({
  state: z.enum(ANNOUNCEMENT_STATES).optional(),
  ...paging,
});
export type PlatformAnnouncementsQuery = z.infer<typeof platformAnnouncementsQuery>;

export const announcementView = z.object({
  id: z.uuid(),
  platform: z.object({ id: z.uuid(), code: z.string(), nameZh: z.string(), nameEn: z.string() }),
  titleZh: z.string(),
  titleEn: z.string(),
  bodyZh: z.string(),
  bodyEn: z.string(),
  state: z.enum(ANNOUNCEMENT_STATES),
  publishedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  attachment: z
    .object({ fileName: z.string(), mediaType: z.string(), sizeBytes: z.number().int() })
    .nullable(),
  updatedAt: z.string(),
  /** What the caller may do (false for everyone but the platform's keepers). */
  access: z.object({ canEdit: z.boolean(), canPublish: z.boolean(), canWithdraw: z.boolean() }),
});
export type AnnouncementView = z.infer<typeof announcementView>;

export const announcementList = z.object({
  items: z.array(announcementView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AnnouncementList = z.infer<typeof announcementList>;
