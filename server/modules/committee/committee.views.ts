import { COMMITTEE_CATEGORIES, type CommitteeCategory } from '../../../common/platforms.js';
import { type Ctx, isoNow } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { fieldSummaries } from '../fields/fields.service.js';
import { organisationSummaries, personSummaries } from '../people/people.service.js';
import { platformOrNotFound } from '../platforms/platforms.service.js';
import { can } from './committee.policy.js';
import { fieldLinksOf, type Member, membersOfPlatform } from './committee.repository.js';
import type { Composition, MemberView } from './committee.schema.js';

export type { Member };
export const todayOf = (ctx: Pick<Ctx, 'clock'>) => isoNow(ctx.clock).slice(0, 10);
const serving = (r: Pick<Member, 'termStart' | 'termEnd'>, today: string) =>
  r.termStart <= today && (r.termEnd === null || r.termEnd >= today);

/** Members serving today, by category (public: the organisation chart and the comparison show it). */
export async function committeeComposition(
  ctx: Pick<Ctx, 'db' | 'clock'>,
  platformId: string,
): Promise<Composition> {
  const rows = await membersOfPlatform(ctx.db, platformId);
  const today = todayOf(ctx);
  const out = { academic: 0, lab: 0, industry: 0, total: 0 };
  for (const r of rows) {
    if (!serving(r, today) || !(COMMITTEE_CATEGORIES as readonly string[]).includes(r.category)) continue;
    out[r.category as CommitteeCategory]++;
    out.total++;
  }
  return out;
}

export async function memberViews(ctx: Pick<Ctx, 'db' | 'clock'>, rows: Member[]): Promise<MemberView[]> {
  if (rows.length === 0) return [];
  const people = await personSummaries(
    ctx.db,
    rows.map((r) => r.personId),
  );
  const orgs = await organisationSummaries(
    ctx.db,
    rows.map((r) => r.organisationId),
  );
  const links = await fieldLinksOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const fields = await fieldSummaries(
    ctx.db,
    links.map((l) => l.fieldId),
  );
  const today = todayOf(ctx);
  return rows.map((r) => {
    const p = people.find((x) => x.id === r.personId)!;
    return {
      id: r.id,
      platformId: r.platformId,
      person: { id: p.id, nameZh: p.nameZh, nameEn: p.nameEn, title: p.title },
      category: r.category as CommitteeCategory,
      organisation: (r.organisationId && orgs.get(r.organisationId)) || null,
      fields: [...fields.values()].filter((f) =>
        links.some((l) => l.memberId === r.id && l.fieldId === f.id),
      ),
      termStart: r.termStart,
      termEnd: r.termEnd,
      appointedBy: r.appointedBy,
      serving: serving(r, today),
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    };
  });
}

/** The evaluation committee of a platform with its composition (anyone with a role on the platform). */
export async function listCommittee(ctx: Ctx, platformId: string, q: { includeEnded: boolean }) {
  const platform = await platformOrNotFound(ctx.db, platformId);
  if (!can(ctx.actor, 'committee.read', platform)) throw forbidden();
  const today = todayOf(ctx);
  const rows = (await membersOfPlatform(ctx.db, platformId)).filter(
    (r) => q.includeEnded || r.termEnd === null || r.termEnd >= today,
  );
  const items = (await memberViews(ctx, rows)).sort(
    (a, b) =>
      COMMITTEE_CATEGORIES.indexOf(a.category) - COMMITTEE_CATEGORIES.indexOf(b.category) ||
      a.person.nameZh.localeCompare(b.person.nameZh),
  );
  return {
    platformId,
    appointerZh: platform.committeeAppointerZh,
    appointerEn: platform.committeeAppointerEn,
    composition: await committeeComposition(ctx, platformId),
    items,
    access: { canEdit: can(ctx.actor, 'committee.manage', platform) },
  };
}
