import type { Kysely } from 'kysely';
import type { AttentionFilter, MatchKind } from '../../../common/needs.js';
import type { DB } from '../../db/schema.js';
import { write } from '../../db/write.js';
import { type Ctx, isoNow, newId, platformIdsWithRole } from '../../http/context.js';
import { AppError, forbidden, invalidField, notFound } from '../../http/errors.js';
import { fieldPaths } from '../fields/fields.lookup.js';
import { unitAuthorities } from '../units/units.service.js';
import { type Candidate, candidatesOf } from './needs.candidates.js';
import { MATCH_DEFAULTS, rankMatches } from './needs.matching.js';
import { tellEnterprise, tellProvider } from './needs.notify.js';
import { answersContact, isNeedsStaff, maySeeMatches, ownsNeed } from './needs.policy.js';
import {
  answerContact as answerContactRow,
  contactExists,
  contactsForProvider,
  contactsOfNeeds,
  findContact,
  findNeed,
  insertContact,
  type Need,
  type NeedContact,
  needsByIds,
  needsWhere,
} from './needs.repository.js';
import type { ContactAnswer, ContactView, MatchView } from './needs.schema.js';
import { actorOrgOf, readableNeed, viewsFor } from './needs.service.js';
import { contactViews, unitSides } from './needs.views.js';

/** Ranked matches of a need over the candidates (docs/needs.md "Scoring"). */
async function ranked(db: Kysely<DB>, need: Need, candidates: Candidate[], limit = MATCH_DEFAULTS.limit) {
  const paths = await fieldPaths(db);
  const needPaths = need.fieldIds.flatMap((id) => (paths.has(id) ? [paths.get(id)!] : []));
  return rankMatches(
    { id: need.id, title: need.title, problem: need.problem, fieldPaths: needPaths },
    candidates,
    { limit },
  );
}

/** The need's ranked matches with their reasons, for the enterprise and the platform's staff. */
export async function needMatches(ctx: Ctx, id: string, kind?: MatchKind): Promise<{ items: MatchView[] }> {
  const need = await readableNeed(ctx.db, ctx, id);
  if (!maySeeMatches(ctx.actor, need, await actorOrgOf(ctx.db, ctx))) throw forbidden();
  const candidates = await candidatesOf(ctx.db, need.platformId, kind);
  const byKey = new Map(candidates.map((c) => [`${c.kind}:${c.id}`, c]));
  const contacted = new Set(
    (await contactsOfNeeds(ctx.db, [need.id])).map((c) => `${c.targetKind}:${c.targetId}`),
  );
  const items = (await ranked(ctx.db, need, candidates)).map((m) => {
    const c = byKey.get(`${m.kind}:${m.id}`)!;
    return {
      kind: m.kind,
      id: m.id,
      nameZh: c.nameZh,
      nameEn: c.nameEn,
      text: c.text,
      score: m.score,
      reason: {
        needTerms: m.reason.needTerms,
        matchTerms: m.reason.matchTerms,
        fieldIds: c.fieldIds.filter((f) => need.fieldIds.includes(f)),
      },
      contacted: contacted.has(`${m.kind}:${m.id}`),
    };
  });
  return { items };
}

/**
 * The enterprise contacts one of its need's matches through the platform; the contact is addressed to
 * whoever answers for the match (its unit, the expert, or the tech-transfer officers); audited.
 */
export async function contactMatch(
  ctx: Ctx,
  needId: string,
  input: { kind: MatchKind; targetId: string; message: string },
): Promise<ContactView> {
  const contact = await write(
    ctx,
    async (trx, audit) => {
      const need = await readableNeed(trx, ctx, needId, true);
      if (!ownsNeed(ctx.actor, need, await actorOrgOf(trx, ctx))) throw forbidden();
      if (need.state !== 'open') throw new AppError(409, 'needs.not_open', { currentState: need.state });
      const candidates = await candidatesOf(trx, need.platformId, input.kind);
      // Only a current match may be contacted: the platform brokers what it matched, not arbitrary ids.
      const match = (await ranked(trx, need, candidates, 100)).find((m) => m.id === input.targetId);
      const c = match && candidates.find((x) => x.id === match.id);
      if (!c) throw invalidField('/targetId', 'needs.match_not_found');
      if (await contactExists(trx, need.id, input.kind, input.targetId))
        throw new AppError(409, 'needs.already_contacted');
      const row: NeedContact = {
        id: newId(),
        needId: need.id,
        platformId: need.platformId,
        targetKind: c.kind,
        targetId: c.id,
        unitId: c.unitId,
        providerUserId: c.providerUserId,
        targetLabel:
          c.nameZh && c.nameEn && c.nameZh !== c.nameEn ? `${c.nameZh} / ${c.nameEn}` : c.nameZh || c.nameEn,
        message: input.message,
        state: 'sent',
        declineReason: null,
        declineNote: null,
        sentBy: ctx.actor!.userId,
        sentAt: isoNow(ctx.clock),
        answeredBy: null,
        answeredAt: null,
      };
      await insertContact(trx, row);
      await tellProvider(trx, ctx, row, need.title);
      await audit({
        action: 'need.contact_sent',
        entityType: 'need_contact',
        entityId: row.id,
        platformId: row.platformId,
        after: { needId: need.id, targetKind: row.targetKind, targetId: row.targetId, state: row.state },
      });
      return row;
    },
    // Two clicks at once: the loser's rerun finds the first contact and answers 409.
    { retryOnUniqueViolation: true },
  );
  const need = (await findNeed(ctx.db, null, needId))!;
  return (await contactViews(ctx.db, ctx.actor, [contact], new Map([[need.id, need]])))[0]!;
}

/** The provider accepts or declines a contact; a decline needs a structured reason; audited. */
export async function answerContact(ctx: Ctx, id: string, input: ContactAnswer): Promise<ContactView> {
  if (input.to === 'declined' && !input.reason) throw invalidField('/reason', 'needs.decline_text_required');
  if (input.reason === 'other' && !input.note) throw invalidField('/note', 'needs.decline_text_required');
  const after = await write(ctx, async (trx, audit) => {
    const c = await findContact(trx, ctx.seam, id);
    if (!c) throw notFound('needs.contact_not_found');
    const unit = c.unitId ? ((await unitSides(trx, [c.unitId])).get(c.unitId) ?? null) : null;
    const answers = answersContact(ctx.actor, {
      platformId: c.platformId,
      unit,
      providerUserId: c.providerUserId,
    });
    if (!answers) {
      const need = await findNeed(trx, null, c.needId);
      const org = await actorOrgOf(trx, ctx);
      // The need's enterprise and staff know the contact exists; others learn nothing.
      if (need && (ownsNeed(ctx.actor, need, org) || isNeedsStaff(ctx.actor, need.platformId)))
        throw forbidden();
      throw notFound('needs.contact_not_found');
    }
    if (c.state !== 'sent') throw new AppError(409, 'needs.contact_answered', { currentState: c.state });
    const next: NeedContact = {
      ...c,
      state: input.to,
      declineReason: input.to === 'declined' ? input.reason! : null,
      declineNote: input.note ?? null,
      answeredBy: ctx.actor!.userId,
      answeredAt: isoNow(ctx.clock),
    };
    await answerContactRow(trx, id, next);
    await tellEnterprise(trx, ctx, next, (await findNeed(trx, null, c.needId))?.title ?? '');
    await audit({
      action: `need.contact_${input.to}`,
      entityType: 'need_contact',
      entityId: id,
      platformId: c.platformId,
      before: { state: c.state },
      after: { state: next.state, declineReason: next.declineReason },
      reason: next.declineNote,
    });
    return next;
  });
  const need = (await findNeed(ctx.db, null, after.needId))!;
  return (await contactViews(ctx.db, ctx.actor, [after], new Map([[need.id, need]])))[0]!;
}

/** Contacts addressed to the caller: its units' (as director or admin), its own (expert), its platform's. */
export async function receivedContacts(ctx: Ctx): Promise<{ items: ContactView[] }> {
  const actor = ctx.actor!;
  const platforms = [...new Set(actor.roles.map((r) => r.platformId))];
  const unitIds: string[] = [];
  for (const p of platforms)
    for (const u of await unitAuthorities(ctx.db, p))
      if (actor.isSystemAdmin || answersContact(actor, { platformId: p, unit: u, providerUserId: null }))
        unitIds.push(u.id);
  const officerPlatforms = platformIdsWithRole(actor, ['tech_transfer_officer', 'platform_admin']);
  const rows = await contactsForProvider(ctx.db, {
    unitIds,
    userId: actor.userId,
    platformIds: officerPlatforms,
  });
  const needs = await needsByIds(
    ctx.db,
    rows.map((r) => r.needId),
  );
  const byId = new Map(needs.map((n) => [n.id, n]));
  return { items: await contactViews(ctx.db, actor, rows, byId) };
}

/**
 * The officers' list (issue 14): open needs of the platform that want attention, with their best match
 * score, contact counts, decline reasons and flags: unmatched (nothing scores above the threshold),
 * uncontacted (matches but no contact), unanswered (contacts still waiting), declined (every contact declined).
 */
export async function needsAttention(ctx: Ctx, platformId: string, filter?: AttentionFilter) {
  if (!isNeedsStaff(ctx.actor, platformId)) throw forbidden();
  const needs = await needsWhere(ctx.db, { platformIds: [platformId], states: ['open'] });
  const contacts = await contactsOfNeeds(
    ctx.db,
    needs.map((n) => n.id),
  );
  const candidates = await candidatesOf(ctx.db, platformId);
  const views = new Map((await viewsFor(ctx, needs)).map((v) => [v.id, v]));
  const items = [];
  for (const n of needs) {
    const matches = await ranked(ctx.db, n, candidates);
    const mine = contacts.filter((c) => c.needId === n.id);
    const count = (s: NeedContact['state']) => mine.filter((c) => c.state === s).length;
    const flags: AttentionFilter[] = [];
    if (matches.length === 0) flags.push('unmatched');
    else if (mine.length === 0) flags.push('uncontacted');
    if (count('sent') > 0) flags.push('unanswered');
    if (mine.length > 0 && count('declined') === mine.length) flags.push('declined');
    if (filter ? !flags.includes(filter) : flags.length === 0) continue;
    items.push({
      need: views.get(n.id)!,
      bestScore: matches[0]?.score ?? 0,
      matches: matches.length,
      contacts: { sent: count('sent'), accepted: count('accepted'), declined: count('declined') },
      flags,
      declineReasons: [...new Set(mine.flatMap((c) => (c.declineReason ? [c.declineReason] : [])))],
    });
  }
  return { items };
}
