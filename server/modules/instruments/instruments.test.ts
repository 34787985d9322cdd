import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { anonymous, type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { buildOrganisation, buildPerson, buildUnit } from '../../test/platform-factories.js';
import { bookInstrument, decideBooking } from './instruments.bookings.js';
import { buildPublishedInstrument, instrumentInput } from './instruments.fixtures.js';

let t: TestApp;
let A: string;
let unitId: string;
let director: Client;
let sme: Client;
let colleague: Client;
let otherSme: Client;
let researcher: Client;
let visitor: Client;

const count = async (table: 'instrument_bookings' | 'instrument_slots' | 'instruments') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
/** The hour `h` of a fixed future day, as the API writes it. */
const at = (day: string, h: number) =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + h * 3_600_000).toISOString();
const book = (c: Client, id: string, day: string, from: number, to: number, purpose = '样品形貌表征') =>
  c.post(`/api/instruments/${id}/bookings`, { startsAt: at(day, from), endsAt: at(day, to), purpose });

beforeAll(async () => {
  t = await setupTestApp();
  const ctx = t.systemCtx();
  A = (await buildPlatform(ctx, { code: 'A' })).id;
  const dir = await buildUser(ctx, { username: 'dir', roles: ['lab_director'], platformId: A });
  unitId = (
    await buildUnit(ctx, { platformId: A, directorPersonId: (await buildPerson(ctx, { userId: dir.id })).id })
  ).id;
  const org = await buildOrganisation(ctx, { nameZh: '苏州某精密制造有限公司' });
  for (const name of ['sme', 'sme2']) {
    const u = await buildUser(ctx, { username: name, roles: ['enterprise_user'], platformId: A });
    await buildPerson(ctx, { userId: u.id, organisationId: org.id });
  }
  await buildUser(ctx, { username: 'other', roles: ['enterprise_user'], platformId: A });
  await buildUser(ctx, { username: 'res', roles: ['researcher'], platformId: A });
  director = await signIn(t.app, 'dir');
  sme = await signIn(t.app, 'sme');
  colleague = await signIn(t.app, 'sme2');
  otherSme = await signIn(t.app, 'other');
  researcher = await signIn(t.app, 'res');
  visitor = anonymous(t.app);
});
afterAll(() => t.close());

describe('instruments', () => {
  it('a unit director registers, publishes and retires; the public finds published ones in both languages', async () => {
    const res = await director.post(
      `/api/platforms/${A}/instruments`,
      instrumentInput(unitId, { nameZh: '冷中子三轴谱仪', nameEn: 'Cold neutron triple-axis spectrometer' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    expect(res.json()).toMatchObject({ state: 'draft', valueMinor: 2_500_000_000, maxBookingHours: 4 });
    expect((await visitor.get(`/api/public/instruments/${id}`)).statusCode).toBe(404);
    expect((await director.post(`/api/instruments/${id}/state`, { to: 'published' })).json().state).toBe(
      'published',
    );
    const zh = (
      await visitor.get(`/api/public/platforms/${A}/instruments?q=${encodeURIComponent('中子谱仪')}`)
    ).json();
    expect(zh.items.map((i: { id: string }) => i.id)).toEqual([id]);
    const en = (await visitor.get(`/api/public/platforms/${A}/instruments?q=neutrons`)).json();
    expect(en.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect((await visitor.get(`/api/public/platforms/${A}/instruments?q=microscope`)).json().total).toBe(0);
    expect((await director.post(`/api/instruments/${id}/state`, { to: 'retired' })).json().state).toBe(
      'retired',
    );
    const again = await director.post(`/api/instruments/${id}/state`, { to: 'published' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'instruments.illegal_state', currentState: 'retired' });
    // A retired instrument takes no booking; nothing written.
    const before = await count('instrument_bookings');
    const refused = await book(sme, id, '2031-03-03', 9, 10);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('instruments.not_bookable');
    expect(await count('instrument_bookings')).toBe(before);
  });

  it('refuses bad instruments with the field pointer and non-keepers with 403, nothing written', async () => {
    const before = await count('instruments');
    for (const [body, pointer] of [
      [instrumentInput(unitId, { valueMinor: -1 }), '/valueMinor'],
      [instrumentInput(unitId, { hourlyRateMinor: 10.5 }), '/hourlyRateMinor'],
      [instrumentInput(unitId, { openHour: 18, closeHour: 9 }), '/closeHour'],
      [instrumentInput(unitId, { enterpriseSharePercent: 120 }), '/enterpriseSharePercent'],
      [instrumentInput('01900000-0000-7000-8000-000000000000'), '/unitId'],
    ] as const) {
      const res = await director.post(`/api/platforms/${A}/instruments`, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    }
    expect((await sme.post(`/api/platforms/${A}/instruments`, instrumentInput(unitId))).statusCode).toBe(403);
    expect(await count('instruments')).toBe(before);
  });
});

describe('booking machine hours', () => {
  let id: string;
  const day = '2031-04-07';
  beforeAll(async () => {
    id = (await buildPublishedInstrument(t.systemCtx(), A, unitId)).id;
  });

  it('an enterprise books, the unit approves; the calendar shows the hours, who only to the sides', async () => {
    const res = await book(sme, id, day, 9, 11);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ state: 'requested', forEnterprise: true, priceMinor: 240_000 });
    const bookingId = res.json().id;
    // The colleague of the same organisation sees it among its own; the other enterprise does not.
    const mine = (await colleague.get(`/api/instrument-bookings?platformId=${A}&view=mine`)).json();
    expect(mine.items.map((b: { id: string }) => b.id)).toContain(bookingId);
    const theirs = (await otherSme.get(`/api/instrument-bookings?platformId=${A}&view=mine`)).json();
    expect(theirs.items.map((b: { id: string }) => b.id)).not.toContain(bookingId);
    // The enterprise may not approve its own booking (403); the other enterprise, which cannot see it,
    // is not told it exists (404), as with every object a caller may not read.
    expect(
      (await sme.post(`/api/instrument-bookings/${bookingId}/decision`, { action: 'approve' })).statusCode,
    ).toBe(403);
    expect(
      (await otherSme.post(`/api/instrument-bookings/${bookingId}/decision`, { action: 'cancel' }))
        .statusCode,
    ).toBe(404);
    const queue = (
      await director.get(`/api/instrument-bookings?platformId=${A}&view=unit&state=requested`)
    ).json();
    expect(queue.items.find((b: { id: string }) => b.id === bookingId).actions).toEqual([
      'approve',
      'reject',
    ]);
    const approved = await director.post(`/api/instrument-bookings/${bookingId}/decision`, {
      action: 'approve',
    });
    expect(approved.json().state).toBe('approved');
    const window = `from=${encodeURIComponent(at(day, 0))}&to=${encodeURIComponent(at(day, 24))}`;
    const pub = (await visitor.get(`/api/public/instruments/${id}/calendar?${window}`)).json();
    expect(pub.items).toEqual([
      expect.objectContaining({ startsAt: at(day, 9), endsAt: at(day, 11), bookerId: null, purpose: null }),
    ]);
    const own = (await colleague.get(`/api/instruments/${id}/calendar?${window}`)).json();
    expect(own.items[0]).toMatchObject({ purpose: '样品形貌表征', actions: ['cancel'] });
    // Cancelling frees the hours for someone else.
    expect(
      (await colleague.post(`/api/instrument-bookings/${bookingId}/decision`, { action: 'cancel' })).json()
        .state,
    ).toBe('cancelled');
    expect((await book(otherSme, id, day, 10, 11)).statusCode).toBe(201);
  });

  it('refuses hours outside the open hours, over capacity, off the hour or in maintenance, nothing written', async () => {
    const d = '2031-04-08';
    const block = await director.post(`/api/instruments/${id}/maintenance`, {
      startsAt: at(d, 12),
      endsAt: at(d, 14),
      purpose: '年度保养',
    });
    expect(block.statusCode, block.body).toBe(201);
    expect(block.json()).toMatchObject({ kind: 'maintenance', state: 'approved' });
    expect(
      (
        await sme.post(`/api/instruments/${id}/maintenance`, {
          startsAt: at(d, 8),
          endsAt: at(d, 9),
          purpose: 'x',
        })
      ).statusCode,
    ).toBe(403);
    const before = [await count('instrument_bookings'), await count('instrument_slots')];
    const cases: Array<[number, number, number, string, string]> = [
      [6, 9, 422, 'instruments.outside_hours', '/startsAt'],
      [19, 21, 422, 'instruments.outside_hours', '/startsAt'],
      [8, 13, 422, 'instruments.over_capacity', '/endsAt'],
      [11, 13, 409, 'instruments.in_maintenance', '/startsAt'],
    ];
    for (const [from, to, status, code, pointer] of cases) {
      const res = await book(sme, id, d, from, to);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe(code);
      expect(res.json().errors[0].pointer).toBe(pointer);
    }
    const offHour = await sme.post(`/api/instruments/${id}/bookings`, {
      startsAt: '2031-04-08T09:30:00.000Z',
      endsAt: at(d, 11),
      purpose: 'x',
    });
    expect(offHour.statusCode).toBe(400);
    expect(offHour.json().errors[0].pointer).toBe('/startsAt');
    const backwards = await book(sme, id, d, 10, 9);
    expect(backwards.json().errors[0].pointer).toBe('/endsAt');
    expect([await count('instrument_bookings'), await count('instrument_slots')]).toEqual(before);
    // The maintenance block's hours are named.
    expect((await book(sme, id, d, 11, 13)).json().slot).toBe(at(d, 12));
  });

  it("keeps the enterprises' share of each day: staff may hold only the rest", async () => {
    // Open 12 hours, 25 % kept for enterprises: staff may hold 9 hours a day.
    const d = '2031-04-09';
    for (const [from, to] of [
      [8, 12],
      [12, 16],
    ] as const)
      expect((await book(researcher, id, d, from, to)).statusCode).toBe(201);
    const over = await book(researcher, id, d, 16, 18);
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ code: 'instruments.enterprise_share', staffHoursLeft: 1 });
    expect((await book(researcher, id, d, 16, 17)).statusCode).toBe(201);
    // The enterprises' hours remain theirs.
    expect((await book(sme, id, d, 17, 20)).statusCode).toBe(201);
  });

  it('never double-books: of 20 concurrent overlapping requests exactly a non-overlapping set succeeds', async () => {
    const d = '2031-04-10';
    // Requests of 1–3 hours starting every half day-hour over 08:00–20:00, overlapping their neighbours.
    const asks = Array.from({ length: 20 }, (_, k) => {
      const from = 8 + (k % 11);
      return { from, to: Math.min(20, from + 1 + (k % 3)), who: k % 2 ? sme : otherSme };
    });
    const answers = await Promise.all(asks.map((a) => book(a.who, id, d, a.from, a.to)));
    const won = asks.filter((_, k) => answers[k]!.statusCode === 201);
    const lost = asks.filter((_, k) => answers[k]!.statusCode !== 201);
    for (const [k, res] of answers.entries())
      if (res.statusCode !== 201) {
        expect(res.statusCode, res.body).toBe(409);
        expect(res.json().code).toBe('instruments.slot_taken');
        // The slot named belongs to a request that won and overlaps the refused one.
        const slotHour = new Date(res.json().slot).getUTCHours();
        expect(slotHour).toBeGreaterThanOrEqual(asks[k]!.from);
        expect(slotHour).toBeLessThan(asks[k]!.to);
        expect(won.some((w) => w.from <= slotHour && slotHour < w.to)).toBe(true);
      }
    // The winners do not overlap, and every loser overlaps a winner (nothing was refused for nothing).
    const hours = won.flatMap((w) => Array.from({ length: w.to - w.from }, (_, h) => w.from + h));
    expect(new Set(hours).size).toBe(hours.length);
    for (const l of lost) expect(won.some((w) => w.from < l.to && l.from < w.to)).toBe(true);
    expect(won.length).toBeGreaterThan(0);
    expect(lost.length).toBeGreaterThan(0);
    const window = `from=${encodeURIComponent(at(d, 0))}&to=${encodeURIComponent(at(d, 24))}`;
    const cal = (await visitor.get(`/api/public/instruments/${id}/calendar?${window}`)).json();
    expect(cal.items).toHaveLength(won.length);
    const slots = await t.database.db
      .selectFrom('instrument_slots')
      .select('slot_start')
      .where('instrument_id', '=', id)
      .where('slot_start', '>=', at(d, 0))
      .where('slot_start', '<', at(d, 24))
      .execute();
    expect(slots.map((s) => new Date(s.slot_start).getUTCHours()).sort((a, b) => a - b)).toEqual(
      [...hours].sort((a, b) => a - b),
    );
  });

  it('blocks maintenance and decides a booking from the command line (an actor without an account)', async () => {
    const d = '2031-04-14';
    const ctx = t.systemCtx();
    // The command-line actor has no account: booked and decided by nobody, not by an empty user id.
    const block = await bookInstrument(
      ctx,
      id,
      { startsAt: at(d, 9), endsAt: at(d, 10), purpose: '校准' },
      'maintenance',
    );
    expect(block).toMatchObject({ kind: 'maintenance', state: 'approved' });
    const asked = await book(sme, id, d, 11, 12);
    expect(asked.statusCode, asked.body).toBe(201);
    expect((await decideBooking(ctx, asked.json().id, { action: 'approve' })).state).toBe('approved');
    const rows = await t.database.db
      .selectFrom('instrument_bookings')
      .select(['booker_id', 'decided_by'])
      .where('id', 'in', [block.id, asked.json().id])
      .execute();
    expect(rows.map((r) => r.decided_by)).toEqual([null, null]);
  });
});
