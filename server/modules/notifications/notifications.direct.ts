/**
 * E-mail that must not be stored: a message carrying a secret (a password-reset link) is sent straight to
 * the SMTP server instead of through the outbox, whose rows keep their params in the database. It is sent
 * after the request's answer, so the answer takes the same time whether a message was sent or not (no
 * account enumeration by timing), and it is not retried: the person asks again. Without SMTP_URL nothing
 * is sent and the log says so.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../../config.js';
import type { Ctx } from '../../http/context.js';
import { localeOf, render } from './notifications.templates.js';

const transports = new Map<string, Transporter>();
/** Messages being sent, per database, so a test can wait for them (settleDirectMail). */
const inFlight = new WeakMap<object, Set<Promise<void>>>();

function transportOf(config: Config): Transporter {
  const url = config.smtpUrl!;
  let t = transports.get(url);
  if (!t) {
    t = nodemailer.createTransport(url);
    transports.set(url, t);
  }
  return t;
}

/** Sends one message of `kind` to `to` in `locale` once the current tick's work is done; never throws. */
export function sendDirectMail(
  ctx: Ctx,
  msg: { to: string; locale: string; kind: string; params: Record<string, unknown> },
): void {
  if (!ctx.config.smtpUrl) {
    ctx.log.warn({ kind: msg.kind }, 'no SMTP_URL: an e-mail that carries a secret was not sent');
    return;
  }
  const text = render(msg.kind, msg.params, localeOf(msg.locale));
  const loc = localeOf(msg.locale);
  const footer =
    loc === 'zh-CN'
      ? '\n\n—— 共性技术服务平台（此邮件由系统自动发送）'
      : '\n\n— Commonlab (sent automatically)';
  const set = inFlight.get(ctx.db) ?? new Set<Promise<void>>();
  inFlight.set(ctx.db, set);
  const sending: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() =>
      transportOf(ctx.config).sendMail({
        from: ctx.config.smtpFrom,
        to: msg.to,
        subject: text.subject,
        text: `${text.body}${footer}`,
        headers: { 'Content-Language': loc },
      }),
    )
    .then(
      () => undefined,
      (err: unknown) => ctx.log.warn({ err, kind: msg.kind }, 'direct e-mail failed'),
    )
    .finally(() => set.delete(sending));
  set.add(sending);
}

/** Waits for every direct message of this database sent so far (tests). */
export async function settleDirectMail(db: object): Promise<void> {
  await Promise.all([...(inFlight.get(db) ?? [])]);
}
