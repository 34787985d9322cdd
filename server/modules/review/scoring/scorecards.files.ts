import { readStoredFile } from '../../../files/stored-files.js';
import type { Ctx } from '../../../http/context.js';
import { AppError, notFound } from '../../../http/errors.js';
import { ownSeat } from './scorecards.access.js';

/**
 * An attachment of a submitted (frozen) version of the application of the caller's own accepted seat,
 * with its checksum verified: reviewers read the proposal without any access to the application itself.
 */
export async function reviewerAttachment(ctx: Ctx, assignmentId: string, attachmentId: string) {
  const s = await ownSeat(ctx.db, ctx, assignmentId);
  if (s.seat.state !== 'accepted') throw new AppError(409, 'scoring.seat_not_accepted');
  const row = await ctx.db
    .selectFrom('application_attachments as f')
    .innerJoin('application_versions as v', 'v.id', 'f.version_id')
    .select(['f.file_name', 'f.media_type', 'f.sha256'])
    .where('f.id', '=', attachmentId)
    .where('v.application_id', '=', s.seat.applicationId)
    .where('v.frozen_at', 'is not', null)
    .executeTakeFirst();
  if (!row) throw notFound('request.not_found');
  return { body: readStoredFile(ctx, row.sha256), mediaType: row.media_type, fileName: row.file_name };
}
