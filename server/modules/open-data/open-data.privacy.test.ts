import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../seed/demo.js';
import { DEMO_PASSWORD } from '../../seed/demo-users.js';
import { anonymous, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { commonGrantsAward } from './open-data.awards.js';
import { commonGrantsOpportunity } from './open-data.commongrants.js';
import { DATASETS } from './open-data.views.js';

let t: TestApp;

beforeAll(async () => {
  t = await setupTestApp({ env: { OPEN_DATA_RATE_LIMIT_PER_MINUTE: '100000' } });
  await seedDemo(t.systemCtx());
}, 180_000);
afterAll(() => t.close());

/** Every private value of the demo data that must never leave through open data (issue 15). */
async function privateValues(): Promise<Map<string, string>> {
  const db = t.database.db;
  const out = new Map<string, string>();
  const add = (what: string, rows: Array<Record<string, unknown>>) => {
    for (const r of rows)
      for (const v of Object.values(r))
        if (typeof v === 'string' && v.trim().length >= 6) out.set(v.trim(), what);
  };
  add(
    'title of an application not funded',
    (
      await sql<Record<string, unknown>>`select title_zh, title_en from applications
        where id not in (select application_id from projects where application_id is not null)`.execute(db)
    ).rows,
  );
  add(
    "a reviewer's name",
    (
      await sql<
        Record<string, unknown>
      >`select p.name_zh, p.name_en from experts e join people p on p.id = e.person_id`.execute(db)
    ).rows,
  );
  add(
    'a review comment',
    (await sql<Record<string, unknown>>`select comment from review_scores`.execute(db)).rows,
  );
  add(
    'a panel report',
    (await sql<Record<string, unknown>>`select report_zh, report_en from panel_reviews`.execute(db)).rows,
  );
  add('a contact', (await sql<Record<string, unknown>>`select email, phone from people`.execute(db)).rows);
  add(
    "an organisation's contact",
    (
      await sql<
        Record<string, unknown>
      >`select contact_name, contact_phone, contact_email, address from organisations`.execute(db)
    ).rows,
  );
  add(
    'an inquirer',
    (await sql<Record<string, unknown>>`select name, email, phone, message from inquiries`.execute(db)).rows,
  );
  add(
    'a draft call',
    (
      await sql<Record<string, unknown>>`select title_zh, title_en from calls where state = 'draft'`.execute(
        db,
      )
    ).rows,
  );
  add(
    'an internal or unpublished result',
    (
      await sql<Record<string, unknown>>`select title_zh, title_en from results
        where visibility <> 'public' or state <> 'published'`.execute(db)
    ).rows,
  );
  add('a user', (await sql<Record<string, unknown>>`select display_name, email from users`.execute(db)).rows);
  add('platform notes', (await sql<Record<string, unknown>>`select notes from platforms`.execute(db)).rows);
  return out;
}

describe('no private field ever leaves', () => {
  it('walks every open-data route and finds none of the demo data’s private values', async () => {
    const secrets = await privateValues();
    expect(secrets.size).toBeGreaterThan(50);
    const pub = anonymous(t.app);
    const bodies: string[] = [];
    for (const path of [...DATASETS, 'changes', 'commongrants/opportunities', 'commongrants/awards']) {
      let cursor: string | null = null;
      do {
        const param: string = path === 'changes' ? 'since' : 'cursor';
        const res = await pub.get(`/api/open/v1/${path}?limit=1000${cursor ? `&${param}=${cursor}` : ''}`);
        expect(res.statusCode).toBe(200);
        bodies.push(res.body);
        cursor = res.json().nextCursor;
      } while (cursor);
    }
    // …and every file of the bulk dump, unzipped (JSON Lines, CSV, dictionary, checksums, licence).
    const manifest = await pub.get('/api/open/v1/dumps');
    expect(manifest.statusCode).toBe(200);
    bodies.push(manifest.body);
    const files = manifest.json().files as Array<{ name: string }>;
    expect(files.length).toBeGreaterThan(2 * DATASETS.length);
    for (const f of files) {
      const res = await pub.get(`/api/open/v1/dumps/${f.name}`);
      expect(res.statusCode, f.name).toBe(200);
      const text = (f.name.endsWith('.gz') ? gunzipSync(res.rawPayload) : res.rawPayload).toString('utf8');
      // CSV doubles the quotes inside a quoted cell; undone here so a value is found as it was stored.
      bodies.push(f.name.endsWith('.csv.gz') ? text.replace(/""/g, '"') : text);
    }
    const all = bodies.join('\n');
    expect(all.length).toBeGreaterThan(10_000);
    // Searched as JSON escapes it (the API, JSON Lines) and as it is (a CSV cell holds the raw text).
    const leaks = [...secrets].filter(
      ([value]) => all.includes(JSON.stringify(value).slice(1, -1)) || all.includes(value),
    );
    expect(leaks).toEqual([]);
  });
});

describe('the same for everyone', () => {
  it('answers a signed-in officer and supervisor exactly what it answers the public, never more', async () => {
    const pub = anonymous(t.app);
    const staff = [
      await signIn(t.app, 'officer', DEMO_PASSWORD),
      await signIn(t.app, 'supervisor', DEMO_PASSWORD),
    ];
    for (const path of [...DATASETS, 'changes', 'commongrants/opportunities', 'commongrants/awards']) {
      const url = `/api/open/v1/${path}?limit=1000`;
      const expected = await pub.get(url);
      expect(expected.statusCode, url).toBe(200);
      expect(expected.json().items.length, url).toBeGreaterThan(0);
      for (const client of staff) {
        const res = await client.get(url);
        expect(res.statusCode, url).toBe(200);
        expect(res.body, url).toBe(expected.body);
        expect(res.headers.etag, url).toBe(expected.headers.etag);
      }
    }
  });
});

describe('the CommonGrants export', () => {
  it('answers every public call as a CommonGrants opportunity that parses with the protocol schema', async () => {
    const pub = anonymous(t.app);
    const calls = (await pub.get('/api/open/v1/calls?limit=1000')).json().items as Array<
      Record<string, unknown>
    >;
    const res = await pub.get('/api/open/v1/commongrants/opportunities?limit=1000');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.licence.id).toBe('CC-BY-4.0');
    expect(body.items.map((o: { id: string }) => o.id)).toEqual(calls.map((c) => c.id));
    for (const o of body.items) commonGrantsOpportunity.parse(o);
    // The demo opens one ATP call a week ago (open) and another four months ago (closed since).
    const values = new Set(body.items.map((o: { status: { value: string } }) => o.status.value));
    expect(values).toEqual(new Set(['open', 'closed']));
    const c = calls[0]!;
    const o = body.items[0];
    expect(o.title).toBe(c.titleEn);
    expect(o.funding.totalAmountAvailable).toEqual({
      amount: ((c.budgetTotalMinor as number) / 100).toFixed(2),
      currency: c.currency,
    });
    expect(o.keyDates.closeDate).toMatchObject({
      eventType: 'singleDate',
      date: (c.closesAt as string).slice(0, 10),
    });
    expect(o.customFields.titleZh.value).toBe(c.titleZh);
  });

  it('is refused by the protocol schema when a status is not one of its values', () => {
    const sample = {
      id: '01937a8e-0000-7000-8000-0000000000c1',
      title: 'x',
      status: { value: 'archived' },
      description: 'x',
      createdAt: '2026-01-01T00:00:00.000Z',
      lastModifiedAt: '2026-01-01T00:00:00.000Z',
    };
    expect(commonGrantsOpportunity.safeParse(sample).success).toBe(false);
    expect(
      commonGrantsOpportunity.safeParse({ ...sample, status: { value: 'custom', customValue: 'archived' } })
        .success,
    ).toBe(true);
  });
});

describe('CommonGrants awards', () => {
  it('answers every funded project as an award that parses with the protocol schema, amounts and members kept', async () => {
    const pub = anonymous(t.app);
    const projects = (await pub.get('/api/open/v1/projects?limit=1000')).json().items as Array<{
      id: string;
      titleEn: string;
      titleZh: string;
      budgetMinor: number;
      currency: string;
      startsOn: string;
      endsOn: string;
      state: string;
      leadOrganisation: { id: string } | null;
      consortium: Array<{ organisation: { id: string }; fundedMinor: number }>;
    }>;
    expect(projects.length).toBeGreaterThan(0);
    const res = await pub.get('/api/open/v1/commongrants/awards?limit=1000');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.licence.id).toBe('CC-BY-4.0');
    expect(body.items.map((a: { id: string }) => a.id)).toEqual(projects.map((p) => p.id));
    for (const a of body.items) commonGrantsAward.parse(a);
    for (const [i, p] of projects.entries()) {
      const a = body.items[i];
      expect(a.title).toBe(p.titleEn || p.titleZh);
      expect(a.funding.awardedAmount).toEqual({
        amount: (p.budgetMinor / 100).toFixed(2),
        currency: p.currency,
      });
      expect(a.keyDates.periodOfPerformance).toMatchObject({ startDate: p.startsOn, endDate: p.endsOn });
      expect(a.customFields.titleZh.value).toBe(p.titleZh);
      // Every consortium member is a recipient organisation, the lead the primary one.
      const recipients = a.recipientOrganizations
        ? [
            a.recipientOrganizations.primary.id,
            ...Object.values(a.recipientOrganizations.otherOrgs ?? {}).map((o) => (o as { id: string }).id),
          ]
        : [];
      const members = new Set([
        ...(p.leadOrganisation ? [p.leadOrganisation.id] : []),
        ...p.consortium.map((m) => m.organisation.id),
      ]);
      expect(new Set(recipients)).toEqual(members);
      if (p.leadOrganisation) expect(a.recipientOrganizations.primary.id).toBe(p.leadOrganisation.id);
      expect(a.customFields.consortium.value.map((m: { funded: string }) => m.funded)).toEqual(
        p.consortium.map((m) => (m.fundedMinor / 100).toFixed(2)),
      );
      expect(a.status.value).toBe(
        ['closed', 'evaluated'].includes(p.state)
          ? 'completed'
          : p.state === 'terminated'
            ? 'cancelled'
            : p.state === 'suspended'
              ? 'custom'
              : 'awarded',
      );
    }
    // Conditional requests as on the datasets: the same ETag answers 304.
    const again = await pub.request({
      method: 'GET',
      url: '/api/open/v1/commongrants/awards?limit=1000',
      headers: { 'if-none-match': res.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
  });

  it('is refused by the protocol schema for a status outside its values or an extra money property', () => {
    const sample = {
      id: '01937a8e-0000-7000-8000-0000000000d1',
      title: 'x',
      description: 'x',
      status: { value: 'awarded' },
      createdAt: '2026-01-01T00:00:00.000Z',
      lastModifiedAt: '2026-01-01T00:00:00.000Z',
    };
    expect(commonGrantsAward.safeParse(sample).success).toBe(true);
    expect(commonGrantsAward.safeParse({ ...sample, status: { value: 'funded' } }).success).toBe(false);
    expect(
      commonGrantsAward.safeParse({
        ...sample,
        funding: { awardedAmount: { amount: '1.00', currency: 'USD', minor: 100 } },
      }).success,
    ).toBe(false);
  });
});

describe('anonymous rate limits', () => {
  it('answer 429 problem+json past the limit per client, with RateLimit and RateLimit-Policy', async () => {
    const small = await setupTestApp({ env: { OPEN_DATA_RATE_LIMIT_PER_MINUTE: '2' } });
    try {
      const a = anonymous(small.app);
      const first = await a.get('/api/open/v1/fields');
      expect(first.statusCode).toBe(200);
      expect(first.headers['ratelimit-policy']).toBe('"open";q=2;w=60');
      expect(first.headers.ratelimit).toMatch(/^"open";r=1;t=\d+$/);
      expect((await a.get('/api/open/v1/calls')).statusCode).toBe(200);
      const third = await a.get('/api/open/v1/changes');
      expect(third.statusCode).toBe(429);
      expect(third.headers['content-type']).toContain('application/problem+json');
      expect(third.json().code).toBe('request.rate_limited');
      expect(third.headers.ratelimit).toMatch(/^"open";r=0;t=\d+$/);
      expect(third.headers['retry-after']).toBeDefined();
      // the limit is per window: the next minute answers again
      small.clock.advance(60_000);
      expect((await a.get('/api/open/v1/fields')).statusCode).toBe(200);
    } finally {
      await small.close();
    }
  });
});
