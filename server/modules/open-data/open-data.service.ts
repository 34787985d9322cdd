import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../common/canonical-json.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow } from '../../http/context.js';
import { invalidField } from '../../http/errors.js';
import { publishedCallsForOpenData } from '../calls/calls.service.js';
import { fieldsForOpenData } from '../fields/fields.service.js';
import { orgIdentities } from '../orgs/orgs.service.js';
import { platformsForOpenData } from '../platforms/platforms.service.js';
import { projectsForOpenData } from '../projects/projects.service.js';
import { publishedPublicResults } from '../results/results.service.js';
import { unitsForOpenData } from '../units/units.service.js';
import {
  changesAfter,
  lastChange,
  type ProjectedRecord,
  recordsAfter,
  type StoredRecord,
  storeDifference,
} from './open-data.repository.js';
import {
  callRecord,
  DATASETS,
  type Dataset,
  fieldRecord,
  type OpenRecord,
  platformRecord,
  projectRecord,
  resultRecord,
  statisticsRecords,
  technologyRecord,
  unitRecord,
} from './open-data.views.js';

export type OpenCtx = Pick<Ctx, 'db' | 'seam' | 'actor' | 'requestId' | 'clock'>;

/** The whole public projection now, read through the owning modules, by dataset in id order. */
export async function projectAll(ctx: Pick<Ctx, 'db'>): Promise<Record<Dataset, OpenRecord[]>> {
  const db = ctx.db;
  const [platforms, units, fields, calls, projects, results] = await Promise.all([
    platformsForOpenData(db),
    unitsForOpenData(db),
    fieldsForOpenData(db),
    publishedCallsForOpenData(db, {}),
    projectsForOpenData(db),
    publishedPublicResults(db),
  ]);
  const orgs = await orgIdentities(
    db,
    projects.flatMap((p) => [
      ...(p.leadOrgId ? [p.leadOrgId] : []),
      ...p.members.map((m) => m.organisationId),
    ]),
  );
  const out = {
    platforms: platforms.map(platformRecord),
    units: units.map(unitRecord),
    fields: fields.map(fieldRecord),
    calls: calls.map(callRecord),
    projects: projects.map((p) => projectRecord(p, orgs)),
    results: results.map(resultRecord),
    technologies: results.filter((r) => r.type === 'technology').map(technologyRecord),
    statistics: [] as OpenRecord[],
  };
  out.statistics = statisticsRecords(out);
  for (const d of DATASETS) out[d].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Brings the published projection up to date: what changed since the last sync gets the next change
 * sequence numbers (ADR 0016). Every open-data answer and every dump runs it first, so they show the
 * records as they are when asked. Returns the number of changes recorded.
 */
export async function syncOpenData(ctx: OpenCtx): Promise<number> {
  const all = await projectAll(ctx);
  const projected: ProjectedRecord[] = DATASETS.flatMap((dataset) =>
    all[dataset].map((r) => {
      const body = canonicalJson(r);
      return { dataset, id: r.id, body, hash: sha256(body) };
    }),
  );
  // Derived data, not a state change of anyone's: no audit entry (the writes it mirrors have theirs).
  return write(ctx, (trx) => storeDifference(trx, ctx.seam, projected, isoNow(ctx.clock)), {
    retryOnUniqueViolation: true,
  });
}

/** Opaque cursors: base64url JSON, checked on the way back in. */
function encodeCursor(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decodeCursor<T>(
  cursor: string,
  pointer: string,
  check: (v: Record<string, unknown>) => T | null,
): T {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const out = v && typeof v === 'object' ? check(v as Record<string, unknown>) : null;
    if (out !== null) return out;
  } catch {
    // falls through to the problem below
  }
  throw invalidField(pointer, 'open_data.invalid_cursor');
}

export interface DatasetPage {
  items: unknown[];
  nextCursor: string | null;
}

/** The record id a dataset page starts after; a cursor that is not this dataset's is a 400 at /cursor. */
export function pageStart(dataset: Dataset, cursor: string | undefined): string | null {
  return cursor === undefined
    ? null
    : decodeCursor(cursor, '/cursor', (v) => (v.d === dataset && typeof v.k === 'string' ? v.k : null));
}

/** The change number a changes page starts after; a cursor that is not one is a 400 at /since. */
export function changesStart(since: string | undefined): number {
  return since === undefined
    ? 0
    : decodeCursor(since, '/since', (v) =>
        typeof v.s === 'number' && Number.isSafeInteger(v.s) && v.s >= 0 ? v.s : null,
      );
}

/** One page of a dataset's public records in id order, with no cap on how far the cursor goes. */
export async function datasetPage(
  ctx: OpenCtx,
  dataset: Dataset,
  q: { cursor?: string | undefined; limit: number },
): Promise<DatasetPage> {
  const page = await datasetRecordsPage(ctx, dataset, q);
  return { items: page.records.map((r) => r.body), nextCursor: page.nextCursor };
}

/** A page of a dataset's records with the time of each one's latest change (the CommonGrants awards). */
export async function datasetRecordsPage(
  ctx: OpenCtx,
  dataset: Dataset,
  q: { cursor?: string | undefined; limit: number },
): Promise<{ records: Array<{ body: unknown; changedAt: string }>; nextCursor: string | null }> {
  const after = pageStart(dataset, q.cursor);
  const rows = await recordsAfter(ctx.db, dataset, after, q.limit);
  const page = rows.slice(0, q.limit);
  const more = rows.length > q.limit;
  return {
    records: page.map((r) => ({ body: r.body, changedAt: r.changedAt })),
    nextCursor: more ? encodeCursor({ d: dataset, k: page.at(-1)!.id }) : null,
  };
}

export interface ChangeItem {
  dataset: string;
  id: string;
  change: 'created' | 'updated' | 'withdrawn';
  changedAt: string;
  record: unknown;
}

const changeCursor = (seq: number) => encodeCursor({ s: seq });

/** The changes cursor just after change `seq` (a dump gives it, so a mirror continues from there). */
export const changeCursorOf = changeCursor;

/** The cursor of the beginning of the changes feed. */
export const FIRST_CHANGE_CURSOR = changeCursor(0);

const changeOf = (r: StoredRecord, since: number): ChangeItem => ({
  dataset: r.dataset,
  id: r.id,
  change: r.withdrawn ? 'withdrawn' : r.createdSeq > since ? 'created' : 'updated',
  changedAt: r.changedAt,
  record: r.withdrawn ? null : r.body,
});

/**
 * The changes after a cursor, across datasets, in order: each record once, in its latest state (a
 * record created and changed since the cursor is reported once, as created). `nextCursor` continues
 * while more are waiting; `pollCursor` is where to ask again later.
 */
export async function changesSince(
  ctx: OpenCtx,
  q: { since?: string | undefined; limit: number },
): Promise<DatasetPage & { pollCursor: string }> {
  const since = changesStart(q.since);
  const rows = await changesAfter(ctx.db, since, q.limit);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1)?.seq ?? since;
  return {
    items: page.map((r) => changeOf(r, since)),
    nextCursor: rows.length > q.limit ? changeCursor(last) : null,
    pollCursor: changeCursor(last),
  };
}

/** The sequence and time of the newest change of a dataset (or of all): what the ETag and Last-Modified say. */
export const freshness = (ctx: Pick<Ctx, 'db'>, dataset?: Dataset) => lastChange(ctx.db, dataset);
