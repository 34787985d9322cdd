import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { ensurePrivateDir, sha256Of, storeFile } from '../../files/stored-files.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { DATASET_ITEMS } from './open-data.records.schema.js';
import { lastChange, recordsAfter } from './open-data.repository.js';
import { changeCursorOf, FIRST_CHANGE_CURSOR, type OpenCtx, syncOpenData } from './open-data.service.js';
import { DATASETS, type Dataset } from './open-data.views.js';

/**
 * Bulk dumps of the open data (issue 15; docs/open-data.md 'Bulk dumps'): every dataset as JSON Lines
 * and as CSV, gzip-compressed, with a data dictionary, a SHA256SUMS file and the licence, written from
 * the published projection. The files are kept content-addressed under DATA_DIR/open-data-dumps/files
 * (through server/files), and manifest.json names the current set, so a reader never sees a dump half
 * written: the manifest is replaced in one rename.
 */

export type DumpCtx = OpenCtx & Pick<Ctx, 'config' | 'log'>;

export const dumpFile = z.object({
  name: z.string(),
  dataset: z.string().nullable(),
  format: z.enum(['jsonl', 'csv', 'dictionary', 'checksums', 'licence']),
  mediaType: z.string(),
  bytes: z.number().int().describe('Size of the file as served (compressed for .gz)'),
  sha256: z.string().describe('Hex SHA-256 of the file as served; also its ETag'),
  records: z.number().int().nullable(),
  modifiedAt: z.string().describe('When the file last changed (its Last-Modified)'),
});
export const dumpManifest = z.object({
  generatedAt: z.string(),
  seq: z.number().int().describe('The change sequence the dump includes (at least)'),
  changesCursor: z
    .string()
    .describe('Follow GET /api/open/v1/changes?since=<this> to bring a mirror of this dump up to date'),
  licence: z.object({ id: z.string(), url: z.string().nullable(), attribution: z.string() }),
  files: z.array(dumpFile),
});
export type DumpManifest = z.infer<typeof dumpManifest>;
type DumpFile = DumpManifest['files'][number];

const dumpsDir = (ctx: Pick<Ctx, 'config'>) => path.join(ctx.config.dataDir, 'open-data-dumps');
const filesDir = (ctx: Pick<Ctx, 'config'>) => path.join(dumpsDir(ctx), 'files');
const manifestFile = (ctx: Pick<Ctx, 'config'>) => path.join(dumpsDir(ctx), 'manifest.json');

/** The current manifest, or null before the first dump. */
export function currentManifest(ctx: Pick<Ctx, 'config'>): DumpManifest | null {
  const file = manifestFile(ctx);
  return existsSync(file) ? dumpManifest.parse(JSON.parse(readFileSync(file, 'utf8'))) : null;
}

/** One row of the data dictionary: a top-level field of a dataset's records. */
interface DictionaryField {
  name: string;
  type: string;
  nullable: boolean;
  description: string | null;
  csv: 'value' | 'json';
}

/** The dictionary from the records' documented schemas (open-data.records.schema.ts), so it cannot drift. */
export function dataDictionary(): Record<Dataset, DictionaryField[]> {
  const out = {} as Record<Dataset, DictionaryField[]>;
  for (const d of DATASETS) {
    const schema = z.toJSONSchema(DATASET_ITEMS[d], { unrepresentable: 'any' }) as {
      properties: Record<string, Record<string, unknown>>;
    };
    out[d] = Object.entries(schema.properties).map(([name, p]) => {
      const variants = (p.anyOf as Array<Record<string, unknown>> | undefined) ?? [p];
      const types = variants.map((v) => String(v.type ?? 'any'));
      const type = types.find((x) => x !== 'null') ?? 'null';
      return {
        name,
        type,
        nullable: types.includes('null'),
        description: (p.description as string | undefined) ?? null,
        csv: type === 'object' || type === 'array' ? 'json' : 'value',
      };
    });
  }
  return out;
}

/** RFC 4180: every cell quoted when it holds a quote, comma or line break; objects and arrays as JSON. */
function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(fields: readonly DictionaryField[], records: ReadonlyArray<Record<string, unknown>>) {
  const lines = [fields.map((f) => csvCell(f.name)).join(',')];
  for (const r of records) lines.push(fields.map((f) => csvCell(r[f.name])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Every published record of a dataset in id order, read page by page. */
async function allRecords(ctx: Pick<Ctx, 'db'>, dataset: Dataset) {
  const out: Array<Record<string, unknown>> = [];
  let after: string | null = null;
  for (;;) {
    const rows = await recordsAfter(ctx.db, dataset, after, 1000);
    out.push(...rows.slice(0, 1000).map((r) => r.body as Record<string, unknown>));
    if (rows.length <= 1000) return out;
    after = rows[999]!.id;
  }
}

const licenceOfConfig = (ctx: Pick<Ctx, 'config'>) => ({
  id: ctx.config.openData.licence,
  url: ctx.config.openData.licenceUrl,
  attribution: `Commonlab open data, ${ctx.config.publicUrl}`,
});

/**
 * Writes a new dump when the published data or the licence changed since the last one (an unchanged
 * dump is left as it is, so its Last-Modified keeps meaning "changed"), or always with `force`.
 * Brings the projection up to date first, as every open-data answer does. Returns the current manifest
 * and whether it was written now.
 */
export async function dumpOpenData(
  ctx: DumpCtx,
  opts: { force?: boolean } = {},
): Promise<{ manifest: DumpManifest; written: boolean }> {
  await syncOpenData(ctx);
  // The sequence is read before the records, so the dump holds at least every change up to it; a mirror
  // that replays the feed from there gets some records again in the same state, which is harmless.
  const { seq } = await lastChange(ctx.db);
  const licence = licenceOfConfig(ctx);
  const previous = currentManifest(ctx);
  if (
    !opts.force &&
    previous &&
    previous.seq === seq &&
    JSON.stringify(previous.licence) === JSON.stringify(licence)
  )
    return { manifest: previous, written: false };

  const now = isoNow(ctx.clock);
  const dictionary = dataDictionary();
  const dir = filesDir(ctx);
  const files: DumpFile[] = [];
  const add = (
    name: string,
    dataset: Dataset | null,
    format: DumpFile['format'],
    mediaType: string,
    body: Buffer,
    records: number | null,
  ) => {
    const sha256 = sha256Of(body);
    storeFile(dir, sha256, body);
    const same = previous?.files.find((f) => f.name === name && f.sha256 === sha256);
    files.push({
      name,
      dataset,
      format,
      mediaType,
      bytes: body.length,
      sha256,
      records,
      modifiedAt: same?.modifiedAt ?? now,
    });
  };
  for (const d of DATASETS) {
    const records = await allRecords(ctx, d);
    // gzip writes no time or name into its header here, so the same records give the same bytes.
    const jsonl = records.map((r) => `${JSON.stringify(r)}\n`).join('');
    add(`${d}.jsonl.gz`, d, 'jsonl', 'application/gzip', gzipSync(jsonl), records.length);
    add(`${d}.csv.gz`, d, 'csv', 'application/gzip', gzipSync(toCsv(dictionary[d], records)), records.length);
  }
  add(
    'dictionary.json',
    null,
    'dictionary',
    'application/json',
    Buffer.from(`${JSON.stringify({ licence, datasets: dictionary }, null, 2)}\n`),
    null,
  );
  const licenceText = [
    `Licence: ${licence.id}${licence.url ? ` (${licence.url})` : ''}`,
    `Attribution: ${licence.attribution}`,
    '',
  ].join('\n');
  add('LICENCE.txt', null, 'licence', 'text/plain; charset=utf-8', Buffer.from(licenceText), null);
  const sums = files.map((f) => `${f.sha256}  ${f.name}\n`).join('');
  add('SHA256SUMS', null, 'checksums', 'text/plain; charset=utf-8', Buffer.from(sums), null);

  const manifest: DumpManifest = {
    generatedAt: now,
    seq,
    changesCursor: seq === 0 ? FIRST_CHANGE_CURSOR : changeCursorOf(seq),
    licence,
    files,
  };
  ensurePrivateDir(dumpsDir(ctx));
  const tmp = `${manifestFile(ctx)}.${newId()}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, manifestFile(ctx));
  // Files no dump names any more are removed; a reader that read the old manifest a moment ago gets 404
  // and asks again.
  const keep = new Set(files.map((f) => f.sha256));
  for (const f of readdirSync(dir)) if (!keep.has(f)) rmSync(path.join(dir, f), { force: true });
  return { manifest, written: true };
}

/** The current manifest, dumping first when there is none yet (a server whose schedule has not run). */
export async function dumpsManifest(ctx: DumpCtx): Promise<DumpManifest> {
  return currentManifest(ctx) ?? (await dumpOpenData(ctx)).manifest;
}

/** One file of the current dump with its bytes; 404 `open_data.unknown_dump` for a name not in it. */
export async function dumpFileOf(ctx: DumpCtx, name: string): Promise<DumpFile & { body: Buffer }> {
  const manifest = await dumpsManifest(ctx);
  const file = manifest.files.find((f) => f.name === name);
  if (!file) throw new AppError(404, 'open_data.unknown_dump');
  const p = path.join(filesDir(ctx), file.sha256);
  if (!existsSync(p)) throw new AppError(404, 'open_data.unknown_dump');
  const body = readFileSync(p);
  if (sha256Of(body) !== file.sha256) {
    ctx.log.error({ name, sha256: file.sha256 }, 'open-data dump file does not match its checksum');
    throw new AppError(410, 'files.unavailable');
  }
  return { ...file, body };
}
