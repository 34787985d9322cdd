import {
  ANNOUNCEMENT_FILE_MAX_BYTES,
  ANNOUNCEMENT_FILE_TYPES,
  ANNOUNCEMENT_MOVES,
  type AnnouncementState,
} from '../../../common/announcements.js';
import { moveCatalogEntry } from '../../catalog/lifecycle.js';
import { write } from '../../db/write.js';
import { attachmentsDir, readStoredFile, sha256Of, storeFile } from '../../files/stored-files.js';
import { checkAttachment, type UploadedFile } from '../../files/upload.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { platformOrNotFound } from '../platforms/platforms.service.js';
import { keepsAnnouncements } from './announcements.policy.js';
import {
  type Announcement,
  announcementPage,
  findAnnouncement,
  insertAnnouncement,
  saveAnnouncement,
} from './announcements.repository.js';
import type {
  AnnouncementInput,
  AnnouncementList,
  AnnouncementPatch,
  AnnouncementView,
  PlatformAnnouncementsQuery,
  PublicAnnouncementsQuery,
} from './announcements.schema.js';
import { announcementViews } from './announcements.views.js';

type Reader = Pick<Ctx, 'db' | 'actor'>;
const one = async (ctx: Reader, a: Announcement) => (await announcementViews(ctx.db, ctx.actor, [a]))[0]!;

/** The announcement for its keepers, locked when asked; others get 404 (a draft does not leak) or 403. */
async function kept(db: Ctx['db'], ctx: Ctx, id: string, lock: boolean): Promise<Announcement> {
  const a = await findAnnouncement(db, lock ? ctx.seam : null, id);
  if (!a) throw notFound('announcements.not_found');
  if (!keepsAnnouncements(ctx.actor, a.platformId))
    throw a.state === 'published' ? forbidden() : notFound('announcements.not_found');
  return a;
}

const notEditable = (a: Announcement) =>
  new AppError(409, 'announcements.not_editable', { currentState: a.state, params: { state: a.state } });

/** A platform admin writes an announcement, as a draft. */
export async function createAnnouncement(
  ctx: Ctx,
  platformId: string,
  input: AnnouncementInput,
): Promise<AnnouncementView> {
  await platformOrNotFound(ctx.db, platformId);
  if (!keepsAnnouncements(ctx.actor, platformId)) throw forbidden();
  const created = await write(ctx, async (trx, audit) => {
    const now = isoNow(ctx.clock);
    const a: Announcement = {
      ...input,
      id: newId(),
      platformId,
      state: 'draft',
      publishedAt: null,
      withdrawnAt: null,
      attachmentSha256: null,
      attachmentName: null,
      attachmentMediaType: null,
      attachmentBytes: null,
      createdBy: ctx.actor?.userId || null,
      createdAt: now,
      updatedAt: now,
    };
    await insertAnnouncement(trx, a);
    await audit({
      action: 'announcement.created',
      entityType: 'announcement',
      entityId: a.id,
      platformId,
      after: input,
    });
    return a;
  });
  return one(ctx, created);
}

/** Edits a draft; given parts replace the stored ones. */
export async function updateAnnouncement(ctx: Ctx, id: string, patch: AnnouncementPatch) {
  const saved = await write(ctx, async (trx, audit) => {
    const before = await kept(trx, ctx, id, true);
    if (before.state !== 'draft') throw notEditable(before);
    const after: Announcement = { ...before, ...patch, updatedAt: isoNow(ctx.clock) };
    await saveAnnouncement(trx, after);
    const text = (a: Announcement) => ({
      titleZh: a.titleZh,
      titleEn: a.titleEn,
      bodyZh: a.bodyZh,
      bodyEn: a.bodyEn,
    });
    await audit({
      action: 'announcement.updated',
      entityType: 'announcement',
      entityId: id,
      platformId: before.platformId,
      before: text(before),
      after: text(after),
    });
    return after;
  });
  return one(ctx, saved);
}

/** draft → published (dated now) → withdrawn; any other move is 409 naming the current state. */
export async function setAnnouncementState(ctx: Ctx, id: string, to: AnnouncementState) {
  const saved = await moveCatalogEntry(ctx, to, {
    kind: 'announcement',
    illegal: 'announcements.illegal_state',
    moves: ANNOUNCEMENT_MOVES,
    keep: (trx) => kept(trx, ctx, id, true),
    save: (trx, after) =>
      saveAnnouncement(trx, {
        ...after,
        publishedAt: to === 'published' ? after.updatedAt : after.publishedAt,
        withdrawnAt: to === 'withdrawn' ? after.updatedAt : after.withdrawnAt,
      }),
  });
  return one(ctx, (await findAnnouncement(ctx.db, null, saved.id))!);
}

/** Checks the keeper and the state before the upload is read, so nobody streams a file to a refusal. */
export async function checkAttachmentUpload(ctx: Ctx, id: string): Promise<void> {
  const a = await kept(ctx.db, ctx, id, false);
  if (a.state !== 'draft') throw notEditable(a);
}

/**
 * Attaches a file to a draft, replacing an earlier one. It is checked as an application's attachment
 * is (type from the bytes, a name claiming the same type, size) and kept in the stored files.
 */
export async function setAnnouncementAttachment(
  ctx: Ctx,
  id: string,
  file: UploadedFile,
): Promise<AnnouncementView> {
  const sniffed = checkAttachment(file, {
    maxBytes: ANNOUNCEMENT_FILE_MAX_BYTES,
    types: ANNOUNCEMENT_FILE_TYPES,
  });
  const saved = await write(ctx, async (trx, audit) => {
    const before = await kept(trx, ctx, id, true);
    if (before.state !== 'draft') throw notEditable(before);
    const sha256 = sha256Of(file.bytes);
    storeFile(attachmentsDir(ctx), sha256, file.bytes);
    const after: Announcement = {
      ...before,
      attachmentSha256: sha256,
      attachmentName: file.fileName,
      attachmentMediaType: sniffed.mediaType,
      attachmentBytes: file.bytes.length,
      updatedAt: isoNow(ctx.clock),
    };
    await saveAnnouncement(trx, after);
    await audit({
      action: 'announcement.attachment_set',
      entityType: 'announcement',
      entityId: id,
      platformId: before.platformId,
      before: { fileName: before.attachmentName, sha256: before.attachmentSha256 },
      after: { fileName: file.fileName, sha256, sizeBytes: file.bytes.length },
    });
    return after;
  });
  return one(ctx, saved);
}

/** Takes the attachment off a draft. */
export async function removeAnnouncementAttachment(ctx: Ctx, id: string): Promise<AnnouncementView> {
  const saved = await write(ctx, async (trx, audit) => {
    const before = await kept(trx, ctx, id, true);
    if (before.state !== 'draft') throw notEditable(before);
    const after: Announcement = {
      ...before,
      attachmentSha256: null,
      attachmentName: null,
      attachmentMediaType: null,
      attachmentBytes: null,
      updatedAt: isoNow(ctx.clock),
    };
    await saveAnnouncement(trx, after);
    await audit({
      action: 'announcement.attachment_removed',
      entityType: 'announcement',
      entityId: id,
      platformId: before.platformId,
      before: { fileName: before.attachmentName, sha256: before.attachmentSha256 },
    });
    return after;
  });
  return one(ctx, saved);
}

/** An announcement: a published one for anyone, the others for the platform's keepers only (404 else). */
async function visible(ctx: Reader, id: string): Promise<Announcement> {
  const a = await findAnnouncement(ctx.db, null, id);
  if (!a || (a.state !== 'published' && !keepsAnnouncements(ctx.actor, a.platformId)))
    throw notFound('announcements.not_found');
  return a;
}

export async function getAnnouncement(ctx: Reader, id: string): Promise<AnnouncementView> {
  return one(ctx, await visible(ctx, id));
}

/** The attached file, as visible as its announcement. */
export async function announcementFile(ctx: Ctx, id: string) {
  const a = await visible(ctx, id);
  if (!a.attachmentSha256 || !a.attachmentName || !a.attachmentMediaType)
    throw notFound('announcements.not_found');
  return {
    body: readStoredFile(ctx, a.attachmentSha256),
    mediaType: a.attachmentMediaType,
    fileName: a.attachmentName,
  };
}

/** Published announcements for anyone, newest first, of one platform or of all. */
export async function listPublicAnnouncements(
  ctx: Reader,
  q: PublicAnnouncementsQuery,
): Promise<AnnouncementList> {
  const page = await announcementPage(
    ctx.db,
    { platformIds: q.platformId ? [q.platformId] : null, states: ['published'] },
    q,
  );
  return { items: await announcementViews(ctx.db, ctx.actor, page.rows), total: page.total, ...pageOf(q) };
}

/** A platform's announcements in every state (or one), for its keepers. */
export async function listPlatformAnnouncements(
  ctx: Reader,
  platformId: string,
  q: PlatformAnnouncementsQuery,
): Promise<AnnouncementList> {
  await platformOrNotFound(ctx.db, platformId);
  if (!keepsAnnouncements(ctx.actor, platformId)) throw forbidden();
  const states: AnnouncementState[] = q.state ? [q.state] : ['draft', 'published', 'withdrawn'];
  const page = await announcementPage(ctx.db, { platformIds: [platformId], states }, q);
  return { items: await announcementViews(ctx.db, ctx.actor, page.rows), total: page.total, ...pageOf(q) };
}

const pageOf = (q: { page: number; pageSize: number }) => ({ page: q.page, pageSize: q.pageSize });
