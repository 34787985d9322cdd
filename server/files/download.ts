import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';

/**
 * The one Content-Disposition of every download and export (ASVS 5.4.2, RFC 6266 §4.3 with RFC 8187):
 * `filename` carries an ASCII fallback for old clients, `filename*` the exact UTF-8 name,
 * percent-encoded. A stored file name comes from its uploader, so nothing of it may reach the header
 * raw: quotes and backslashes would end the quoted string, `;` would start a parameter, CR/LF would
 * split the header, and path separators would let a browser that ignores the rules write elsewhere.
 */
export function contentDisposition(fileName: string): string {
  const name = safeName(fileName);
  return `attachment; filename="${asciiFallback(name)}"; filename*=UTF-8''${pctEncode(name)}`;
}

/** The name without directories, control characters or leading dots; "download" when nothing is left. */
function safeName(fileName: string): string {
  const base = fileName.split(/[/\\]/).pop() ?? '';
  const clean = [...base]
    .filter((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f)
    .join('')
    .replace(/^[.\s]+/, '')
    .trim();
  return clean === '' ? 'download' : clean;
}

/** Printable ASCII without the quoted-string's specials; anything else becomes `_`. */
function asciiFallback(name: string): string {
  return name.replace(/[^\x20-\x7e]|["\\;%]/g, '_');
}

/** RFC 8187 attr-char: letters, digits and !#$&+-.^_`|~ stay; every other byte is %XX. */
function pctEncode(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Sends a file as an attachment; the route's schema documents it, the body is bytes, text or a stream. */
export const sendFile = (
  reply: FastifyReply,
  file: { mediaType: string; fileName: string; body: Buffer | string | Readable },
) =>
  reply.type(file.mediaType).header('content-disposition', contentDisposition(file.fileName)).send(file.body);

/** A download: a string schema for the serializer's sake, with its real media type for the OpenAPI document. */
export const download = (mediaType: string, description: string) =>
  z
    .string()
    .meta({ description, content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } } });
