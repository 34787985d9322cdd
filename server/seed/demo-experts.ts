import type { Ctx } from '../http/context.js';
import { createOrg } from '../modules/orgs/orgs.service.js';
import { createPerson } from '../modules/people/people.service.js';
import type { CreateExpertInput } from '../modules/review/experts/experts.schema.js';
import { createExpertInTrx } from '../modules/review/experts/experts.service.js';
import { DEMO_EXPERTS, type DemoExpert, EXPERT_ORGS, type OrgKey } from './demo-experts.data.js';

const DAY = 86_400_000;
const dayAt = (now: Date, offset: number) =>
  new Date(now.getTime() + offset * DAY).toISOString().slice(0, 10);

async function orgIds(ctx: Ctx): Promise<Record<OrgKey, string>> {
  const out = {} as Record<OrgKey, string>;
  for (const [key, spec] of Object.entries(EXPERT_ORGS) as [OrgKey, (typeof EXPERT_ORGS)[OrgKey]][]) {
    const found = await ctx.db
      .selectFrom('organisations')
      .select(['id', 'merged_into_id'])
      .where('name_zh', '=', spec.nameZh)
      .executeTakeFirst();
    out[key] =
      (found && (found.merged_into_id ?? found.id)) ||
      (await createOrg(ctx, { ...spec, country: key === 'UNI' || key === 'SME' ? 'US' : 'CN' })).id;
  }
  return out;
}

/** The expert's person: found by e-mail (or, for the demo account, by its user), else created. */
async function personOf(ctx: Ctx, e: DemoExpert, organisationId: string): Promise<string> {
  const userId = e.user
    ? (await ctx.db.selectFrom('users').select('id').where('username', '=', e.user).executeTakeFirst())?.id
    : undefined;
  const byUser =
    userId &&
    (await ctx.db.selectFrom('people').select('id').where('user_id', '=', userId).executeTakeFirst());
  if (byUser) return byUser.id;
  const byEmail = await ctx.db
    .selectFrom('people')
    .select('id')
    .where('email', '=', e.email)
    .executeTakeFirst();
  if (byEmail) return byEmail.id;
  const p = await createPerson(ctx, {
    nameZh: e.nameZh,
    nameEn: e.nameEn,
    title: e.title,
    email: e.email,
    organisationId,
    userId: userId ?? null,
  });
  return p.id;
}

/**
 * About three dozen experts deployment-wide with bilingual (or one-language) profiles over the demo
 * fields, outputs with collaborators from demo organisations (evidence for the collaboration rule),
 * a few declared conflicts and availability windows; the demo `expert` account is Wu Fang. Runs after
 * the applications seed; adds only the experts that are missing (by their person's e-mail).
 */
export async function seedDemoExperts(ctx: Ctx): Promise<void> {
  const fields = new Map(
    (await ctx.db.selectFrom('tech_fields').select(['id', 'code']).execute()).map((f) => [f.code, f.id]),
  );
  const orgs = await orgIds(ctx);
  const lin = await ctx.db
    .selectFrom('people')
    .select('id')
    .where('email', '=', 'lin.fang@example.org')
    .executeTakeFirst();
  const now = ctx.clock.now();
  for (const e of DEMO_EXPERTS) {
    const personId = await personOf(ctx, e, orgs[e.org]);
    if (await ctx.db.selectFrom('experts').select('id').where('person_id', '=', personId).executeTakeFirst())
      continue;
    const input: CreateExpertInput = {
      personId,
      category: e.category,
      active: true,
      fieldIds: e.fields.flatMap((c) => (fields.has(c) ? [fields.get(c)!] : [])),
      expertiseZh: e.zh ?? null,
      expertiseEn: e.en ?? null,
      loadMax: e.loadMax,
      outputs: e.outputs.map((o) => ({
        kind: o.kind,
        title: o.title,
        abstract: o.abstract ?? null,
        year: o.year,
        collaborators: (o.with ?? []).map((c) => ({
          name: c.name,
          organisationId: c.org ? orgs[c.org] : null,
          personId: c.person === 'LIN' ? (lin?.id ?? null) : null,
        })),
      })),
      declaredConflicts: (e.conflicts ?? []).map((c) => ({ organisationId: orgs[c.org], reason: c.reason })),
      availability: (e.windows ?? []).map(([from, to, note]) => ({
        startsOn: dayAt(now, from),
        endsOn: dayAt(now, to),
        note,
      })),
    };
    await ctx.db.transaction().execute((trx) => createExpertInTrx(trx, ctx, input));
  }
}
