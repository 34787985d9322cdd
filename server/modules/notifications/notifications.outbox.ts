/**
 * The e-mail outbox: notifications recorded with email_state = pending are sent after their
 * transaction commits, by a pass that runs after any request that recorded one and on an interval.
 * A row is claimed with a conditional update (a lease in email_next_at), so two passes or two
 * processes never send it twice; a failure is recorded and retried with back-off, and after
 * MAX_ATTEMPTS the row is marked failed. Subject and body are written in the recipient's locale.
 */
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../../config.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../http/context.js';
import { contactsOf } from '../users/users.accounts.js';
import { claimEmail, dueEmails, recordEmailAttempt } from './notifications.repository.js';
import { linkPath, localeOf, render } from './notifications.templates.js';

export const MAX_ATTEMPTS = 5;
const BATCH = 50;
const LEASE_MS = 2 * 60_000;
const INTERVAL_MS = 30_000;
/** 1, 2, 4, 8 … minutes after the n-th failure. */
export const backoffMs = (attempts: number) => 60_000 * 2 ** Math.max(0, attempts - 1);

const outboxes = new WeakMap<object, Outbox>();

/** Asks the outbox of this database (if this process runs one) for a pass once the request ends. */
export function requestOutboxPass(db: object): void {
  const o = outboxes.get(db);
  if (o) o.dirty = true;
}

/** The outbox serving this database in this process (tests run passes through it). */
export const outboxFor = (db: object): Outbox | undefined => outboxes.get(db);

export interface PassResult {
  sent: number;
  failed: number;
}

export class Outbox {
  dirty = false;
  private running: Promise<PassResult> | null = null;
  private readonly transport: Transporter;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly config: Config,
    private readonly log: FastifyBaseLogger,
  ) {
    this.transport = nodemailer.createTransport(config.smtpUrl!);
  }

  /** One pass over the due rows; a pass asked for while one runs waits for it and then runs again. */
  async pass(): Promise<PassResult> {
    while (this.running) await this.running.catch(() => undefined);
    this.dirty = false;
    this.running = this.sendDue().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  async close(): Promise<void> {
    await this.running?.catch(() => undefined);
    this.transport.close();
  }

  private async sendDue(): Promise<PassResult> {
    const out = { sent: 0, failed: 0 };
    for (;;) {
      const now = this.clock.now();
      const nowIso = now.toISOString();
      const due = await dueEmails(this.db, nowIso, BATCH);
      const to = new Map(
        (await contactsOf(this.db, [...new Set(due.map((n) => n.userId))])).map((u) => [u.id, u]),
      );
      let claimedAny = false;
      for (const n of due) {
        const leaseUntil = new Date(now.getTime() + LEASE_MS).toISOString();
        if (!(await claimEmail(this.db, n, leaseUntil))) continue;
        claimedAny = true;
        const attempts = n.emailAttempts + 1;
        const user = to.get(n.userId);
        try {
          if (!user?.email) throw new Error('the recipient has no e-mail address');
          await this.send(user.email, user.locale, n.kind, n.params, n.entityType, n.entityId);
          await recordEmailAttempt(this.db, n.id, {
            state: 'sent',
            attempts,
            error: null,
            sentAt: this.clock.now().toISOString(),
            nextAt: null,
          });
          out.sent++;
        } catch (err) {
          const last = attempts >= MAX_ATTEMPTS;
          await recordEmailAttempt(this.db, n.id, {
            state: last ? 'failed' : 'pending',
            attempts,
            error: (err instanceof Error ? err.message : String(err)).slice(0, 500),
            nextAt: last ? null : new Date(now.getTime() + backoffMs(attempts)).toISOString(),
          });
          out.failed++;
          this.log.warn({ notificationId: n.id, attempts, err }, 'notification e-mail failed');
        }
      }
      if (due.length < BATCH || !claimedAny) return out;
    }
  }

  private async send(
    to: string,
    locale: string,
    kind: string,
    params: Record<string, unknown>,
    entityType: string,
    entityId: string | null,
  ) {
    const loc = localeOf(locale);
    const text = render(kind, params, loc);
    const path = linkPath(entityType, entityId);
    const link = path ? `\n\n${this.config.publicUrl}${path}` : '';
    const footer =
      loc === 'zh-CN'
        ? '\n\n—— 共性技术服务平台（此邮件由系统自动发送）'
        : '\n\n— Commonlab (sent automatically)';
    await this.transport.sendMail({
      from: this.config.smtpFrom,
      to,
      subject: text.subject,
      text: `${text.body}${link}${footer}`,
      headers: { 'Content-Language': loc },
    });
  }
}

/**
 * Runs the outbox in this process when SMTP_URL is set: a pass after each request that recorded a
 * notification, and one every 30 s for retries and for notifications recorded elsewhere (CLI).
 */
export const notificationsOutbox = fp(async (app: FastifyInstance) => {
  const { config, database, clock } = app.deps;
  if (!config.smtpUrl) return;
  const outbox = new Outbox(database.db, clock, config, app.log);
  outboxes.set(database.db, outbox);
  const run = () => {
    outbox.pass().catch((err) => app.log.error({ err }, 'notification outbox pass failed'));
  };
  app.addHook('onResponse', async () => {
    if (outbox.dirty) run();
  });
  const timer = setInterval(run, INTERVAL_MS);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    outboxes.delete(database.db);
    await outbox.close();
  });
});
