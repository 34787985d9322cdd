import type { CommitteeCategory, UnitKind } from '../../common/platforms.js';
import type { Ctx } from '../http/context.js';
import { isoNow, newId } from '../http/context.js';
import { addCommitteeMember } from '../modules/committee/committee.service.js';
import { createField } from '../modules/fields/fields.service.js';
import type { CreatePersonInput } from '../modules/people/people.schema.js';
import { createPerson } from '../modules/people/people.service.js';
import { createUnit } from '../modules/units/units.service.js';
import { buildPlatform } from './factories.js';

let seq = 0;
const next = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

/** A technology field (top-level unless parentId is given). */
export async function buildField(ctx: Ctx, o: { code?: string; parentId?: string; nameEn?: string } = {}) {
  const code = o.code ?? `f${next()}`;
  return createField(ctx, {
    code,
    nameZh: `领域${code}`,
    nameEn: o.nameEn ?? `Field ${code}`,
    parentId: o.parentId ?? null,
  });
}

/** A person record. */
export async function buildPerson(ctx: Ctx, o: Partial<CreatePersonInput> = {}) {
  const n = next();
  return createPerson(ctx, {
    nameZh: `人员${n}`,
    nameEn: `Person ${n}`,
    email: `p${n}@example.org`,
    phone: '+1 301 975 2000',
    ...o,
  });
}

/**
 * An organisation row. The registry belongs to server/modules/orgs; tests of this domain only need a
 * row to point at, so it is inserted directly.
 */
export async function buildOrganisation(
  ctx: Ctx,
  o: { nameZh?: string; mergedIntoId?: string; address?: string } = {},
) {
  const now = isoNow(ctx.clock);
  const name = o.nameZh ?? `机构${next()}`;
  const id = newId();
  await ctx.db
    .insertInto('organisations')
    .values({
      id,
      name_zh: name,
      name_en: null,
      name_key: name.toLowerCase(),
      type: 'university',
      enterprise_size: null,
      credit_code: null,
      registry_id: null,
      address: o.address ?? null,
      contact_name: null,
      contact_phone: null,
      contact_email: null,
      website: null,
      merged_into_id: o.mergedIntoId ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id };
}

/** A unit on a platform (a new platform unless given), optionally directed by a person. */
export async function buildUnit(
  ctx: Ctx,
  o: { platformId?: string; nameEn?: string; kind?: UnitKind; directorPersonId?: string | null } = {},
) {
  const platformId = o.platformId ?? (await buildPlatform(ctx)).id;
  const n = next();
  return createUnit(ctx, platformId, {
    kind: o.kind ?? 'laboratory',
    nameZh: `实验室${n}`,
    nameEn: o.nameEn ?? `Laboratory ${n}`,
    directorPersonId: o.directorPersonId ?? null,
  });
}

/** A committee member serving since 2020 (a new person unless personId is given). */
export async function buildMember(
  ctx: Ctx,
  platformId: string,
  o: { category?: CommitteeCategory; personId?: string; termEnd?: string | null } = {},
) {
  const person = o.personId ? { personId: o.personId } : { personId: (await buildPerson(ctx)).id };
  return addCommitteeMember(ctx, platformId, {
    ...person,
    category: o.category ?? 'academic',
    termStart: '2020-01-01',
    termEnd: o.termEnd ?? null,
  });
}
