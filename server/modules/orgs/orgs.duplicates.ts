import type { Ctx } from '../../http/context.js';
import { keepingOfMany } from './orgs.keeping.repository.js';
import { canEdit } from './orgs.policy.js';
import { liveOrgs } from './orgs.repository.js';
import { assertCan, toOrgView } from './orgs.service.js';
import { findDuplicatePairs, groupPairs, SIMILARITY_THRESHOLD } from './orgs.similar.js';

/**
 * Groups of organisations that look like one (same normalised name, same English name, same
 * registry id, or near-identical names), each pair with its reason. Merged ones are left out.
 */
export async function listDuplicates(ctx: Ctx) {
  assertCan(ctx, 'orgs.manage');
  const rows = await liveOrgs(ctx.db);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const pairs = findDuplicatePairs(
    rows.map((r) => ({
      id: r.id,
      nameKey: r.nameKey,
      nameEn: r.nameEn,
      registryId: r.registryId,
      country: r.country,
    })),
  );
  const grouped = groupPairs(pairs);
  // Each organisation says whether this caller may merge it (as duplicate or survivor): the rule the
  // merge checks, so the page offers only merges the server would allow.
  const keeping = await keepingOfMany(ctx.db, grouped.flat());
  const groups = grouped.map((ids) => {
    const members = new Set(ids);
    return {
      organisations: ids.map((id) => ({
        ...toOrgView(byId.get(id)!, true),
        canEdit: canEdit(ctx.actor, keeping.get(id)!),
      })),
      pairs: pairs.filter((p) => members.has(p.a)),
    };
  });
  groups.sort((x, y) => (x.organisations[0]!.nameZh < y.organisations[0]!.nameZh ? -1 : 1));
  return { threshold: SIMILARITY_THRESHOLD, groups };
}
