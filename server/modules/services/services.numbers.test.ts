import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as m0068 from '../../db/migrations/0068_service_request_numbers.js';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildOrganisation, buildPerson, buildUnit } from '../../test/platform-factories.js';
import { buildPublishedService } from './services.fixtures.js';
import { setServiceState } from './services.service.js';

/**
 * Service request numbers (migration 0068): SR-<year>-<five digits>, per platform and calendar year
 * (UTC), gapless even when requests race or one is refused, shown wherever a request is named.
 */
let t: TestApp;
let A: string;
let serviceA: string;
let serviceB: string;
let retired: string;
let sme: Client;
let smeName: string;
let director: Client;

const ask = (c: Client, service: string, description = '材料成分检测') =>
  c.post(`/api/services/${service}/requests`, { description, quantity: 1 });
const numbersOf = async (platformId: string) =>
  (
    await t.database.db
      .selectFrom('service_requests')
      .select('number')
      .where('platform_id', '=', platformId)
      .orderBy('number')
      .execute()
  ).map((r) => r.number);

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx)).id;
  const B = (await buildPlatform(ctx)).id;
  const dir = await buildUser(ctx, { roles: ['lab_director'], platformId: A });
  const dirPerson = await buildPerson(ctx, { userId: dir.id });
  const unitA = (await buildUnit(ctx, { platformId: A, directorPersonId: dirPerson.id })).id;
  const unitB = (await buildUnit(ctx, { platformId: B })).id;
  serviceA = (await buildPublishedService(ctx, A, unitA)).id;
  serviceB = (await buildPublishedService(ctx, B, unitB)).id;
  retired = (await setServiceState(ctx, (await buildPublishedService(ctx, A, unitA)).id, 'retired')).id;
  const org = await buildOrganisation(ctx, { nameZh: '临沂某检测设备有限公司' });
  const u = await buildUser(ctx, { roles: ['enterprise_user'], platformId: A });
  await buildPerson(ctx, { userId: u.id, organisationId: org.id });
  const onB = await buildUser(ctx, { roles: ['enterprise_user'], platformId: B });
  smeName = u.username;
  sme = await signIn(t.app, smeName);
  director = await signIn(t.app, dir.username);
  t.clock.set('2026-06-01T08:00:00.000Z');
  const first = await ask(sme, serviceA);
  expect(first.statusCode, first.body).toBe(201);
  // Another platform counts on its own.
  const other = await ask(await signIn(t.app, onB.username), serviceB);
  expect(other.statusCode, other.body).toBe(201);
});
afterAll(() => t.close());

describe('service request numbers', () => {
  it('counts per platform from 1, and the request, the list and the export show the number', async () => {
    const second = await ask(sme, serviceA, 'SECOND');
    expect(second.json().number).toBe('SR-2026-00002');
    expect((await sme.get(`/api/service-requests/${second.json().id}`)).json().number).toBe('SR-2026-00002');
    const list = (await director.get(`/api/service-requests?platformId=${A}&view=unit`)).json();
    expect(list.items.map((r: { number: string }) => r.number).sort()).toEqual([
      'SR-2026-00001',
      'SR-2026-00002',
    ]);
    const res = await director.get(`/api/service-requests/export.xlsx?platformId=${A}&view=unit&lang=zh-CN`);
    expect(res.statusCode, res.body).toBe(200);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = book.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]![1]).toBe('申请编号');
    expect(
      rows
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual(['SR-2026-00001', 'SR-2026-00002']);
  });

  it('leaves no gap when requests race or one is refused, and starts again at 1 in a new year', async () => {
    const before = (await numbersOf(A)).length;
    const raced = await Promise.all(Array.from({ length: 8 }, (_, i) => ask(sme, serviceA, `RACE ${i}`)));
    for (const r of raced) expect(r.statusCode, r.body).toBe(201);
    // A request the rules refuse inside the transaction (a retired service) takes no number.
    const refused = await ask(sme, retired);
    expect(refused.statusCode, refused.body).toBe(409);
    const after = await ask(sme, serviceA, 'AFTER');
    const expected = Array.from(
      { length: before + 9 },
      (_, i) => `SR-2026-${String(i + 1).padStart(5, '0')}`,
    );
    expect(await numbersOf(A)).toEqual(expected);
    expect(after.json().number).toBe(expected.at(-1));

    t.clock.set('2027-01-01T00:00:00.000Z');
    // Signed in again: the move of the clock ended the session.
    const newYear = await ask(await signIn(t.app, smeName), serviceA, 'NEW YEAR');
    expect(newYear.statusCode, newYear.body).toBe(201);
    expect(newYear.json().number).toBe('SR-2027-00001');
    const counters = await t.database.db
      .selectFrom('service_request_counters')
      .select(['year', 'last_seq'])
      .where('platform_id', '=', A)
      .orderBy('year')
      .execute();
    expect(counters.map((c) => [Number(c.year), Number(c.last_seq)])).toEqual([
      [2026, before + 9],
      [2027, 1],
    ]);
  });

  it('refuses a second request with a number already taken on the platform (the unique key holds)', async () => {
    const taken = (await numbersOf(A))[0]!;
    const row = await t.database.db
      .selectFrom('service_requests')
      .selectAll()
      .where('platform_id', '=', A)
      .where('number', '!=', taken)
      .executeTakeFirstOrThrow();
    await expect(
      t.database.db.updateTable('service_requests').set({ number: taken }).where('id', '=', row.id).execute(),
    ).rejects.toThrow();
  });
});

describe('migration 0068 on a database that already holds requests', () => {
  it('numbers them per platform and year in the order they were made, and the counters go on from there', async () => {
    const ctx = t.systemCtx();
    const C = (await buildPlatform(ctx)).id;
    const unit = (await buildUnit(ctx, { platformId: C })).id;
    const service = (await buildPublishedService(ctx, C, unit)).id;
    const u = await buildUser(ctx, { roles: ['enterprise_user'], platformId: C });
    t.clock.set('2027-03-01T08:00:00.000Z');
    const asker = await signIn(t.app, u.username);
    const made = [];
    for (const d of ['FIRST', 'SECOND', 'THIRD'])
      made.push((await ask(asker, service, d)).json().id as string);
    await m0068.down(t.database.db as never);
    // Made earlier than they were numbered: the second in 2026, the third before the first.
    const at = { [made[0]!]: '2027-02-02T00:00:00.000Z', [made[1]!]: '2026-11-30T23:00:00.000Z' };
    at[made[2]!] = '2027-01-15T00:00:00.000Z';
    for (const [id, createdAt] of Object.entries(at))
      await t.database.db
        .updateTable('service_requests')
        .set({ created_at: createdAt })
        .where('id', '=', id)
        .execute();
    await m0068.up(t.database.db as never);
    const numbers = await t.database.db
      .selectFrom('service_requests')
      .select(['id', 'number'])
      .where('platform_id', '=', C)
      .execute();
    expect(Object.fromEntries(numbers.map((r) => [r.id, r.number]))).toEqual({
      [made[1]!]: 'SR-2026-00001',
      [made[2]!]: 'SR-2027-00001',
      [made[0]!]: 'SR-2027-00002',
    });
    expect((await ask(await signIn(t.app, u.username), service, 'AFTER')).json().number).toBe(
      'SR-2027-00003',
    );
  });
});
