/**
 * What officers see of a call's conflicts: the stored exclusions with their evidence and counts per
 * rule, a refresh on demand, and the explanation of any one pair (conflicts.explain.ts).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { write } from '../../../db/write.js';
import type { Ctx } from '../../../http/context.js';
import { forbidden, notFound, unauthorized } from '../../../http/errors.js';
import { type CallRecord, loadCall } from '../../calls/calls.lookup.js';
import { can as canManageCall } from '../../calls/calls.policy.js';
import { refreshCallConflicts } from './conflicts.engine.js';
import { ruleSetOfCall } from './conflicts.rulesets.js';
import type { CallConflictsView } from './conflicts.schema.js';
import { getRuleSet } from './conflicts.versions.js';

/** The call, if the caller is one of its officers (its platform's admins and program officers). */
export async function callForOfficer(ctx: Ctx, callId: string, db: Kysely<DB> = ctx.db): Promise<CallRecord> {
  if (!ctx.actor) throw unauthorized();
  const call = await loadCall(db, callId);
  if (!call) throw notFound('calls.not_found');
  if (!canManageCall(ctx.actor, 'calls.manage', { id: call.platformId })) throw forbidden();
  return call;
}

/** The stored exclusions of a call, one item per pair with every rule that matched. */
export async function listCallConflicts(ctx: Ctx, callId: string): Promise<CallConflictsView> {
  await callForOfficer(ctx, callId);
  return conflictsView(ctx, callId);
}

/** Recomputes the call's exclusions now (audited), then lists them. */
export async function refreshConflicts(ctx: Ctx, callId: string): Promise<CallConflictsView> {
  const call = await callForOfficer(ctx, callId);
  await write(ctx, async (trx, audit) => {
    const excluded = await refreshCallConflicts(trx, callId, ctx.clock.now());
    await audit({
      action: 'conflicts.refresh',
      entityType: 'call',
      entityId: callId,
      platformId: call.platformId,
      after: { excludedPairs: excluded.size },
    });
  });
  return conflictsView(ctx, callId);
}

async function conflictsView(ctx: Ctx, callId: string): Promise<CallConflictsView> {
  const ruleSet = await ruleSetOfCall(ctx.db, callId);
  const rows = await ctx.db
    .selectFrom('conflict_exclusions as x')
    .innerJoin('experts as e', 'e.id', 'x.expert_id')
    .innerJoin('people as p', 'p.id', 'e.person_id')
    .leftJoin('organisations as o', 'o.id', 'p.organisation_id')
    .innerJoin('applications as a', 'a.id', 'x.application_id')
    .select([
      'x.expert_id',
      'x.application_id',
      'x.rule_set_id',
      'x.rule_key',
      'x.evidence_json',
      'x.computed_at',
      'p.name_zh',
      'p.name_en',
      'o.id as org_id',
      'o.name_zh as org_zh',
      'o.name_en as org_en',
      'a.receipt_no',
      'a.title_zh',
      'a.title_en',
    ])
    .where('x.call_id', '=', callId)
    .orderBy('a.receipt_no')
    .orderBy('p.name_zh')
    .orderBy('x.rule_key')
    .execute();
  const [apps, experts] = await Promise.all([
    ctx.db
      .selectFrom('applications')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('call_id', '=', callId)
      .where('state', '=', 'in_review')
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('experts')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('active', '=', 1)
      .executeTakeFirstOrThrow(),
  ]);
  const lastRefresh = await ctx.db
    .selectFrom('audit_log')
    .select('at')
    .where('action', '=', 'conflicts.refresh')
    .where('entity_id', '=', callId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const storedSet = rows[0]?.rule_set_id ?? null;
  const kindOf = new Map(
    (storedSet && storedSet !== ruleSet.id ? (await getRuleSet(ctx, storedSet)).rules : ruleSet.rules).map(
      (r) => [r.key, r.kind],
    ),
  );
  const items = new Map<string, CallConflictsView['items'][number]>();
  const counts = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.expert_id}|${r.application_id}`;
    let item = items.get(key);
    if (!item) {
      item = {
        expert: {
          id: r.expert_id,
          name: r.name_zh || r.name_en || '',
          organisation: r.org_id ? { id: r.org_id, name: r.org_zh || r.org_en || r.org_id } : null,
        },
        application: { id: r.application_id, receiptNo: r.receipt_no, title: r.title_zh || r.title_en },
        rules: [],
      };
      items.set(key, item);
    }
    item.rules.push({
      ruleKey: r.rule_key,
      kind: kindOf.get(r.rule_key) ?? null,
      evidence: JSON.parse(r.evidence_json).matches,
    });
    counts.set(r.rule_key, (counts.get(r.rule_key) ?? 0) + 1);
  }
  const allSets = await getRuleSet(ctx, ruleSet.id);
  return {
    callId,
    ruleSet: allSets,
    computedAt: rows[0]?.computed_at ?? lastRefresh?.at ?? null,
    computedWithRuleSetId: storedSet,
    applications: Number(apps.n),
    experts: Number(experts.n),
    excludedPairs: items.size,
    counts: ruleSet.rules.map((r) => ({ ruleKey: r.key, pairs: counts.get(r.key) ?? 0 })),
    items: [...items.values()],
  };
}
