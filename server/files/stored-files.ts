import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Ctx } from '../http/context.js';
import { newId } from '../http/context.js';
import { AppError } from '../http/errors.js';

/**
 * The stored files (application attachments) under DATA_DIR/attachments, named by their sha256, so
 * identical files are stored once and a file is never changed in place. Owner-only: the directory is
 * 0700 and each file 0600, like the session secret — they hold unpublished proposals.
 */
export const storedFilesDir = (dataDir: string) => path.join(dataDir, 'attachments');
export const attachmentsDir = (ctx: Pick<Ctx, 'config'>) => storedFilesDir(ctx.config.dataDir);

export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Makes the directory owner-only, also when an older version created it 0755. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** Written to a temporary name and renamed, so a reader never sees half a file. */
export function storeFile(dir: string, sha256: string, bytes: Buffer): void {
  const target = path.join(dir, sha256);
  if (existsSync(target)) return;
  ensurePrivateDir(dir);
  const tmp = `${target}.${newId()}.tmp`;
  writeFileSync(tmp, bytes, { mode: 0o600 });
  renameSync(tmp, target);
}

/**
 * The bytes of a stored file, checked against their name. A file that is gone (lost disk, a restore of a
 * backup made without files) or no longer matches its checksum answers 410 with a problem, not a 500:
 * the record is there, its content is not, and only an operator can bring it back.
 */
export function readStoredFile(ctx: Pick<Ctx, 'config' | 'log'>, sha256: string): Buffer {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.join(attachmentsDir(ctx), sha256));
  } catch (err) {
    if ((err as { code?: string }).code !== 'ENOENT') throw err;
    ctx.log.error({ sha256 }, 'stored file is missing');
    throw new AppError(410, 'files.unavailable');
  }
  if (sha256Of(bytes) !== sha256) {
    ctx.log.error({ sha256 }, 'stored file does not match its checksum');
    throw new AppError(410, 'files.unavailable');
  }
  return bytes;
}
