import { DEFAULT_RULE_SET, DEFAULT_RULE_SET_ID } from '../../../../common/conflict-rules.js';
import type { ExpertCategory } from '../../../../common/review.js';
import { toJsonColumn } from '../../../db/rows.js';
import type { Ctx } from '../../../http/context.js';
import { isoNow, newId } from '../../../http/context.js';
import { buildPlatform, buildUser } from '../../../test/factories.js';
import type { TestApp } from '../../../test/harness.js';
import { buildPerson } from '../../../test/platform-factories.js';
import { buildApplicant, buildCall, buildOrg } from '../../applications/applications.fixtures.js';

/**
 * Test data of the review: a closed call with applications in review (inserted as rows, with a frozen
 * version holding title and summary), experts (with a user holding the expert role when asked).
 */
let seq = 0;

/** The default conflict rule set row (the conflicts migration inserts it; kept here for safety). */
export async function ensureDefaultRuleSet(ctx: Ctx) {
  const found = await ctx.db
    .selectFrom('conflict_rule_sets')
    .select('id')
    .where('id', '=', DEFAULT_RULE_SET_ID)
    .executeTakeFirst();
  if (found) return;
  await ctx.db
    .insertInto('conflict_rule_sets')
    .values({
      id: DEFAULT_RULE_SET_ID,
      platform_id: null,
      code: DEFAULT_RULE_SET.code,
      version: DEFAULT_RULE_SET.version,
      name_zh: DEFAULT_RULE_SET.nameZh,
      name_en: DEFAULT_RULE_SET.nameEn,
      rules_json: toJsonColumn(DEFAULT_RULE_SET.rules),
      created_by: null,
      created_at: isoNow(ctx.clock),
    })
    .execute();
}

/** A call whose deadline has passed (state closed), k reviewers per application. */
export async function buildClosedCall(ctx: Ctx, o: { platformId?: string; k?: number } = {}) {
  await ensureDefaultRuleSet(ctx);
  const now = ctx.clock.now().getTime();
  const call = await buildCall(ctx, {
    platformId: o.platformId,
    state: 'closed',
    opensAt: new Date(now - 20 * 86_400_000).toISOString(),
    closesAt: new Date(now - 86_400_000).toISOString(),
  });
  await ctx.db
    .updateTable('calls')
    .set({ reviewers_per_application: o.k ?? 2 })
    .where('id', '=', call.id)
    .execute();
  return call;
}

/** An application in review with a frozen version 1 (title, summary, objectives). */
export async function buildInReview(
  ctx: Ctx,
  call: { id: string; platformId: string },
  text: { title: string; summary: string },
) {
  const org = await buildOrg(ctx);
  const owner = await buildApplicant(ctx, call.platformId, org.id);
  const id = newId();
  const at = isoNow(ctx.clock);
  const number = `R${Date.now().toString(36)}${(seq++).toString(36)}`.toUpperCase();
  await ctx.db
    .insertInto('applications')
    .values({
      id,
      call_id: call.id,
      platform_id: call.platformId,
      owner_user_id: owner.userId,
      lead_org_id: org.id,
      state: 'in_review',
      version_no: 1,
      title_zh: text.title,
      title_en: null,
      field_id: null,
      requested_total_minor: 1_000_000,
      currency: 'CNY',
      receipt_no: number,
      submitted_at: at,
      resubmit_deadline: null,
      withdraw_reason: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  const versionId = newId();
  await ctx.db
    .insertInto('application_versions')
    .values({
      id: versionId,
      application_id: id,
      call_id: call.id,
      version_no: 1,
      content_json: toJsonColumn({
        titleZh: text.title,
        summaryZh: text.summary,
        objectives: [{ text: text.summary, indicators: [] }],
      }),
      frozen_at: at,
      snapshot_json: null,
      checksum: null,
      receipt_seq: null,
      receipt_no: number,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await ctx.db
    .insertInto('application_members')
    .values({
      id: newId(),
      version_id: versionId,
      position: 0,
      organisation_id: org.id,
      contact_person_id: null,
      role: null,
      requested_minor: 1_000_000,
      cofunding_minor: 0,
    })
    .execute();
  return { id, number, ownerUserId: owner.userId, ownerUsername: owner.username, orgId: org.id };
}

/** An expert; with `platformId` also a user holding the expert role there (to sign in as). */
export async function buildExpert(
  ctx: Ctx,
  o: {
    category: ExpertCategory;
    expertise: string;
    platformId?: string;
    loadMax?: number;
    userId?: string;
    organisationId?: string;
  },
) {
  const user = o.userId
    ? { id: o.userId, username: '' }
    : o.platformId
      ? await buildUser(ctx, { roles: ['expert'], platformId: o.platformId })
      : null;
  const person = await buildPerson(ctx, { userId: user?.id ?? null, organisationId: o.organisationId });
  const id = newId();
  const at = isoNow(ctx.clock);
  await ctx.db
    .insertInto('experts')
    .values({
      id,
      person_id: person.id,
      category: o.category,
      expertise_zh: null,
      expertise_en: o.expertise,
      load_max: o.loadMax ?? 6,
      active: 1,
      notes: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return { id, personId: person.id, userId: user?.id ?? null, username: user?.username ?? null };
}

/**
 * The review scenario of the runs and seats tests: on platform A a closed call (k = 2) with four
 * applications in review on distinct topics and seven experts (three academic, four industry) whose
 * expertise matches them; program officers `rv-po` (platform A) and `rv-pob` (platform B).
 */
const TEXTS = [
  ['锂电池储能系统', 'lithium battery energy storage, battery management and cell chemistry'],
  ['海上风电运维', 'offshore wind turbine maintenance, blade inspection and grid integration'],
  ['工业视觉检测', 'machine vision defect detection with deep learning in factories'],
  ['可降解塑料', 'biodegradable polymer synthesis and catalysis for packaging'],
] as const;
const PROFILES = [
  ['academic', 'battery electrochemistry, lithium cell chemistry and energy storage'],
  ['academic', 'wind energy, turbine aerodynamics, offshore wind and grid integration'],
  ['academic', 'deep learning, computer vision and machine vision inspection'],
  ['industry', 'polymer chemistry, biodegradable plastics, catalysis and packaging'],
  ['industry', 'battery management systems and energy storage products'],
  ['industry', 'industrial automation, factory inspection and vision systems'],
  ['industry', 'offshore wind farm operations and maintenance'],
] as const;

export async function buildRunsScenario(t: TestApp) {
  const ctx = t.systemCtx();
  const platformA = (await buildPlatform(ctx)).id;
  const platformB = (await buildPlatform(ctx)).id;
  await buildUser(ctx, { username: 'rv-po', roles: ['program_officer'], platformId: platformA });
  await buildUser(ctx, { username: 'rv-pob', roles: ['program_officer'], platformId: platformB });
  const call = await buildClosedCall(ctx, { platformId: platformA, k: 2 });
  const apps = [];
  for (const [title, summary] of TEXTS) apps.push(await buildInReview(ctx, call, { title, summary }));
  const experts = [];
  for (const [category, expertise] of PROFILES)
    experts.push(await buildExpert(ctx, { category, expertise, platformId: platformA }));
  return { platformA, platformB, call, apps, experts };
}
