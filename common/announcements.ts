/**
 * A platform's 通知公告 (announcements, issue 12): the states and the moves its keepers may make, shared
 * by the server (which enforces them) and the web (which offers only these). A withdrawn announcement
 * leaves the public lists for good; a new one is written instead.
 */
export const ANNOUNCEMENT_STATES = ['draft', 'published', 'withdrawn'] as const;
export type AnnouncementState = (typeof ANNOUNCEMENT_STATES)[number];
export const ANNOUNCEMENT_MOVES: Record<AnnouncementState, readonly AnnouncementState[]> = {
  draft: ['published'],
  published: ['withdrawn'],
  withdrawn: [],
};
/** The kinds of file an announcement may carry (the attachment types of common/calls.ts), at most this size. */
export const ANNOUNCEMENT_FILE_TYPES = ['pdf', 'docx', 'xlsx', 'image'] as const;
export const ANNOUNCEMENT_FILE_MAX_BYTES = 10 * 1024 * 1024;
