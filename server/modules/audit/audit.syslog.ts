import { createSocket } from 'node:dgram';
import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Checkpoint } from './audit.checkpoint.js';
import { type AuditHashLine, chainHead, hashLinesAfter } from './audit.repository.js';

/**
 * Audit entries sent to a separate system (ASVS 16.4.3, 等保 8.1.4.3 c): with AUDIT_SYSLOG=udp://host:port
 * the server sends each committed audit entry's hash line, and each checkpoint, as one RFC 5424 message
 * over UDP. The sender reads the chain after commit (it polls the entries past the last one sent), so a
 * rolled-back write is never sent and a write never waits for it or fails because of it; a send that
 * fails is counted and logged, and the entry is not sent again (the chain in the database and the
 * checkpoints stay the proof; syslog is the copy an administrator of the database cannot reach).
 */

/** Facility 13 "log audit" (RFC 5424 §6.2.1), severity 5 notice: PRI = 13 × 8 + 5. */
const PRI = 109;
/** The SD-ID's enterprise number is RFC 5612's, reserved for documentation: no number is registered. */
const SD_ID = 'commonlab@32473';
/** Entries per read; a burst larger than this is sent over several ticks. */
const BATCH = 500;

export function parseSyslogUrl(url: string): { host: string; port: number } {
  const m = /^udp:\/\/(\[[^\]]+\]|[^:/]+):(\d{1,5})\/?$/.exec(url);
  const port = Number(m?.[2]);
  if (!m || port < 1 || port > 65_535) throw new Error('AUDIT_SYSLOG must be udp://host:port');
  return { host: m[1]!.replace(/^\[|\]$/g, ''), port };
}

/** An SD-PARAM value with `"`, `\` and `]` escaped (RFC 5424 §6.3.3). */
const sdValue = (v: string) => v.replace(/["\\\]]/g, (c) => `\\${c}`);
const sd = (params: Record<string, string | number | null>) =>
  `[${SD_ID}${Object.entries(params)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => ` ${k}="${sdValue(String(v))}"`)
    .join('')}]`;
const header = (at: string, host: string, msgId: string) =>
  `<${PRI}>1 ${at} ${host} commonlab ${process.pid} ${msgId}`;

/** One audit entry as an RFC 5424 message: MSGID `audit`, the hash line in structured data. */
export function entryMessage(e: AuditHashLine, host: string): string {
  const data = sd({
    seq: e.seq,
    action: e.action,
    entity: e.entityId ? `${e.entityType}/${e.entityId}` : e.entityType,
    actor: e.actorLabel,
    prev: e.prevHash,
    hash: e.hash,
  });
  return `${header(e.at, host, 'audit')} ${data} audit entry ${e.seq} ${e.action}`;
}

/** One checkpoint as an RFC 5424 message: MSGID `checkpoint`, the signed head in structured data. */
export function checkpointMessage(c: Checkpoint, host: string): string {
  return `${header(c.at, host, 'checkpoint')} ${sd({ seq: c.seq, hash: c.hash, mac: c.mac })} audit checkpoint ${c.seq}`;
}

export interface AuditSyslog {
  /** Sends the entries committed since the last call; resolves to how many were handed to the socket. */
  pump(): Promise<number>;
  sendCheckpoint(c: Checkpoint): void;
  readonly stats: { sent: number; errors: number };
  stop(): Promise<void>;
}

/**
 * Starts the sender from the current chain head (the history before start-up is in the database and
 * anchored by the checkpoints), polling every `intervalMs` (0: only when `pump` is called, for tests).
 */
export async function startAuditSyslog(deps: {
  db: Kysely<DB>;
  url: string;
  log: Pick<FastifyBaseLogger, 'warn' | 'info'>;
  intervalMs?: number;
}): Promise<AuditSyslog> {
  const { host, port } = parseSyslogUrl(deps.url);
  const socket = createSocket(host.includes(':') ? 'udp6' : 'udp4');
  socket.unref();
  // An ICMP error or a closed socket must not crash the server: counted, logged, the next entry goes.
  socket.on('error', (err) => failed(err));
  const me = hostname() || '-';
  const stats = { sent: 0, errors: 0 };
  let last = (await chainHead(deps.db)).seq;
  let running: Promise<number> = Promise.resolve(0);
  let stopped = false;

  function failed(err: unknown) {
    stats.errors += 1;
    deps.log.warn({ err, errors: stats.errors }, 'audit syslog: a message could not be sent');
  }
  function send(message: string) {
    try {
      socket.send(Buffer.from(message, 'utf8'), port, host, (err) => {
        if (err) failed(err);
        else stats.sent += 1;
      });
    } catch (err) {
      failed(err);
    }
  }
  async function readAndSend(): Promise<number> {
    let n = 0;
    for (;;) {
      const lines = await hashLinesAfter(deps.db, last, BATCH);
      for (const e of lines) send(entryMessage(e, me));
      n += lines.length;
      if (lines.length) last = lines.at(-1)!.seq;
      if (lines.length < BATCH) return n;
    }
  }
  // One read at a time: a slow read and the next tick must not send an entry twice.
  const pump = () => {
    running = running.then(readAndSend, readAndSend).catch((err: unknown) => {
      failed(err);
      return 0;
    });
    return running;
  };
  const timer = deps.intervalMs ? setInterval(() => !stopped && void pump(), deps.intervalMs) : undefined;
  timer?.unref();
  deps.log.info({ host, port }, 'audit syslog: sending audit entries and checkpoints');
  return {
    pump,
    sendCheckpoint: (c) => send(checkpointMessage(c, me)),
    stats,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
      await pump();
      socket.close();
    },
  };
}
