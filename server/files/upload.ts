import type { FastifyRequest } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { AttachmentType } from '../../common/calls.js';
import { ERROR_MESSAGES, type ErrorCode } from '../../common/error-codes.js';
import { AppError } from '../http/errors.js';
import { nameMatches, type Sniffed, sniffAttachment } from './sniff.js';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** The one file of a multipart/form-data upload, within the size limit. */
export async function readUpload(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) throw new AppError(415, 'imports.not_multipart');
  try {
    const part = await request.file({
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, parts: 11 },
    });
    if (!part) throw new AppError(400, 'imports.file_missing');
    return await part.toBuffer();
  } catch (err) {
    if (err instanceof AppError) throw err;
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(413, 'imports.file_too_large', { maxBytes: MAX_UPLOAD_BYTES });
    }
    // A truncated body or a missing boundary: the upload is broken, not the server.
    throw new AppError(400, 'imports.not_multipart');
  }
}

/**
 * Route config that documents an upload in OpenAPI as a multipart body with one binary "file" part of
 * the kinds described; the route declares no body schema because the file is read from the stream, not
 * validated as JSON.
 */
export function multipartUpload(kinds: string) {
  return {
    swaggerTransform: (input: Parameters<typeof jsonSchemaTransform>[0]) => {
      const out = jsonSchemaTransform(input);
      const file = { type: 'string', format: 'binary', description: kinds };
      const body = { type: 'object', required: ['file'], properties: { file } };
      return { ...out, schema: { ...out.schema, consumes: ['multipart/form-data'], body } };
    },
  };
}

/** An import file (server/modules/imports). */
export const documentUpload = multipartUpload('CSV (UTF-8, with or without BOM) or XLSX');
/** An attachment or evidence file, checked as application attachments are. */
export const attachmentUpload = multipartUpload('PDF, DOCX, XLSX, PNG or JPEG');

/**
 * The checks of an uploaded attachment (application attachments, project evidence and report files): the
 * size (413 above `maxBytes`, 400 empty), the type from the bytes with a name that claims the same type
 * (415 `applications.attachment_type_mismatch`), and one of `types` (415
 * `applications.attachment_type_not_allowed`). Every refusal points at `/file` in the body.
 */
export function checkAttachment(
  file: { fileName: string; bytes: Buffer },
  limits: { maxBytes: number; types: readonly AttachmentType[] },
): Sniffed {
  const fail = (status: number, code: ErrorCode, extra = {}) =>
    new AppError(status, code, {
      ...extra,
      errors: [{ in: 'body', pointer: '/file', code, message: ERROR_MESSAGES[code] }],
    });
  if (file.bytes.length > limits.maxBytes)
    throw fail(413, 'applications.attachment_too_large', { maxBytes: limits.maxBytes });
  if (file.bytes.length === 0) throw fail(400, 'applications.file_missing');
  const sniffed = sniffAttachment(file.bytes);
  if (!sniffed || !nameMatches(file.fileName, sniffed))
    throw fail(415, 'applications.attachment_type_mismatch');
  if (!limits.types.includes(sniffed.type))
    throw fail(415, 'applications.attachment_type_not_allowed', { allowed: limits.types });
  return sniffed;
}
