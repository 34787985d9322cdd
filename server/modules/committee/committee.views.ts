import type { Selectable } from 'kysely';
import { COMMITTEE_CATEGORIES, type CommitteeCategory } from '../../../common/platforms.js';
import type { CommitteeMembersTable } from '../../db/schema.js';
import { type Ctx, isoNow } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { fieldSummaries } from '../fields/fields.service.js';
import { organisationSummaries } from '../people/people.service.js';
import { platformOrNotFound } from '../platforms/platforms.service.js';
import { can } from './committee.policy.js';
import type { Composition, MemberView } from './committee.schema.js';

export type Row = Selectable<CommitteeMembersTable>;
export const todayOf = (ctx: Pick<Ctx, 'clock'>) => isoNow(ctx.clock).slice(0, 10);
const serving = (r: Pick<Row, 'term_start' | 'term_end'>, today: string) =>
  r.term_start <= today && (r.term_end === null || r.term_end >= today);

/** Members serving today, by category (public: the organisation chart and the comparison show it). */
export async function committeeComposition(
  ctx: Pick<Ctx, 'db' | 'clock'>,
  platformId: string,
): Promise<Composition> {
  const rows = await ctx.db
    .selectFrom('committee_members')
    .select(['category', 'term_start', 'term_end'])
    .where('platform_id', '=', platformId)
    .execute();
  const today = todayOf(ctx);
  const out = { academic: 0, lab: 0, industry: 0, total: 0 };
  for (const r of rows) {
    if (!serving(r, today) || !(COMMITTEE_CATEGORIES as readonly string[]).includes(r.category)) continue;
    out[r.category as CommitteeCategory]++;
    out.total++;
  }
  return out;
}

export async function memberViews(ctx: Pick<Ctx, 'db' | 'clock'>, rows: Row[]): Promise<MemberView[]> {
  if (rows.length === 0) return [];
  const people = await ctx.db
    .selectFrom('people')
    .select(['id', 'name_zh', 'name_en', 'title'])
    .where(
      'id',
      'in',
      rows.map((r) => r.person_id),
    )
    .execute();
  const orgs = await organisationSummaries(
    ctx.db,
    rows.map((r) => r.organisation_id),
  );
  const links = await ctx.db
    .selectFrom('committee_member_fields')
    .select(['member_id', 'field_id'])
    .where(
      'member_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  const fields = await fieldSummaries(
    ctx.db,
    links.map((l) => l.field_id),
  );
  const today = todayOf(ctx);
  return rows.map((r) => {
    const p = people.find((x) => x.id === r.person_id)!;
    return {
      id: r.id,
      platformId: r.platform_id,
      person: { id: p.id, nameZh: p.name_zh, nameEn: p.name_en, title: p.title },
      category: r.category as CommitteeCategory,
      organisation: (r.organisation_id && orgs.get(r.organisation_id)) || null,
      fields: [...fields.values()].filter((f) =>
        links.some((l) => l.member_id === r.id && l.field_id === f.id),
      ),
      termStart: r.term_start,
      termEnd: r.term_end,
      appointedBy: r.appointed_by,
      serving: serving(r, today),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

/** The evaluation committee of a platform with its composition (anyone with a role on the platform). */
export async function listCommittee(ctx: Ctx, platformId: string, q: { includeEnded: boolean }) {
  const platform = await platformOrNotFound(ctx.db, platformId);
  if (!can(ctx.actor, 'committee.read', platform)) throw forbidden();
  const today = todayOf(ctx);
  const rows = (
    await ctx.db.selectFrom('committee_members').selectAll().where('platform_id', '=', platformId).execute()
  ).filter((r) => q.includeEnded || r.term_end === null || r.term_end >= today);
  const items = (await memberViews(ctx, rows)).sort(
    (a, b) =>
      COMMITTEE_CATEGORIES.indexOf(a.category) - COMMITTEE_CATEGORIES.indexOf(b.category) ||
      a.person.nameZh.localeCompare(b.person.nameZh),
  );
  return {
    platformId,
    appointerZh: platform.committee_appointer_zh,
    appointerEn: platform.committee_appointer_en,
    composition: await committeeComposition(ctx, platformId),
    items,
    access: { canEdit: can(ctx.actor, 'committee.manage', platform) },
  };
}
