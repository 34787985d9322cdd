import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../../http/context.js';
import { platformSummaries } from '../platforms/platforms.lookup.js';
import { keepsAnnouncements } from './announcements.policy.js';
import type { Announcement } from './announcements.repository.js';
import type { AnnouncementView } from './announcements.schema.js';

/** Announcements as answered, with their platform's names and what the caller may do. */
export async function announcementViews(
  db: Kysely<DB>,
  actor: Actor,
  rows: Announcement[],
): Promise<AnnouncementView[]> {
  const platforms = await platformSummaries(db, [...new Set(rows.map((a) => a.platformId))]);
  return rows.map((a) => {
    const keeps = keepsAnnouncements(actor, a.platformId);
    return {
      id: a.id,
      platform: platforms.get(a.platformId)!,
      titleZh: a.titleZh,
      titleEn: a.titleEn,
      bodyZh: a.bodyZh,
      bodyEn: a.bodyEn,
      state: a.state,
      publishedAt: a.publishedAt,
      withdrawnAt: a.withdrawnAt,
      attachment:
        a.attachmentSha256 && a.attachmentName && a.attachmentMediaType
          ? {
              fileName: a.attachmentName,
              mediaType: a.attachmentMediaType,
              sizeBytes: a.attachmentBytes ?? 0,
            }
          : null,
      updatedAt: a.updatedAt,
      access: {
        canEdit: keeps && a.state === 'draft',
        canPublish: keeps && a.state === 'draft',
        canWithdraw: keeps && a.state === 'published',
      },
    };
  });
}
