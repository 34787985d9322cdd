import { type ApplicationState, EDITABLE_STATES } from '../../../common/applications.js';
import type { RequiredAttachment } from '../../../common/calls.js';
import { ERROR_MESSAGES, type ErrorCode } from '../../../common/error-codes.js';
import { write } from '../../db/write.js';
import { attachmentsDir, readStoredFile, sha256Of, storeFile } from '../../files/stored-files.js';
import { checkAttachment, type UploadedFile } from '../../files/upload.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, notFound } from '../../http/errors.js';
import { accessible } from './applications.access.js';
import { callOf, frozen } from './applications.drafts.js';
import {
  attachmentOfApplication,
  removeAttachment,
  replaceAttachment,
} from './applications.parts.repository.js';
import { updateApplication } from './applications.repository.js';
import type { ApplicationView } from './applications.schema.js';
import { loadVersion } from './applications.versions.repository.js';

type AttachmentOut = ApplicationView['attachments'][number];

const fail = (status: number, code: ErrorCode, where: 'querystring' | 'body', pointer: string, extra = {}) =>
  new AppError(status, code, {
    ...extra,
    errors: [{ in: where, pointer, code, message: ERROR_MESSAGES[code] }],
  });

export { attachmentsDir } from '../../files/stored-files.js';

async function editableVersion(trx: Ctx['db'], ctx: Ctx, id: string) {
  const app = (await accessible(trx, ctx, id, 'edit', { lock: true })).app;
  if (!EDITABLE_STATES.includes(app.state)) throw frozen(app.state);
  const version = (await loadVersion(trx, id, app.versionNo))!;
  if (version.frozenAt) throw frozen(app.state);
  return { app, version };
}

function specOf(call: { requiredAttachments: RequiredAttachment[] }, key: string): RequiredAttachment {
  const spec = call.requiredAttachments.find((a) => a.key === key);
  if (!spec) throw fail(400, 'applications.attachment_unknown_key', 'querystring', '/key');
  return spec;
}

/** Checks access and the key before the body is read, so the upload is cut at the attachment's limit. */
export async function attachmentSpec(ctx: Ctx, id: string, key: string): Promise<RequiredAttachment> {
  const { app } = await accessible(ctx.db, ctx, id, 'edit');
  if (!EDITABLE_STATES.includes(app.state as ApplicationState)) throw frozen(app.state);
  return specOf(await callOf(ctx.db, app.callId), key);
}

/**
 * Stores one required attachment of the current draft version, replacing an earlier file under the
 * same key. The type comes from the bytes (magic numbers; DOCX/XLSX by their ZIP entries), and the
 * name must claim the same type: a file that lies about its type is refused (415).
 */
export async function uploadAttachment(
  ctx: Ctx,
  id: string,
  key: string,
  file: UploadedFile,
): Promise<AttachmentOut> {
  return write(ctx, async (trx, audit) => {
    const { app, version } = await editableVersion(trx, ctx, id);
    const spec = specOf(await callOf(trx, app.callId), key);
    const sniffed = checkAttachment(file, spec);
    const sha256 = sha256Of(file.bytes);
    storeFile(attachmentsDir(ctx), sha256, file.bytes);
    const stored = {
      id: newId(),
      versionId: version.id,
      key,
      fileName: file.fileName,
      type: sniffed.type,
      mediaType: sniffed.mediaType,
      sizeBytes: file.bytes.length,
      sha256,
      uploadedBy: ctx.actor?.userId || null,
      createdAt: isoNow(ctx.clock),
    };
    await replaceAttachment(trx, stored);
    await updateApplication(trx, app.id, { updatedAt: stored.createdAt });
    await audit({
      action: 'application.attachment_uploaded',
      entityType: 'application',
      entityId: id,
      platformId: app.platformId,
      after: { versionNo: app.versionNo, key, fileName: stored.fileName, type: stored.type, sha256 },
    });
    const { id: fileId, fileName, mediaType, sizeBytes, createdAt } = stored;
    return {
      id: fileId,
      key,
      fileName,
      type: sniffed.type,
      mediaType,
      sizeBytes,
      sha256,
      uploadedAt: createdAt,
    };
  });
}

/** Removes the file under `key` from the current draft version. */
export async function deleteAttachment(ctx: Ctx, id: string, key: string): Promise<void> {
  await write(ctx, async (trx, audit) => {
    const { app, version } = await editableVersion(trx, ctx, id);
    if (!(await removeAttachment(trx, version.id, key))) throw notFound('request.not_found');
    await updateApplication(trx, app.id, { updatedAt: isoNow(ctx.clock) });
    await audit({
      action: 'application.attachment_removed',
      entityType: 'application',
      entityId: id,
      platformId: app.platformId,
      before: { versionNo: app.versionNo, key },
    });
  });
}

/** An attachment of any version of an application the caller may read, with its checksum verified (410 when gone). */
export async function downloadAttachment(ctx: Ctx, id: string, attachmentId: string) {
  await accessible(ctx.db, ctx, id, 'read');
  const file = await attachmentOfApplication(ctx.db, id, attachmentId);
  if (!file) throw notFound('request.not_found');
  return { body: readStoredFile(ctx, file.sha256), mediaType: file.mediaType, fileName: file.fileName };
}
