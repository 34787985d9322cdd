import type { AttachmentType } from '../../common/calls.js';

/**
 * The type of an uploaded file from its bytes, never from its name or the browser's content type.
 * DOCX and XLSX are ZIP archives: they are told apart by the entries of the central directory.
 */
export interface Sniffed {
  type: AttachmentType;
  mediaType: string;
  extension: string;
}

const startsWith = (buf: Buffer, bytes: number[]) =>
  buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);

/** File names in a ZIP's central directory, or null when the bytes are not a well-formed ZIP. */
export function zipEntryNames(buf: Buffer): string[] | null {
  if (!startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return null;
  // The end-of-central-directory record sits in the last 22 + up to 65 535 (comment) bytes.
  const floor = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= floor; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    if (at + 46 + nameLen > buf.length) return null;
    names.push(buf.toString('utf8', at + 46, at + 46 + nameLen));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

/** What the bytes are, or null when they are none of the accepted types. */
export function sniffAttachment(buf: Buffer): Sniffed | null {
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) {
    return { type: 'pdf', mediaType: 'application/pdf', extension: 'pdf' };
  }
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { type: 'image', mediaType: 'image/png', extension: 'png' };
  }
  if (startsWith(buf, [0xff, 0xd8, 0xff])) {
    return { type: 'image', mediaType: 'image/jpeg', extension: 'jpg' };
  }
  const names = zipEntryNames(buf);
  if (names?.includes('[Content_Types].xml')) {
    if (names.includes('word/document.xml')) {
      return {
        type: 'docx',
        mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        extension: 'docx',
      };
    }
    if (names.includes('xl/workbook.xml')) {
      return {
        type: 'xlsx',
        mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        extension: 'xlsx',
      };
    }
  }
  return null;
}

/** The extension a file name claims, lower case, without the dot. */
export function claimedExtension(fileName: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(fileName);
  return m ? m[1]!.toLowerCase() : '';
}

const EXTENSIONS: Record<AttachmentType, string[]> = {
  pdf: ['pdf'],
  docx: ['docx'],
  xlsx: ['xlsx'],
  image: ['png', 'jpg', 'jpeg'],
};

/** A file whose name claims another type than its bytes is lying (e.g. an .exe renamed .pdf is caught by the bytes, a PDF renamed .docx by this). */
export function nameMatches(fileName: string, sniffed: Sniffed): boolean {
  const ext = claimedExtension(fileName);
  if (sniffed.type === 'image')
    return ext === sniffed.extension || (ext === 'jpeg' && sniffed.extension === 'jpg');
  return EXTENSIONS[sniffed.type].includes(ext);
}
