import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform } from '../../test/factories.js';
import { setupTestApp, type TestApp } from '../../test/harness.js';
import { lowsOf } from './results.bits.js';
import { findSearchDoc, LAST_DOC } from './results.bits.repository.js';
import { makeResult, publicationBody, technologyBody } from './results.fixtures.js';
import { ALL } from './results.index.repository.js';
import { searchResults } from './results.search.repository.js';
import { changeResultState, deleteResult, updateResult } from './results.service.js';

// ADR 0040 and 0038: the portal's search reads the size of the public set and each term's document
// frequency from result_search_counts and the postings from result_term_bits, all kept by the writes;
// these tests hold them to a recount of the records after every kind of write, and the portal's answer
// to the general search's.

let t: TestApp;
let A: string;
let B: string;
const ids: string[] = [];

const WORDS_ZH = ['芯片', '电池', '传感器', '激光', '量子'];
const WORDS_EN = ['chip', 'battery', 'sensor', 'laser', 'quantum'];

/** The counts as the records say they should be: public, published results and their terms. */
async function recounted(): Promise<Map<string, number>> {
  const db = t.database.db;
  const byTerm = await sql<{ term: string; n: unknown }>`select t.term as term, count(*) as n
    from result_terms t join results r on r.id = t.result_id
    where r.visibility = 'public' and r.state = 'published' group by t.term`.execute(db);
  const all = await sql<{ n: unknown }>`select count(*) as n from results
    where visibility = 'public' and state = 'published'`.execute(db);
  return new Map([[ALL, Number(all.rows[0]!.n)], ...byTerm.rows.map((r) => [r.term, Number(r.n)] as const)]);
}

async function kept(): Promise<Map<string, number>> {
  const rows = await t.database.db.selectFrom('result_search_counts').selectAll().execute();
  return new Map(
    rows.filter((r) => Number(r.docs) !== 0 && r.term !== LAST_DOC).map((r) => [r.term, Number(r.docs)]),
  );
}

/** The searchable postings as (term, weight, search number), from the containers and from the records. */
async function containedPostings(): Promise<{ kept: string[]; recounted: string[] }> {
  const db = t.database.db;
  const rows = await db.selectFrom('result_term_bits').selectAll().execute();
  const kept = rows.flatMap((r) =>
    [...lowsOf(r.bits, Number(r.docs))].map(
      (low) => `${r.term}/${r.weight}/${Number(r.block) * 65_536 + low}`,
    ),
  );
  const postings = await sql<{ term: string; weight: unknown; doc: unknown }>`select t.term as term,
    t.weight as weight, d.doc as doc from result_terms t join results r on r.id = t.result_id
    join result_search_docs d on d.result_id = r.id
    where r.visibility = 'public' and r.state = 'published'`.execute(db);
  const recounted = postings.rows.map((p) => `${p.term}/${Number(p.weight)}/${Number(p.doc)}`);
  return { kept: kept.sort(), recounted: recounted.sort() };
}

/** Every posting is marked searchable exactly when its result is public and published. */
async function misMarked(): Promise<number> {
  const r = await sql<{
    n: unknown;
  }>`select count(*) as n from result_terms t join results r on r.id = t.result_id
    where t.searchable <> case when r.visibility = 'public' and r.state = 'published' then 1 else 0 end`.execute(
    t.database.db,
  );
  return Number(r.rows[0]!.n);
}

async function expectCountsKept() {
  expect(await kept()).toEqual(await recounted());
  expect(await misMarked()).toBe(0);
  const { kept: contained, recounted: posted } = await containedPostings();
  expect(contained).toEqual(posted);
  // Every result has a search number, and no two share one.
  const numbered = await t.database.db.selectFrom('result_search_docs').select('doc').execute();
  const all = await t.database.db.selectFrom('results').select('id').execute();
  expect(new Set(numbered.map((r) => Number(r.doc))).size).toBe(all.length);
}

/**
 * One query through the portal's path (the public set, no filter: ADR 0038's containers) and through
 * the general path (every platform named changes no answer but takes ADR 0009's SQL, which counts and
 * ranks per query).
 */
async function both(q: string, page: number, pageSize: number) {
  const db = t.database.db;
  const scope = { publicOnly: true, q, fieldIds: undefined };
  const portal = await searchResults(db, scope, { page, pageSize }, 'published');
  const general = await searchResults(db, { ...scope, platformIds: [A, B] }, { page, pageSize }, 'published');
  return { portal, general };
}

/** The portal's page and total for a query equal the general search's; the number of rows compared. */
async function expectAsGeneral(q: string, page: number, pageSize: number): Promise<number> {
  const { portal, general } = await both(q, page, pageSize);
  expect(portal.total, q).toBe(general.total);
  expect(
    portal.rows.map((r) => r.id),
    `${q} page ${page} of ${pageSize}`,
  ).toEqual(general.rows.map((r) => r.id));
  return portal.rows.length;
}

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx, { code: 'A' })).id;
  B = (await buildPlatform(ctx, { code: 'B' })).id;
  // 14 results over two platforms: words combined so that one- and two-word queries tie and differ in
  // weight (a word in the title counts triple); four are not in the portal's set.
  for (let i = 0; i < 14; i++) {
    const a = i % 5;
    const b = (i * 3 + 1) % 5;
    const body = (i % 2 ? technologyBody : publicationBody)(i % 3 ? A : B, {
      titleZh: `${WORDS_ZH[a]}与${WORDS_ZH[b]}的研究${i}`,
      titleEn: `${WORDS_EN[a]} and ${WORDS_EN[b]} study ${i}`,
      summaryZh: `${WORDS_ZH[(a + i) % 5]}的测量方法。`,
      summaryEn: `Measuring the ${WORDS_EN[(a + i) % 5]}.`,
      visibility: i % 7 === 6 ? 'internal' : 'public',
    });
    ids.push((await makeResult(ctx, body, i % 6 !== 5)).id);
  }
});
afterAll(() => t.close());

describe('the kept search counts', () => {
  it('equal a recount after creating, publishing and leaving drafts and internal records out', async () => {
    await expectCountsKept();
    expect((await kept()).get(ALL)).toBe(10);
  });

  it('follow an edit of the text, a change of visibility, a withdrawal, a new publication and a deletion', async () => {
    const ctx = t.systemCtx();
    await updateResult(ctx, ids[0]!, { titleEn: 'Gravimeter survey', titleZh: '重力仪测量' });
    await expectCountsKept();
    await updateResult(ctx, ids[1]!, { visibility: 'internal' });
    await expectCountsKept();
    await updateResult(ctx, ids[1]!, { visibility: 'public' });
    await changeResultState(ctx, ids[2]!, 'withdraw');
    await expectCountsKept();
    await changeResultState(ctx, ids[2]!, 'publish');
    await changeResultState(ctx, ids[5]!, 'publish');
    await expectCountsKept();
    expect((await kept()).get(ALL)).toBe(11);
    const draft = await makeResult(
      ctx,
      publicationBody(A, { titleEn: 'Chip draft', titleZh: '芯片草稿' }),
      false,
    );
    await deleteResult(ctx, draft.id);
    await expectCountsKept();
  });
});

describe("the portal's search from the kept counts", () => {
  it('ranks, counts and pages one- and two-word queries in both languages as the general search does', async () => {
    const queries = ['chip', 'battery sensor', 'laser quantum', '芯片', '电池 传感器', '激光', 'sensor 芯片'];
    let compared = 0;
    for (const q of queries) for (const page of [1, 2, 3]) compared += await expectAsGeneral(q, page, 2);
    expect(compared).toBeGreaterThan(15);
  });

  it('keeps the total on a page past the end, and finds nothing for a word no public record holds', async () => {
    const { portal, general } = await both('battery sensor', 50, 2);
    expect(portal.rows).toEqual([]);
    expect(portal.total).toBe(general.total);
    expect(portal.total).toBeGreaterThan(0);
    expect((await both('gravimeter', 1, 10)).portal.total).toBe(1);
    expect((await both('nonexistentword', 1, 10)).portal).toMatchObject({ rows: [], total: 0 });
  });

  it('ranks several words by every match, ties newest first, as the general search does', async () => {
    // "lattice vortex": lattice three times in a summary with vortex in the title scores more than
    // lattice in a title with vortex in a summary; the two chip records of one text tie and go newest first.
    const ctx = t.systemCtx();
    for (const [titleEn, summaryEn] of [
      ['lattice survey', 'A vortex.'],
      ['vortex survey', 'Lattice, lattice, lattice.'],
      ['vortex probe', 'A probe.'],
      ['chip battery twin', 'A twin.'],
      ['chip battery twin', 'A twin.'],
    ])
      await makeResult(ctx, technologyBody(A, { titleEn, summaryEn, titleZh: '测量', summaryZh: '测量。' }));
    const queries = [
      'lattice vortex',
      'chip battery',
      'battery sensor',
      '电池 传感器',
      'sensor 芯片',
      'chip study',
    ];
    let compared = 0;
    for (const q of queries)
      for (const [page, pageSize] of [
        [1, 1],
        [1, 2],
        [2, 2],
        [1, 3],
        [2, 3],
      ] as const) {
        compared += await expectAsGeneral(q, page, pageSize);
      }
    expect(compared).toBeGreaterThan(25);
    const twins = (await both('twin', 1, 2)).portal.rows;
    const docs = await Promise.all(twins.map((r) => findSearchDoc(t.database.db, r.id)));
    expect(docs[0]).toBeGreaterThan(docs[1]!);
  });

  it('matches and ranks across blocks of search numbers, and keeps the containers when writes run at once', async () => {
    // Search numbers from 65,531 on: the new records straddle the first and second blocks.
    const ctx = t.systemCtx();
    await t.database.db
      .updateTable('result_search_counts')
      .set({ docs: 65_530 })
      .where('term', '=', LAST_DOC)
      .execute();
    const made = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        makeResult(
          ctx,
          technologyBody(i % 2 ? A : B, {
            titleEn: `chip battery block ${i}`,
            summaryEn: i % 3 ? 'Chip.' : 'A battery.',
            titleZh: '芯片电池',
            summaryZh: '测量。',
          }),
        ),
      ),
    );
    const docs = await Promise.all(made.map((r) => findSearchDoc(t.database.db, r.id)));
    expect(new Set(docs.map((d) => Math.floor(d! / 65_536)))).toEqual(new Set([0, 1]));
    await expectCountsKept();
    // Withdrawn and published again at once: each write moves its own doc in the same containers.
    await Promise.all(made.slice(0, 6).map((r) => changeResultState(ctx, r.id, 'withdraw')));
    await expectCountsKept();
    await Promise.all(made.slice(0, 6).map((r) => changeResultState(ctx, r.id, 'publish')));
    await expectCountsKept();
    // Edits at once that move a word between weights in the same containers, its documents unchanged (no
    // count moves, so nothing but the containers' own locks orders them).
    const prisms = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        makeResult(
          ctx,
          technologyBody(i % 2 ? A : B, {
            titleEn: `optics ${i}`,
            summaryEn: 'A prism.',
            titleZh: '棱镜',
            summaryZh: '测量。',
          }),
        ),
      ),
    );
    await Promise.all(prisms.map((r, i) => updateResult(ctx, r.id, { titleEn: `prism optics ${i}` })));
    await expectCountsKept();
    for (const q of ['chip battery', 'chip', 'battery block', '芯片'])
      for (const [page, pageSize] of [
        [1, 5],
        [2, 5],
        [3, 5],
        [1, 20],
      ] as const)
        await expectAsGeneral(q, page, pageSize);
  });
});
