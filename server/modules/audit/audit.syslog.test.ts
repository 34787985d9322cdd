import { createSocket, type Socket } from 'node:dgram';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.js';
import { type Client, setupTestApp, signIn, type TestApp } from '../../test/harness.js';
import { writeCheckpoint } from './audit.checkpoint.js';
import { type AuditSyslog, parseSyslogUrl, startAuditSyslog } from './audit.syslog.js';

/** A real UDP listener on 127.0.0.1 standing in for the syslog server (ASVS 16.4.3). */
let t: TestApp;
let admin: Client;
let listener: Socket;
let port: number;
const received: string[] = [];
let waiters: { n: number; done: () => void }[] = [];
const quiet = { warn: () => undefined, info: () => undefined };

/** Resolves once `n` messages have arrived in all (event-driven; the test's timeout bounds it). */
const arrived = (n: number) =>
  new Promise<void>((done) => {
    if (received.length >= n) done();
    else waiters.push({ n, done });
  });

beforeAll(async () => {
  t = await setupTestApp();
  await buildUser(t.systemCtx(), { username: 'syslog-admin', systemAdmin: true });
  admin = await signIn(t.app, 'syslog-admin');
  listener = createSocket('udp4');
  listener.on('message', (m) => {
    received.push(m.toString('utf8'));
    for (const w of waiters.filter((x) => received.length >= x.n)) w.done();
    waiters = waiters.filter((x) => received.length < x.n);
  });
  await new Promise<void>((done) => listener.bind(0, '127.0.0.1', done));
  port = listener.address().port;
});
afterAll(async () => {
  listener.close();
  await t.close();
});

const entryLine =
  /^<109>1 (\S+) (\S+) commonlab (\d+) audit \[commonlab@32473 seq="(\d+)" action="([^"]+)" entity="([^"]+)" actor="([^"]+)" prev="([0-9a-f]{64})" hash="([0-9a-f]{64})"\] audit entry \d+ \S+$/;

describe('audit entries sent to syslog (AUDIT_SYSLOG)', () => {
  let sink: AuditSyslog;

  it('sends each committed entry once, as one RFC 5424 message with its hash line, in chain order', async () => {
    sink = await startAuditSyslog({ db: t.database.db, url: `udp://127.0.0.1:${port}`, log: quiet });
    const before = received.length;
    for (const nameZh of ['审计外送一', '审计外送二', '审计外送三']) {
      const res = await admin.post('/api/orgs', { nameZh, type: 'other' });
      expect(res.statusCode, res.body).toBe(201);
    }
    const rows = await t.database.db
      .selectFrom('audit_log')
      .select(['seq', 'at', 'action', 'entity_id', 'prev_hash', 'hash'])
      .where('action', '=', 'organisation.created')
      .orderBy('seq')
      .execute();
    expect(await sink.pump()).toBe(rows.length);
    await arrived(before + rows.length);
    // A second pump finds nothing new: no entry is sent twice.
    expect(await sink.pump()).toBe(0);
    const lines = received.slice(before);
    expect(lines).toHaveLength(3);
    lines.forEach((line, i) => {
      const m = entryLine.exec(line);
      expect(m, line).not.toBeNull();
      const row = rows[i]!;
      expect(m![1]).toBe(row.at);
      expect(m![2]).toBe(hostname());
      expect(Number(m![4])).toBe(Number(row.seq));
      expect(m![5]).toBe('organisation.created');
      expect(m![6]).toBe(`organisation/${row.entity_id}`);
      expect(m![7]).toBe('syslog-admin');
      expect([m![8], m![9]]).toEqual([row.prev_hash, row.hash]);
    });
    expect(sink.stats).toEqual({ sent: 3, errors: 0 });
  });

  it('sends each checkpoint with its signature', async () => {
    const c = await writeCheckpoint(t.database.db, t.config, t.clock.now());
    const before = received.length;
    sink.sendCheckpoint(c);
    await arrived(before + 1);
    expect(received.at(-1)).toBe(
      `<109>1 ${c.at} ${hostname()} commonlab ${process.pid} checkpoint [commonlab@32473 seq="${c.seq}" hash="${c.hash}" mac="${c.mac}"] audit checkpoint ${c.seq}`,
    );
  });

  it('never fails a write: a message that cannot be sent is counted and the write stands', async () => {
    await sink.stop();
    const res = await admin.post('/api/orgs', { nameZh: '发送失败时照常写入', type: 'other' });
    expect(res.statusCode).toBe(201);
    const c = await writeCheckpoint(t.database.db, t.config, t.clock.now());
    sink.sendCheckpoint(c);
    expect(sink.stats.errors).toBe(1);
    expect((await admin.get(`/api/orgs/${res.json().id}`)).statusCode).toBe(200);
  });

  it('takes udp://host:port only', () => {
    expect(parseSyslogUrl('udp://127.0.0.1:514')).toEqual({ host: '127.0.0.1', port: 514 });
    expect(parseSyslogUrl('udp://[::1]:5514')).toEqual({ host: '::1', port: 5514 });
    for (const bad of ['tcp://h:514', 'udp://h', 'udp://h:0', 'udp://h:70000'])
      expect(() => parseSyslogUrl(bad)).toThrow('udp://host:port');
  });
});
