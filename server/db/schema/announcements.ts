import type { Timestamp } from './columns.js';

// A platform's 通知公告 (issue 12); migration 0055.

/** One announcement: bilingual, draft → published → withdrawn, with an optional stored attachment. */
export interface AnnouncementsTable {
  id: string;
  platform_id: string;
  title_zh: string;
  title_en: string;
  body_zh: string;
  body_en: string;
  /** draft | published | withdrawn (common/announcements.ts) */
  state: string;
  published_at: Timestamp | null;
  withdrawn_at: Timestamp | null;
  /** the stored file (server/files/stored-files.ts) and what the uploader named it */
  attachment_sha256: string | null;
  attachment_name: string | null;
  attachment_media_type: string | null;
  attachment_bytes: number | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AnnouncementsTables {
  announcements: AnnouncementsTable;
}

export const ANNOUNCEMENTS_TABLES = [
  'announcements',
] as const satisfies readonly (keyof AnnouncementsTables)[];
