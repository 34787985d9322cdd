/**
 * Rule-set versions: list, read, and create the next version of a code. A version never changes; calls
 * that chose an older version keep it (call_review_settings.rule_set_id points at the row).
 */
import type { Selectable } from 'kysely';
import { appendAudit } from '../../../db/audit-chain.js';
import type { ConflictRuleSetsTable } from '../../../db/schema.js';
import { type Actor, type Ctx, isoNow, newId, platformIdsWithRole } from '../../../http/context.js';
import { AppError, forbidden, notFound, unauthorized } from '../../../http/errors.js';
import { ruleSetRecord } from './conflicts.rulesets.js';
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

function view(row: Selectable<ConflictRuleSetsTable>, latest: Map<string, number>): RuleSetView {
  const r = ruleSetRecord(row);
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

async function latestVersions(ctx: Ctx, codes: string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom('conflict_rule_sets')
    .select(['code', (eb) => eb.fn.max('version').as('v')])
    .where('code', 'in', codes)
    .groupBy('code')
    .execute();
  return new Map(rows.map((r) => [r.code, Number(r.v)]));
}

/** Presets and the rule sets of the platforms the caller staffs (optionally one platform's). */
export async function listRuleSets(ctx: Ctx, q: { platformId?: string }) {
  const scope = staffPlatforms(ctx.actor);
  if (scope !== 'all' && scope.length === 0) throw forbidden();
  if (q.platformId && scope !== 'all' && !scope.includes(q.platformId)) throw forbidden();
  let query = ctx.db.selectFrom('conflict_rule_sets').selectAll();
  if (q.platformId) {
    query = query.where((eb) =>
      eb.or([eb('platform_id', 'is', null), eb('platform_id', '=', q.platformId!)]),
    );
  } else if (scope !== 'all') {
    query = query.where((eb) => eb.or([eb('platform_id', 'is', null), eb('platform_id', 'in', scope)]));
  }
  const rows = await query.orderBy('code').orderBy('version', 'desc').execute();
  const latest = await latestVersions(ctx, [...new Set(rows.map((r) => r.code))]);
  return { items: rows.map((r) => view(r, latest)) };
}

/** One rule-set version. */
export async function getRuleSet(ctx: Ctx, id: string): Promise<RuleSetView> {
  if (!ctx.actor) throw unauthorized();
  const row = await ctx.db
    .selectFrom('conflict_rule_sets')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('conflicts.rule_set_not_found');
  if (!readable(ctx.actor, row.platform_id)) {
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
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (input.platformId) {
      const p = await trx
        .selectFrom('platforms')
        .select('id')
        .where('id', '=', input.platformId)
        .executeTakeFirst();
      if (!p) throw notFound('platforms.not_found');
    }
    const previous = await ctx.seam
      .forUpdate(
        trx
          .selectFrom('conflict_rule_sets')
          .select(['platform_id', 'version'])
          .where('code', '=', input.code)
          .orderBy('version', 'desc')
          .limit(1),
      )
      .executeTakeFirst();
    if (previous && previous.platform_id !== input.platformId) {
      throw new AppError(409, 'conflicts.rule_set_code_taken');
    }
    const row = {
      id: newId(),
      platform_id: input.platformId,
      code: input.code,
      version: (previous?.version ?? 0) + 1,
      name_zh: input.nameZh,
      name_en: input.nameEn,
      rules_json: JSON.stringify(input.rules),
      created_by: ctx.actor?.userId || null,
      created_at: isoNow(ctx.clock),
    };
    await trx.insertInto('conflict_rule_sets').values(row).execute();
    await appendAudit(trx, ctx.seam, ctx, {
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
