import { type CommitteeCategory, currencyDigits, type UnitKind } from '../../common/platforms.js';
import type { Ctx } from '../http/context.js';
import { addCommitteeMember } from '../modules/committee/committee.service.js';
import type { CreateOrgInput } from '../modules/orgs/orgs.schema.js';
import { createOrg } from '../modules/orgs/orgs.service.js';
import type { CreatePersonInput } from '../modules/people/people.schema.js';
import { createPerson } from '../modules/people/people.service.js';
import type { CreatePlatformInput, FundingRowInput } from '../modules/platforms/platforms.schema.js';
import { createPlatform, setFunding, setPlatformFields } from '../modules/platforms/platforms.service.js';
import { createUnit } from '../modules/units/units.service.js';
import { addStaff } from '../modules/units/units.staff.js';

/** A person of the demo; `user` links a demo account (server/seed/demo-users.ts) to them. */
export interface DemoPerson extends Omit<CreatePersonInput, 'userId' | 'organisationId'> {
  user?: string;
  organisation?: CreateOrgInput;
}
export interface DemoUnit {
  kind: UnitKind;
  code: string;
  nameZh: string;
  nameEn: string;
  fields: string[];
  director?: DemoPerson;
  staff?: Array<DemoPerson & { position: 'researcher' | 'engineer' | 'technician' | 'administrator' }>;
}
export interface DemoMember {
  person: DemoPerson;
  category: CommitteeCategory;
  termStart: string;
  fields: string[];
}
export interface DemoPlatform {
  profile: CreatePlatformInput & { code: string; defaultCurrency: string };
  funding: FundingRowInput[];
  fields: string[];
  units: DemoUnit[];
  committee?: DemoMember[];
}

/** Yearly amounts of one source, given in millions of the currency's main unit, as minor units. */
export function yearly(
  currency: string,
  source: FundingRowInput['source'],
  millionsByYear: Record<number, number>,
  note: string | null = null,
): FundingRowInput[] {
  return Object.entries(millionsByYear).map(([year, millions]) => ({
    year: Number(year),
    source,
    amountMinor: Math.round(millions * 1_000_000 * 10 ** currencyDigits(currency)),
    isIllustrative: true,
    note,
  }));
}

/** The organisation with this Chinese name, registered through the registry's own service when missing. */
async function organisationId(ctx: Ctx, org: CreateOrgInput | undefined): Promise<string | null> {
  if (!org) return null;
  const found = await ctx.db
    .selectFrom('organisations')
    .select('id')
    .where('name_zh', '=', org.nameZh)
    .where('merged_into_id', 'is', null)
    .executeTakeFirst();
  return found?.id ?? (await createOrg(ctx, org)).id;
}

async function personInput(ctx: Ctx, p: DemoPerson): Promise<CreatePersonInput> {
  const { user, organisation, ...rest } = p;
  const userId = user
    ? (await ctx.db.selectFrom('users').select('id').where('username', '=', user).executeTakeFirst())?.id
    : undefined;
  const linked =
    userId &&
    (await ctx.db.selectFrom('people').select('id').where('user_id', '=', userId).executeTakeFirst());
  return {
    ...rest,
    organisationId: await organisationId(ctx, organisation),
    userId: linked ? null : (userId ?? null),
  };
}

/** The platform with the spec's code, created from the spec when missing. */
export async function ensurePlatform(ctx: Ctx, spec: DemoPlatform): Promise<string> {
  const found = await ctx.db
    .selectFrom('platforms')
    .select('id')
    .where('code', '=', spec.profile.code)
    .executeTakeFirst();
  return found?.id ?? (await createPlatform(ctx, spec.profile)).id;
}

/**
 * Loads one demo platform record by record: the platform if its code is new, then its funding and
 * fields when it has none, and each unit, staff member and committee member that is not there yet.
 * What an administrator changed since is left as it is.
 */
export async function seedPlatform(ctx: Ctx, spec: DemoPlatform): Promise<string> {
  const id = await ensurePlatform(ctx, spec);
  if (
    !(await ctx.db
      .selectFrom('platform_funding')
      .select('id')
      .where('platform_id', '=', id)
      .executeTakeFirst())
  ) {
    await setFunding(ctx, id, spec.funding);
  }
  if (
    !(await ctx.db
      .selectFrom('platform_fields')
      .select('field_id')
      .where('platform_id', '=', id)
      .executeTakeFirst())
  ) {
    await setPlatformFields(ctx, id, { fieldCodes: spec.fields });
  }
  for (const [i, u] of spec.units.entries()) {
    const exists = await ctx.db
      .selectFrom('org_units')
      .select('id')
      .where('platform_id', '=', id)
      .where('name_en', '=', u.nameEn)
      .executeTakeFirst();
    if (exists) continue;
    const director = u.director ? await createPerson(ctx, await personInput(ctx, u.director)) : null;
    const unit = await createUnit(ctx, id, {
      kind: u.kind,
      code: u.code,
      nameZh: u.nameZh,
      nameEn: u.nameEn,
      directorPersonId: director?.id ?? null,
      sortOrder: i,
      fieldCodes: u.fields,
    });
    for (const s of u.staff ?? []) {
      const { position, ...person } = s;
      const created = await createPerson(ctx, await personInput(ctx, person));
      await addStaff(ctx, unit.id, { personId: created.id, position });
    }
  }
  for (const m of spec.committee ?? []) {
    const onIt = await ctx.db
      .selectFrom('committee_members')
      .innerJoin('people', 'people.id', 'committee_members.person_id')
      .select('committee_members.id')
      .where('committee_members.platform_id', '=', id)
      .where('people.name_en', '=', m.person.nameEn ?? '')
      .executeTakeFirst();
    if (onIt) continue;
    await addCommitteeMember(ctx, id, {
      person: await personInput(ctx, m.person),
      category: m.category,
      termStart: m.termStart,
      termEnd: null,
      fieldCodes: m.fields,
    });
  }
  return id;
}
