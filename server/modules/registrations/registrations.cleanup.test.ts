import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlatform, buildUser } from '../../test/factories.js';
import { setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { type SmtpSink, startSmtpSink } from '../../test/smtp-sink.js';
import { purgeCli, purgeStaleRegistrations } from './registrations.cleanup.js';
import { registrationKit } from './registrations.fixtures.js';

// Self-registration: the clean-up of registrations nobody will act on (docs/adr/0045 "Clean-up").
let t: TestApp;
let sink: SmtpSink;
let platformId: string;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await setupTestApp({
    env: { SMTP_URL: sink.url, PUBLIC_URL: 'https://lab.example.org/', LOGIN_CHALLENGE_DIFFICULTY: '2000' },
  });
  platformId = (await buildPlatform(t.systemCtx())).id;
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

const { form, register, rowsOf, verified } = registrationKit({
  t: () => t,
  sink: () => sink,
  platformId: () => platformId,
});
const DAY = 86_400_000;

describe('registration clean-up', () => {
  it('deletes unverified ones 30 days after their link expired and refused ones after 180 days, audited without secrets', async () => {
    const start = t.clock.now().getTime();
    const unverified = await form();
    expect((await register(unverified)).statusCode).toBe(204);
    const refused = await verified();
    const keeper = await signIn(
      t.app,
      (await buildUser(t.systemCtx(), { roles: ['platform_admin'], platformId })).username,
    );
    expect(
      (await keeper.post(`/api/registrations/${refused.id}/refuse`, { reason: '无法核实' })).statusCode,
    ).toBe(200);
    const pending = await verified();
    const approved = await verified();
    expect((await keeper.post(`/api/registrations/${approved.id}/approve`, {})).statusCode).toBe(200);
    t.clock.set(new Date(start + 20 * DAY).toISOString());
    const later = await form();
    expect((await register(later)).statusCode).toBe(204);
    const [hash] = (await rowsOf(unverified.email as string)).map((r) => r.password_hash);

    // 31 days and a link's life after the first: only the first unverified one is past keeping.
    t.clock.set(new Date(start + 32 * DAY).toISOString());
    const ctx = { ...t.systemCtx(), clock: t.clock };
    expect(await purgeStaleRegistrations(ctx, { dryRun: true })).toMatchObject({ unverified: 1, refused: 0 });
    expect(await rowsOf(unverified.email as string)).toHaveLength(1);
    expect(await purgeCli(ctx, {})).toContain('deleted 1 unverified registration(s)');
    expect(await rowsOf(unverified.email as string)).toHaveLength(0);
    expect(await rowsOf(later.email as string)).toHaveLength(1);
    expect(await rowsOf(refused.email)).toHaveLength(1);

    t.clock.set(new Date(start + 181 * DAY).toISOString());
    expect(await purgeStaleRegistrations(ctx)).toMatchObject({ unverified: 1, refused: 1 });
    expect(await purgeStaleRegistrations(ctx)).toMatchObject({ unverified: 0, refused: 0 });
    for (const e of [later.email as string, refused.email]) expect(await rowsOf(e)).toHaveLength(0);
    // The pending one waits for a decision and the approved one records how an account came to be.
    expect((await rowsOf(pending.email))[0]!.state).toBe('pending');
    expect((await rowsOf(approved.email))[0]!.state).toBe('approved');

    const entries = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'registration.purged')
      .execute();
    expect(entries.map((e) => JSON.parse(e.before_json!).state).sort()).toEqual([
      'refused',
      'unverified',
      'unverified',
    ]);
    expect(entries.every((e) => e.platform_id === platformId)).toBe(true);
    const written = JSON.stringify(entries);
    expect(hash).toBeTruthy();
    expect(written).not.toContain(hash!);
    expect(written).not.toContain(unverified.email as string);
    expect(written).not.toContain('password');
  });
});
