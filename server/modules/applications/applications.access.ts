import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Actor, Ctx } from '../../http/context.js';
import { forbidden, notFound } from '../../http/errors.js';
import { confirmedMemberUserIds, isConfirmedMember } from './applications.invitations.repository.js';
import { type ApplicationAction, can, isOfficer, type Relation } from './applications.policy.js';
import { type Application, loadApplication } from './applications.repository.js';

/**
 * The caller's relations to an application (one query for the member check). A draft is its
 * applicant's until submitted: officers, platform admins and system admins have no relation to it, so
 * it answers 404 by id as the list leaves it out (the same rule as `visible` in applications.repository.ts).
 */
export async function relationsOf(db: Kysely<DB>, actor: Actor, app: Application): Promise<Set<Relation>> {
  const out = new Set<Relation>();
  if (!actor) return out;
  if (app.state !== 'draft' && isOfficer(actor, app.platformId)) out.add('officer');
  if (actor.userId && app.ownerUserId === actor.userId) out.add('owner');
  if (actor.userId && !out.has('owner')) {
    const confirmed = await isConfirmedMember(db, app.id, actor.userId);
    if (confirmed) out.add('member');
  }
  return out;
}

/**
 * The application if the caller may do `action` on it: 404 when they may not even see it (no leak of
 * its existence), 403 when they see it but may not act. With `lock` the row is locked for the
 * transaction (PostgreSQL), so concurrent writes to one application take turns.
 */
export async function accessible(
  db: Kysely<DB>,
  ctx: Pick<Ctx, 'actor' | 'seam'>,
  id: string,
  action: ApplicationAction,
  opts: { lock?: boolean } = {},
): Promise<{ app: Application; relations: Set<Relation> }> {
  const app = await loadApplication(db, id, opts.lock ? ctx.seam : undefined);
  if (!app) throw notFound('applications.not_found');
  const relations = await relationsOf(db, ctx.actor, app);
  if (!can(relations, 'read')) throw notFound('applications.not_found');
  if (!can(relations, action)) throw forbidden();
  return { app, relations };
}

/** Users to tell about a change: the owner and the confirmed members' contacts with an account. */
export async function concernedUserIds(db: Kysely<DB>, app: Application): Promise<string[]> {
  const members = await confirmedMemberUserIds(db, app.id);
  return [...new Set([app.ownerUserId, ...members])];
}
