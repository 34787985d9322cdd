/**
 * What officers see of a call's conflicts: the stored exclusions with their evidence and counts per
 * rule, a refresh on demand, and the explanation of any one pair (conflicts.explain.ts).
 */
import type { Kysely } from 'kysely';
import { lastAuditAt } from '../../../db/audit-chain.js';
import type { DB } from '../../../db/schema.js';
import { write } from '../../../db/write.js';
import type { Ctx } from '../../../http/context.js';
import { forbidden, notFound, unauthorized } from '../../../http/errors.js';
import { inReviewCount, reviewedApplicationsByIds } from '../../applications/applications.lookup.js';
import { type CallRecord, loadCall } from '../../calls/calls.lookup.js';
import { can as canManageCall } from '../../calls/calls.policy.js';
import { organisationNames } from '../../orgs/orgs.lookup.js';
import { peopleByIds } from '../../people/people.lookup.js';
import { activeExpertCount, expertsByIds } from '../experts/experts.service.js';
import { refreshCallConflicts } from './conflicts.engine.js';
import { type Exclusion, exclusionsOfCall } from './conflicts.repository.js';
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
  const [stored, applications, experts, lastRefresh] = await Promise.all([
    exclusionsOfCall(ctx.db, callId),
    inReviewCount(ctx.db, callId),
    activeExpertCount(ctx.db),
    lastAuditAt(ctx.db, 'conflicts.refresh', callId),
  ]);
  const rows = await namedExclusions(ctx.db, stored);
  const storedSet = rows[0]?.ruleSetId ?? null;
  const kindOf = new Map(
    (storedSet && storedSet !== ruleSet.id ? (await getRuleSet(ctx, storedSet)).rules : ruleSet.rules).map(
      (r) => [r.key, r.kind],
    ),
  );
  const items = new Map<string, CallConflictsView['items'][number]>();
  const counts = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.expertId}|${r.applicationId}`;
    let item = items.get(key);
    if (!item) {
      item = {
        expert: r.expert,
        application: r.application,
        rules: [],
      };
      items.set(key, item);
    }
    item.rules.push({
      ruleKey: r.ruleKey,
      kind: kindOf.get(r.ruleKey) ?? null,
      evidence: (r.evidence as { matches: unknown }).matches as never,
    });
    counts.set(r.ruleKey, (counts.get(r.ruleKey) ?? 0) + 1);
  }
  const allSets = await getRuleSet(ctx, ruleSet.id);
  return {
    callId,
    ruleSet: allSets,
    computedAt: rows[0]?.computedAt ?? lastRefresh ?? null,
    computedWithRuleSetId: storedSet,
    applications,
    experts,
    excludedPairs: items.size,
    counts: ruleSet.rules.map((r) => ({ ruleKey: r.key, pairs: counts.get(r.key) ?? 0 })),
    items: [...items.values()],
  };
}

/**
 * The stored exclusions with their expert (name and organisation) and application (number and title),
 * by application number, expert name, then rule, as officers read the list.
 */
async function namedExclusions(db: Kysely<DB>, stored: Exclusion[]) {
  const [apps, experts] = await Promise.all([
    reviewedApplicationsByIds(
      db,
      stored.map((x) => x.applicationId),
    ),
    expertsByIds(db, [...new Set(stored.map((x) => x.expertId))]),
  ]);
  const personOf = new Map(experts.map((e) => [e.id, e.personId]));
  const people = await peopleByIds(db, [...personOf.values()]);
  const orgs = await organisationNames(
    db,
    [...people.values()].map((p) => p.organisationId),
  );
  const rows = stored.map((x) => {
    const p = people.get(personOf.get(x.expertId)!)!;
    const o = p.organisationId ? orgs.get(p.organisationId) : undefined;
    const a = apps.get(x.applicationId)!;
    return {
      ...x,
      expert: {
        id: x.expertId,
        name: p.nameZh || p.nameEn || '',
        organisation: o ? { id: o.id, name: o.nameZh || o.nameEn || o.id } : null,
      },
      application: { id: a.id, receiptNo: a.receiptNo, title: a.titleZh || a.titleEn },
      sortName: p.nameZh,
    };
  });
  // The order the joined query gave (receipt_no, name_zh, rule_key), in code-point order.
  const cmp = (x: string | null, y: string | null) =>
    x === y ? 0 : x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
  return rows.sort(
    (x, y) =>
      cmp(x.application.receiptNo, y.application.receiptNo) ||
      cmp(x.sortName, y.sortName) ||
      cmp(x.ruleKey, y.ruleKey),
  );
}
