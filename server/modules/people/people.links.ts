import type { Kysely } from 'kysely';
import { appendAudit } from '../../db/audit-chain.js';
import type { DB } from '../../db/schema.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow, newId } from '../../http/context.js';
import { AppError, forbidden, invalidField, notFound, unauthorized } from '../../http/errors.js';
import { notify } from '../notifications/notifications.service.js';
import { organisationNames } from '../orgs/orgs.lookup.js';
import { findAccountById } from '../users/users.accounts.js';
import {
  answerRequest,
  findRequestTo,
  insertLinkRequest,
  type LinkRequest,
  pendingRequestExists,
  pendingRequestsTo,
  supersedePendingRequests,
} from './people.links.repository.js';
import { expertHistory, placements } from './people.placements.js';
import { can, type PersonResource } from './people.policy.js';
import { findPersonRow, type Person, personRowOfUser, setPersonAccount } from './people.repository.js';
import type { LinkRequestView, MyLinkRequest } from './people.schema.js';

/**
 * Links between person records and user accounts (docs/adr/0013-curating-shared-records.md). An
 * account linked to a person acts as that person: a lab director on their unit, an expert on their
 * seats. So a link is made by a system admin, or proposed by a platform admin who keeps the record and
 * accepted by the account's owner; a link that would carry an expert's reviews to another account is
 * refused short of a system admin's explicit moveHistory.
 */
type Row = Person;

const conflict = (code: 'people.link_has_history' | 'people.user_already_linked', extra = {}) =>
  new AppError(409, code, {
    ...extra,
    errors: [{ in: 'body', pointer: '/userId', code, message: '' }],
  });

/** The person as the policy sees it. */
export async function personResource(db: Kysely<DB>, row: Row): Promise<PersonResource> {
  const p = (await placements(db, [row.id])).get(row.id)!;
  return { ...p, userId: row.userId };
}

/** The account exists and is linked to no other person. */
export async function assertUserLinkable(
  db: Kysely<DB>,
  userId: string | null | undefined,
  pointer: string,
  selfId?: string,
) {
  if (!userId) return;
  if (!(await findAccountById(db, userId))) throw invalidField(pointer, 'people.unknown_user');
  const other = await personRowOfUser(db, userId);
  if (other && other.id !== selfId) {
    throw new AppError(409, 'people.user_already_linked', {
      errors: [{ in: 'body', pointer, code: 'people.user_already_linked', message: '' }],
    });
  }
}

/** Refuses a direct link, unlink or relink by anyone but a system admin (403 people.link_needs_consent). */
export function assertMayLinkDirectly(ctx: Ctx, resource: PersonResource, pointer = '/userId') {
  if (can(ctx.actor, 'people.link_account', resource)) return;
  throw new AppError(403, 'people.link_needs_consent', {
    errors: [{ in: 'body', pointer, code: 'people.link_needs_consent', message: '' }],
  });
}

/**
 * Checks a system admin's change of a person's account (inside the caller's transaction): the new
 * account must be free, and an expert's seats and scorecards move only when moveHistory says so.
 */
export async function checkLinkChange(
  trx: Kysely<DB>,
  ctx: Ctx,
  before: Row,
  resource: PersonResource,
  userId: string | null,
  moveHistory: boolean,
) {
  assertMayLinkDirectly(ctx, resource);
  if (before.userId !== null) {
    const history = await expertHistory(trx, before.id);
    if ((history.seats > 0 || history.scorecards > 0) && !moveHistory)
      throw conflict('people.link_has_history', { history });
  }
  await assertUserLinkable(trx, userId, '/userId', before.id);
}

/**
 * Records a change of account in the audit trail and tells both accounts, inside the caller's
 * transaction; pending proposals for the person are superseded once it has an account.
 */
export async function recordLinkChange(
  trx: Kysely<DB>,
  ctx: Ctx,
  person: Row,
  from: string | null,
  to: string | null,
  extra: Record<string, unknown> = {},
) {
  const params = { personNameZh: person.nameZh, personNameEn: person.nameEn ?? person.nameZh };
  // Links made from the command line set up the deployment (the demo seed links every demo account):
  // audited, but nobody is told of their own account's first set-up.
  const tell = ctx.actor?.via !== 'cli';
  if (from) {
    await appendAudit(trx, ctx.seam, ctx, {
      action: 'person.unlinked',
      entityType: 'person',
      entityId: person.id,
      before: { userId: from },
      after: { userId: to, ...extra },
    });
    if (tell)
      await notify(trx, ctx, {
        userIds: [from],
        kind: 'person.unlinked',
        platformId: null,
        entityType: 'person',
        entityId: person.id,
        params,
      });
  }
  if (to) {
    await appendAudit(trx, ctx.seam, ctx, {
      action: 'person.linked',
      entityType: 'person',
      entityId: person.id,
      before: { userId: from },
      after: { userId: to, ...extra },
    });
    if (tell)
      await notify(trx, ctx, {
        userIds: [to],
        kind: 'person.linked',
        platformId: null,
        entityType: 'person',
        entityId: person.id,
        params,
      });
    await supersedePendingRequests(trx, person.id, to, isoNow(ctx.clock));
  }
}

const requestView = ({ requestedBy: _by, ...r }: LinkRequest): LinkRequestView => ({
  ...r,
  state: r.state as LinkRequestView['state'],
});

/** Proposes linking a person without an account to an account; its owner accepts or declines. */
export async function proposeLink(ctx: Ctx, personId: string, userId: string): Promise<LinkRequestView> {
  if (!ctx.actor) throw unauthorized();
  return write(ctx, async (trx, audit) => {
    const row = await findPersonRow(trx, personId);
    if (!row) throw notFound('people.not_found');
    const resource = await personResource(trx, row);
    if (!can(ctx.actor, 'people.read', resource)) throw notFound('people.not_found');
    if (!can(ctx.actor, 'people.update', resource)) throw forbidden();
    if (row.userId !== null) throw new AppError(409, 'people.already_linked');
    await assertUserLinkable(trx, userId, '/userId');
    if (await pendingRequestExists(trx, personId, userId))
      throw new AppError(409, 'people.link_already_proposed');
    const request: LinkRequest = {
      id: newId(),
      personId,
      userId,
      state: 'pending',
      requestedBy: ctx.actor!.userId || null,
      requestedAt: isoNow(ctx.clock),
      answeredAt: null,
    };
    await insertLinkRequest(trx, request);
    await audit({
      action: 'person.link_proposed',
      entityType: 'person',
      entityId: personId,
      after: { userId, requestId: request.id },
    });
    await notify(trx, ctx, {
      userIds: [userId],
      kind: 'person.link_proposed',
      platformId: null,
      entityType: 'person_link',
      entityId: request.id,
      params: {
        personNameZh: row.nameZh,
        personNameEn: row.nameEn ?? row.nameZh,
        requestedBy: ctx.actor!.displayName,
      },
    });
    return requestView(request);
  });
}

/** The proposals awaiting the signed-in user's answer, with the person they would become. */
export async function listMyLinkRequests(ctx: Ctx): Promise<{ items: MyLinkRequest[] }> {
  if (!ctx.actor) throw unauthorized();
  const rows = await pendingRequestsTo(ctx.db, ctx.actor.userId);
  // A handful of proposals at most: their requesters' names are read one account at a time.
  const requesters = new Map<string, string>();
  for (const id of new Set(rows.flatMap((r) => (r.requestedBy ? [r.requestedBy] : [])))) {
    const account = await findAccountById(ctx.db, id);
    if (account) requesters.set(id, account.displayName);
  }
  const orgs = await organisationNames(
    ctx.db,
    rows.map((r) => r.organisationId),
  );
  return {
    items: rows.map(({ id, requestedAt, requestedBy, personId, organisationId, ...person }) => ({
      id,
      requestedAt,
      requestedBy: (requestedBy && requesters.get(requestedBy)) ?? null,
      person: { id: personId, ...person, organisation: (organisationId && orgs.get(organisationId)) || null },
    })),
  };
}

/** The account's owner accepts (the person is linked to them) or declines a proposal addressed to them. */
export async function answerLinkRequest(
  ctx: Ctx,
  id: string,
  answer: 'accept' | 'decline',
): Promise<LinkRequestView> {
  if (!ctx.actor) throw unauthorized();
  const me = ctx.actor.userId;
  return write(ctx, async (trx, audit) => {
    const request = await findRequestTo(trx, id, me);
    if (!request) throw notFound('people.link_request_not_found');
    if (request.state !== 'pending') throw new AppError(409, 'people.link_request_answered');
    const person = (await findPersonRow(trx, request.personId))!;
    const now = isoNow(ctx.clock);
    if (answer === 'decline') {
      await answerRequest(trx, id, 'declined', now);
      await audit({
        action: 'person.link_declined',
        entityType: 'person',
        entityId: person.id,
        after: { userId: me, requestId: id },
      });
      return requestView({ ...request, state: 'declined', answeredAt: now });
    }
    if (person.userId !== null) throw new AppError(409, 'people.already_linked');
    await assertUserLinkable(trx, me, '/userId');
    await setPersonAccount(trx, person.id, me, now);
    await answerRequest(trx, id, 'accepted', now);
    await recordLinkChange(trx, ctx, person, null, me, { requestId: id, requestedBy: request.requestedBy });
    return requestView({ ...request, state: 'accepted', answeredAt: now });
  });
}
