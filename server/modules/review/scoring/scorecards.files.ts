import { readStoredFile } from '../../../files/stored-files.js';
import type { Ctx } from '../../../http/context.js';
import { AppError, notFound } from '../../../http/errors.js';
import { frozenAttachment } from '../../applications/applications.lookup.js';
import { ownSeat } from './scorecards.access.js';

/**
 * An attachment of a submitted (frozen) version of the application of the caller's own accepted seat,
 * with its checksum verified: reviewers read the proposal without any access to the application itself.
 */
export async function reviewerAttachment(ctx: Ctx, assignmentId: string, attachmentId: string) {
  const s = await ownSeat(ctx.db, ctx, assignmentId);
  if (s.seat.state !== 'accepted') throw new AppError(409, 'scoring.seat_not_accepted');
  const row = await frozenAttachment(ctx.db, s.seat.applicationId, attachmentId);
  if (!row) throw notFound('request.not_found');
  return { body: readStoredFile(ctx, row.sha256), mediaType: row.mediaType, fileName: row.fileName };
}
