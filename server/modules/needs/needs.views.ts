import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../../http/context.js';
import { organisationNames } from '../orgs/orgs.lookup.js';
import { unitAuthority } from '../units/units.service.js';
import { answersContact, isNeedsStaff, maySeeMatches, ownsNeed } from './needs.policy.js';
import type { Need, NeedContact } from './needs.repository.js';
import type { ContactView, NeedView } from './needs.schema.js';

/** Units' platform and director, read once per unit for the contacts of a page. */
export async function unitSides(db: Kysely<DB>, ids: readonly (string | null)[]) {
  const out = new Map<string, { platformId: string; directorUserId: string | null }>();
  for (const id of new Set(ids)) {
    if (!id) continue;
    const u = await unitAuthority(db, id);
    if (u) out.set(id, { platformId: u.platformId, directorUserId: u.directorUserId });
  }
  return out;
}

/** Views of contacts for the caller, with whether they may answer each. */
export async function contactViews(
  db: Kysely<DB>,
  actor: Actor,
  contacts: readonly NeedContact[],
  needs: ReadonlyMap<string, Need>,
): Promise<ContactView[]> {
  const units = await unitSides(
    db,
    contacts.map((c) => c.unitId),
  );
  return contacts.map((c) => ({
    id: c.id,
    needId: c.needId,
    needTitle: needs.get(c.needId)?.title ?? '',
    needProblem: needs.get(c.needId)?.problem ?? '',
    targetKind: c.targetKind,
    targetId: c.targetId,
    targetLabel: c.targetLabel,
    message: c.message,
    state: c.state,
    declineReason: c.declineReason,
    declineNote: c.declineNote,
    sentAt: c.sentAt,
    answeredAt: c.answeredAt,
    mayAnswer:
      c.state === 'sent' &&
      answersContact(actor, {
        platformId: c.platformId,
        unit: c.unitId ? (units.get(c.unitId) ?? null) : null,
        providerUserId: c.providerUserId,
      }),
  }));
}

/**
 * Views of needs for the caller: the enterprise's name and the contacts only to the enterprise itself
 * and the platform's staff (a public need on the portal does not say who posted it).
 */
export async function needViews(
  db: Kysely<DB>,
  actor: Actor,
  actorOrg: string | null,
  needs: readonly Need[],
  contacts: readonly NeedContact[],
): Promise<NeedView[]> {
  const orgs = await organisationNames(
    db,
    needs.map((n) => n.organisationId),
  );
  const byId = new Map(needs.map((n) => [n.id, n]));
  const cv = await contactViews(db, actor, contacts, byId);
  return needs.map((n) => {
    const own = ownsNeed(actor, n, actorOrg);
    const insider = own || isNeedsStaff(actor, n.platformId);
    const o = orgs.get(n.organisationId);
    return {
      id: n.id,
      platformId: n.platformId,
      organisation: insider && o ? o : null,
      title: n.title,
      problem: n.problem,
      language: n.language,
      fieldIds: n.fieldIds,
      budgetMinor: n.budgetMinor,
      currency: n.currency,
      deadline: n.deadline,
      visibility: n.visibility,
      state: n.state,
      closeNote: n.closeNote,
      createdAt: n.createdAt,
      updatedAt: n.updatedAt,
      contacts: insider ? cv.filter((c) => c.needId === n.id) : [],
      access: { edit: own && n.state === 'open', matches: maySeeMatches(actor, n, actorOrg) },
    };
  });
}
