import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../http/errors.js';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** The one file of a multipart/form-data upload, within the size limit. */
export async function readUpload(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) throw new AppError(415, 'imports.not_multipart');
  const part = await request.file({
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, parts: 11 },
  });
  if (!part) throw new AppError(400, 'imports.file_missing');
  try {
    return await part.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(413, 'imports.file_too_large', { maxBytes: MAX_UPLOAD_BYTES });
    }
    throw err;
  }
}

/** A download: a string schema for the serializer's sake, with its real media type for the OpenAPI document. */
export const download = (mediaType: string, description: string) =>
  z
    .string()
    .meta({ description, content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } } });
