import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../seed/demo.js';
import { anonymous, type Client, setupTestApp, type TestApp } from '../../test/harness.js';
import { createField } from '../fields/fields.service.js';
import { updatePlatform } from '../platforms/platforms.service.js';
import { buildExtramuralProject } from '../projects/projects.fixtures.js';
import { changeResultState } from '../results/results.service.js';
import { dumpOpenData } from './open-data.dumps.js';
import { DATASETS } from './open-data.views.js';

let t: TestApp;
let pub: Client;

beforeAll(async () => {
  t = await setupTestApp();
  await seedDemo(t.systemCtx());
  pub = anonymous(t.app);
}, 120_000);
afterAll(() => t.close());

type Rec = { id: string } & Record<string, unknown>;

/** Every record of a dataset, walking the cursor with small pages. */
async function walk(dataset: string, limit = 7): Promise<Rec[]> {
  const out: Rec[] = [];
  let cursor: string | null = null;
  do {
    const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const res = await pub.get(`/api/open/v1/${dataset}?limit=${limit}${q}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: Rec[]; nextCursor: string | null };
    out.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return out;
}

type Manifest = {
  seq: number;
  changesCursor: string;
  licence: { id: string };
  files: Array<{ name: string; bytes: number; sha256: string; records: number | null; modifiedAt: string }>;
};

/** One file of the current bulk dump as served, checked against the manifest's size and checksum. */
async function dumpFile(manifest: Manifest, name: string): Promise<Buffer> {
  const f = manifest.files.find((x) => x.name === name)!;
  expect(f, name).toBeDefined();
  const res = await pub.get(`/api/open/v1/dumps/${name}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers.etag).toBe(`"${f.sha256}"`);
  expect(res.headers['last-modified']).toBe(new Date(f.modifiedAt).toUTCString());
  expect(res.rawPayload.length).toBe(f.bytes);
  expect(createHash('sha256').update(res.rawPayload).digest('hex')).toBe(f.sha256);
  return res.rawPayload;
}

/** The bulk dump's JSON Lines of every dataset, as a mirror is keyed (dataset → id → record). */
async function bulkDump(manifest: Manifest) {
  const out: Record<string, Record<string, Rec>> = {};
  for (const d of DATASETS) {
    const lines = gunzipSync(await dumpFile(manifest, `${d}.jsonl.gz`))
      .toString('utf8')
      .split('\n')
      .filter(Boolean);
    out[d] = Object.fromEntries(lines.map((l) => JSON.parse(l) as Rec).map((r) => [r.id, r]));
  }
  return out;
}

async function dump() {
  const out: Record<string, Record<string, Rec>> = {};
  for (const d of DATASETS) out[d] = Object.fromEntries((await walk(d, 1000)).map((r) => [r.id, r]));
  return out;
}

describe('the open-data datasets', () => {
  it('answer anonymously with items and a cursor, and the walk in small pages equals one big page', async () => {
    for (const d of DATASETS) {
      const small = await walk(d, 3);
      const big = await walk(d, 1000);
      expect(small, d).toEqual(big);
      expect(new Set(small.map((r) => r.id)).size, d).toBe(small.length);
      expect(
        small.map((r) => r.id),
        d,
      ).toEqual([...small.map((r) => r.id)].sort());
    }
    expect((await walk('platforms')).length).toBeGreaterThan(3);
    expect((await walk('projects')).length).toBeGreaterThan(0);
    expect((await walk('results')).length).toBeGreaterThan(0);
    expect((await walk('technologies')).length).toBeGreaterThan(0);
    expect((await walk('statistics')).length).toBeGreaterThan(0);
  });

  it('shows funded projects with their consortium and amounts, and bilingual titles', async () => {
    const platformId = (await walk('platforms'))[0]!.id;
    const built = await buildExtramuralProject(t.systemCtx(), platformId);
    const p = (await walk('projects')).find((x) => x.id === built.id);
    expect(p).toBeDefined();
    expect((p!.consortium as Array<{ fundedMinor: number }>).map((m) => m.fundedMinor)).toEqual([
      600_000, 400_000,
    ]);
    expect(p!.budgetMinor).toBe(1_000_000);
    expect(typeof p!.titleZh).toBe('string');
    expect(typeof p!.titleEn).toBe('string');
    const member = (p!.consortium as Array<Record<string, unknown>>)[0]!;
    expect(Object.keys(member).sort()).toEqual([
      'cofundingMinor',
      'fundedMinor',
      'organisation',
      'position',
      'role',
    ]);
    expect(Object.keys(member.organisation as object).sort()).toEqual([
      'country',
      'id',
      'nameEn',
      'nameZh',
      'type',
    ]);
  });

  it('lists only public, published results; technologies are the results of that type', async () => {
    const ids = (await walk('results')).map((r) => r.id);
    const rows = await t.database.db
      .selectFrom('results')
      .select(['id', 'visibility', 'state', 'type'])
      .execute();
    expect(ids.sort()).toEqual(
      rows
        .filter((r) => r.visibility === 'public' && r.state === 'published')
        .map((r) => r.id)
        .sort(),
    );
    expect((await walk('technologies')).map((r) => r.id).sort()).toEqual(
      rows
        .filter((r) => r.visibility === 'public' && r.state === 'published' && r.type === 'technology')
        .map((r) => r.id)
        .sort(),
    );
  });

  it('refuses a cursor it did not hand out, and one of another dataset', async () => {
    const res = await pub.get('/api/open/v1/calls?cursor=bm9wZQ');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors[0]).toMatchObject({ pointer: '/cursor', code: 'open_data.invalid_cursor' });
    const first = (await pub.get('/api/open/v1/platforms?limit=1')).json().nextCursor as string;
    expect((await pub.get(`/api/open/v1/units?cursor=${first}`)).statusCode).toBe(400);
  });
});

describe('conditional requests and the licence', () => {
  it('answer 304 to a matching ETag or a Last-Modified not older than the data, and 200 after a change', async () => {
    const first = await pub.get('/api/open/v1/fields');
    const etag = first.headers.etag as string;
    const lastModified = first.headers['last-modified'] as string;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(new Date(lastModified).toString()).not.toBe('Invalid Date');
    const again = await pub.request({
      method: 'GET',
      url: '/api/open/v1/fields',
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const since = await pub.request({
      method: 'GET',
      url: '/api/open/v1/fields',
      headers: { 'if-modified-since': lastModified },
    });
    expect(since.statusCode).toBe(304);
    // another page of the same dataset has its own validator
    const other = await pub.request({
      method: 'GET',
      url: '/api/open/v1/fields?limit=1',
      headers: { 'if-none-match': etag },
    });
    expect(other.statusCode).toBe(200);
    t.clock.advance(5_000);
    await createField(t.systemCtx(), { code: 'OD-304', nameZh: '开放数据测试', nameEn: 'Open data test' });
    const changed = await pub.request({
      method: 'GET',
      url: '/api/open/v1/fields',
      headers: { 'if-none-match': etag },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    const stale = await pub.request({
      method: 'GET',
      url: '/api/open/v1/fields',
      headers: { 'if-modified-since': lastModified },
    });
    expect(stale.statusCode).toBe(200);
  });

  it('states the licence (CC BY 4.0 by default) in every answer, as a field and a Link header', async () => {
    for (const url of ['/api/open/v1/platforms', '/api/open/v1/changes']) {
      const res = await pub.get(url);
      expect(res.json().licence).toMatchObject({
        id: 'CC-BY-4.0',
        url: 'https://creativecommons.org/licenses/by/4.0/',
      });
      expect(res.headers.link).toBe('<https://creativecommons.org/licenses/by/4.0/>; rel="license"');
    }
  });
});

describe('the changes feed', () => {
  type Change = { dataset: string; id: string; change: string; record: Rec | null };

  /** Applies every change after `since` to the mirror; returns the cursor to poll with next time. */
  async function follow(mirror: Record<string, Record<string, Rec>>, since: string | null) {
    const seen: Change[] = [];
    let cursor = since;
    for (;;) {
      const res = await pub.get(`/api/open/v1/changes?limit=50${cursor ? `&since=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { items: Change[]; nextCursor: string | null; pollCursor: string };
      for (const c of body.items) {
        seen.push(c);
        mirror[c.dataset] ??= {};
        if (c.change === 'withdrawn') delete mirror[c.dataset]![c.id];
        else mirror[c.dataset]![c.id] = c.record!;
      }
      if (!body.nextCursor) return { poll: body.pollCursor, seen };
      cursor = body.nextCursor;
    }
  }

  it('mirrors the whole public dataset, and stays equal to a fresh dump through create, update and withdraw', async () => {
    const mirror: Record<string, Record<string, Rec>> = Object.fromEntries(DATASETS.map((d) => [d, {}]));
    const { poll } = await follow(mirror, null);
    expect(mirror).toEqual(await dump());

    // nothing changed: an empty page, the same poll cursor
    const idle = await follow(mirror, poll);
    expect(idle.seen).toEqual([]);
    expect(idle.poll).toBe(poll);

    const ctx = t.systemCtx();
    const field = await createField(ctx, { code: 'OD-MIRROR', nameZh: '镜像', nameEn: 'Mirror' });
    const platform = (await walk('platforms'))[0]!;
    await updatePlatform(ctx, platform.id, { descriptionEn: 'Changed for the mirror test' });
    const result = (await walk('results'))[0]!;
    await changeResultState(ctx, result.id, 'withdraw');

    const after = await follow(mirror, poll);
    const kinds = Object.fromEntries(after.seen.map((c) => [`${c.dataset}:${c.id}`, c.change]));
    expect(kinds[`fields:${field.id}`]).toBe('created');
    expect(kinds[`platforms:${platform.id}`]).toBe('updated');
    expect(kinds[`results:${result.id}`]).toBe('withdrawn');
    expect(mirror.platforms![platform.id]!.descriptionEn).toBe('Changed for the mirror test');
    expect(mirror.results![result.id]).toBeUndefined();
    expect(mirror).toEqual(await dump());
  });

  it('mirrors through the feed, changes records, and equals a fresh bulk dump; a mirror loaded from the older dump catches up from its changesCursor', async () => {
    const ctx = t.systemCtx();
    const mirror: Record<string, Record<string, Rec>> = Object.fromEntries(DATASETS.map((d) => [d, {}]));
    const { poll } = await follow(mirror, null);
    const older = (await pub.get('/api/open/v1/dumps')).json() as Manifest;
    expect(mirror).toEqual(await bulkDump(older));
    const fromDump = await bulkDump(older);

    t.clock.advance(60_000);
    const field = await createField(ctx, { code: 'OD-DUMP', nameZh: '批量', nameEn: 'Bulk' });
    const platform = (await walk('platforms'))[1]!;
    await updatePlatform(ctx, platform.id, { descriptionEn: 'Changed for the dump test' });
    const result = (await walk('results'))[0]!;
    await changeResultState(ctx, result.id, 'withdraw');

    await follow(mirror, poll);
    await follow(fromDump, older.changesCursor);
    // The schedule's run (or `commonlab open-data dump`) writes a new dump since the data changed.
    const { written, manifest } = await dumpOpenData(ctx);
    expect(written).toBe(true);
    const fresh = await bulkDump(manifest as Manifest);
    expect(fresh.fields![field.id]).toBeDefined();
    expect(fresh.platforms![platform.id]!.descriptionEn).toBe('Changed for the dump test');
    expect(fresh.results![result.id]).toBeUndefined();
    expect(mirror).toEqual(fresh);
    expect(fromDump).toEqual(fresh);
    // A file whose records did not change keeps its checksum and Last-Modified; a changed one does not.
    const file = (m: Manifest, name: string) => m.files.find((f) => f.name === name)!;
    expect(file(manifest, 'units.jsonl.gz')).toEqual(file(older, 'units.jsonl.gz'));
    expect(file(manifest, 'fields.jsonl.gz').sha256).not.toBe(file(older, 'fields.jsonl.gz').sha256);
    expect(file(manifest, 'fields.jsonl.gz').modifiedAt).not.toBe(file(older, 'fields.jsonl.gz').modifiedAt);
    // Nothing changed since: no new dump.
    expect((await dumpOpenData(ctx)).written).toBe(false);
  });

  it('refuses a since cursor it did not hand out', async () => {
    const res = await pub.get('/api/open/v1/changes?since=eyJzIjotMX0');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ pointer: '/since', code: 'open_data.invalid_cursor' });
  });
});

describe('bulk dumps', () => {
  it('list every dataset as JSON Lines and CSV (gzip) with sizes, checksums, a dictionary, SHA256SUMS and the licence', async () => {
    const res = await pub.get('/api/open/v1/dumps');
    expect(res.statusCode, res.body).toBe(200);
    const manifest = res.json() as Manifest;
    expect(manifest.licence.id).toBe('CC-BY-4.0');
    expect(manifest.files.map((f) => f.name).sort()).toEqual(
      [
        ...DATASETS.flatMap((d) => [`${d}.jsonl.gz`, `${d}.csv.gz`]),
        'dictionary.json',
        'LICENCE.txt',
        'SHA256SUMS',
      ].sort(),
    );
    const dictionary = JSON.parse((await dumpFile(manifest, 'dictionary.json')).toString('utf8'));
    expect(dictionary.licence.id).toBe('CC-BY-4.0');
    expect((await dumpFile(manifest, 'LICENCE.txt')).toString('utf8')).toContain(
      'CC-BY-4.0 (https://creativecommons.org/licenses/by/4.0/)',
    );
    const dumped = await bulkDump(manifest);
    for (const d of DATASETS) {
      const records = await walk(d, 1000);
      expect(Object.values(dumped[d]!), d).toEqual(records);
      expect(manifest.files.find((f) => f.name === `${d}.jsonl.gz`)!.records, d).toBe(records.length);
      // CSV: the dictionary's fields as the header, one row a record, the same ids in the same order.
      const names = (dictionary.datasets[d] as Array<{ name: string }>).map((f) => f.name);
      expect(names.sort(), d).toEqual(Object.keys(records[0] ?? {}).sort());
      const csv = gunzipSync(await dumpFile(manifest, `${d}.csv.gz`)).toString('utf8');
      const header = csv.split('\r\n')[0]!.split(',');
      expect(header.sort(), d).toEqual(names);
      for (const r of records) expect(csv, d).toContain(`\r\n${r.id},`);
    }
    const sums = (await dumpFile(manifest, 'SHA256SUMS')).toString('utf8');
    for (const f of manifest.files.filter((x) => x.name !== 'SHA256SUMS'))
      expect(sums).toContain(`${f.sha256}  ${f.name}\n`);
  });

  it('answer 304 to the file’s checksum as If-None-Match, and 404 problem+json for a name not in the dump', async () => {
    const manifest = (await pub.get('/api/open/v1/dumps')).json() as Manifest;
    const f = manifest.files.find((x) => x.name === 'calls.csv.gz')!;
    const again = await pub.request({
      method: 'GET',
      url: '/api/open/v1/dumps/calls.csv.gz',
      headers: { 'if-none-match': `"${f.sha256}"` },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const missing = await pub.get('/api/open/v1/dumps/reviewers.csv.gz');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json().code).toBe('open_data.unknown_dump');
  });
});

describe('OpenAPI', () => {
  it('lists every open route without security and with an example of its records', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    for (const d of [...DATASETS, 'changes']) {
      const op = doc.paths[`/api/open/v1/${d}`]?.get;
      expect(op, d).toBeDefined();
      expect(op.security).toEqual([]);
      expect(JSON.stringify(op.responses['200']), d).toMatch(/"examples?":/);
    }
  });
});
