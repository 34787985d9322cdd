import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { AttachmentType } from '../../common/calls.js';
import { ERROR_MESSAGES, type ErrorCode } from '../../common/error-codes.js';
import { hasControlCharacter } from '../http/control-characters.js';
import { AppError } from '../http/errors.js';
import { nameMatches, type Sniffed, sniffAttachment } from './sniff.js';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** An uploaded file as the services receive it: its (cleaned) name and its bytes. */
export interface UploadedFile {
  fileName: string;
  bytes: Buffer;
}

/** What a kind of attachment accepts: a size limit and the types its bytes may be. */
export interface AttachmentRule {
  maxBytes: number;
  types: readonly AttachmentType[];
}

/** A refusal of the uploaded file, pointing at the multipart body's `file` part. */
const fileProblem = (status: number, code: ErrorCode, extra = {}) =>
  new AppError(status, code, {
    ...extra,
    errors: [{ in: 'body', pointer: '/file', code, message: ERROR_MESSAGES[code] }],
  });

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
 * The one file of a multipart upload of an attachment (application attachments, evidence, reports,
 * announcement files), cut off above `maxBytes`; its name is the base name, at most 200 characters.
 */
export async function readAttachmentUpload(request: FastifyRequest, maxBytes: number): Promise<UploadedFile> {
  if (!request.isMultipart()) throw new AppError(415, 'applications.not_multipart');
  try {
    const part = await request.file({ limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6 } });
    if (!part) throw fileProblem(400, 'applications.file_missing');
    const bytes = await part.toBuffer();
    const fileName = path.basename(part.filename || 'file').slice(-200);
    // The file name is text like any field: the one rule of http/control-characters.ts applies.
    if (hasControlCharacter(fileName)) throw fileProblem(422, 'request.control_character');
    return { fileName, bytes };
  } catch (err) {
    if (err instanceof AppError) throw err;
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw fileProblem(413, 'applications.attachment_too_large', { maxBytes });
    throw new AppError(400, 'applications.not_multipart');
  }
}

/**
 * The checks every attachment passes before it is stored: not empty (400), within the rule's size
 * (413, stating `maxBytes`), the type taken from the bytes and claimed by the name as well (415
 * `attachment_type_mismatch`: a file that lies about its type), and a type the rule accepts (415
 * `attachment_type_not_allowed`, stating `allowed`). Returns what the bytes are.
 */
export function checkAttachment(file: UploadedFile, rule: AttachmentRule): Sniffed {
  if (file.bytes.length === 0) throw fileProblem(400, 'applications.file_missing');
  if (file.bytes.length > rule.maxBytes)
    throw fileProblem(413, 'applications.attachment_too_large', { maxBytes: rule.maxBytes });
  const sniffed = sniffAttachment(file.bytes);
  if (!sniffed || !nameMatches(file.fileName, sniffed))
    throw fileProblem(415, 'applications.attachment_type_mismatch');
  if (!rule.types.includes(sniffed.type))
    throw fileProblem(415, 'applications.attachment_type_not_allowed', { allowed: rule.types });
  return sniffed;
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
