/**
 * Rule-set versions: list, read, and create the next version of a code. A version never changes; calls
 * that chose an older version keep it (call_review_settings.rule_set_id points at the row).
 */
import { write } from '../../../db/write.js';
import { type Actor, type Ctx, isoNow, newId, platformIdsWithRole } from '../../../http/context.js';
import { AppError, forbidden, notFound, unauthorized } from '../../../http/errors.js';
import { platformExists } from '../../platforms/platforms.lookup.js';
import {
  findRuleSet,
  insertRuleSet,
  latestVersions as latestOf,
  lockLatestVersion,
  type RuleSetRecord,
  ruleSetsVisible,
} from './conflicts.repository.js';
import type { CreateRuleSetInput, RuleSetView } from './conflicts.schema.js';

/** Platforms whose rule sets the actor manages; 'all' for system admins. */
export function staffPlatforms(actor: Actor): string[] | 'all' {
  if (!actor) return [];
  if (actor.isSystemAdmin) return 'all';
  return platformIdsWithRole(actor, ['platform_admin', 'program_officer']);
}

const readable = (actor: Actor, platformId: string | null) => {
  const scope = staffPlatforms(actor);
  if (scope === 'all') return true;
  if (scope.length === 0) return false;
  return platformId === null || scope.includes(platformId);
};

function view(r: RuleSetRecord, latest: Map<string, number>): RuleSetView {
  return {
    id: r.id,
    platformId: r.platformId,
    code: r.code,
    version: r.version,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    rules: r.rules,
    latest: latest.get(r.code) === r.version,
    createdAt: r.createdAt,
  };
}

const latestVersions = (ctx: Ctx, codes: string[]) => latestOf(ctx.db, codes);

/** Presets and the rule sets of the platforms the caller staffs (optionally one platform's). */
export async function listRuleSets(ctx: Ctx, q: { platformId?: string }) {
  const scope = staffPlatforms(ctx.actor);
  if (scope !== 'all' && scope.length === 0) throw forbidden();
  if (q.platformId && scope !== 'all' && !scope.includes(q.platformId)) throw forbidden();
  const rows = await ruleSetsVisible(ctx.db, q.platformId ? [q.platformId] : scope);
  const latest = await latestVersions(ctx, [...new Set(rows.map((r) => r.code))]);
  return { items: rows.map((r) => view(r, latest)) };
}

/** One rule-set version. */
export async function getRuleSet(ctx: Ctx, id: string): Promise<RuleSetView> {
  if (!ctx.actor) throw unauthorized();
  const row = await findRuleSet(ctx.db, id);
  if (!row) throw notFound('conflicts.rule_set_not_found');
  if (!readable(ctx.actor, row.platformId)) {
    if (staffPlatforms(ctx.actor) !== 'all' && staffPlatforms(ctx.actor).length === 0) throw forbidden();
    throw notFound('conflicts.rule_set_not_found');
  }
  return view(row, await latestVersions(ctx, [row.code]));
}

/**
 * Stores the next version of `code` (version 1 of a new code). A code keeps its owner: a platform's
 * code cannot be continued by another platform (409 conflicts.rule_set_code_taken); deployment-wide
 * presets are versioned by system admins only.
 */
export async function createRuleSetVersion(ctx: Ctx, input: CreateRuleSetInput): Promise<RuleSetView> {
  const scope = staffPlatforms(ctx.actor);
  const allowed = scope === 'all' || (input.platformId !== null && scope.includes(input.platformId));
  if (!allowed) throw forbidden();
  const id = await write(ctx, async (trx, audit) => {
    if (input.platformId) {
      if (!(await platformExists(trx, input.platformId))) throw notFound('platforms.not_found');
    }
    const previous = await lockLatestVersion(trx, ctx.seam, input.code);
    if (previous && previous.platformId !== input.platformId) {
      throw new AppError(409, 'conflicts.rule_set_code_taken');
    }
    const row: RuleSetRecord = {
      id: newId(),
      platformId: input.platformId,
      code: input.code,
      version: (previous?.version ?? 0) + 1,
      nameZh: input.nameZh,
      nameEn: input.nameEn,
      rules: input.rules,
      createdBy: ctx.actor?.userId || null,
      createdAt: isoNow(ctx.clock),
    };
    await insertRuleSet(trx, row);
    await audit({
      action: 'conflicts.rule_set_version',
      entityType: 'conflict_rule_set',
      entityId: row.id,
      platformId: input.platformId,
      after: { code: row.code, version: row.version, rules: input.rules },
    });
    return row.id;
  });
  return getRuleSet(ctx, id);
}
