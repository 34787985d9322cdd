import type { Ctx } from '../../http/context.js';
import { newId } from '../../http/context.js';
import { buildField, buildMember, buildPerson, buildUnit } from '../platform-factories.js';
import type { MatrixEnv } from './platforms.cases.js';

/** Records the matrix rows of issue 3 point at, made once on first use. */
export interface Fixtures {
  field: string;
  ownUnit: string;
  otherUnit: string;
  staff: string;
  personOnA: string;
  personOnB: string;
  member: string;
}

/** A unit on A directed by A's lab director (their account linked to the director), and its neighbours. */
export async function fixtures(env: MatrixEnv): Promise<Fixtures> {
  const ctx = env.ctx();
  const director = await buildPerson(ctx, { userId: env.userId('A:lab_director') ?? null });
  const ownUnit = (await buildUnit(ctx, { platformId: env.A(), directorPersonId: director.id })).id;
  const otherUnit = (await buildUnit(ctx, { platformId: env.A() })).id;
  const personOnA = (await buildPerson(ctx)).id;
  const staff = await staffEntry(ctx, ownUnit, personOnA);
  const personOnB = (await buildPerson(ctx)).id;
  await staffEntry(ctx, (await buildUnit(ctx, { platformId: env.B() })).id, personOnB);
  return {
    field: (await buildField(ctx)).id,
    ownUnit,
    otherUnit,
    staff,
    personOnA,
    personOnB,
    member: (await buildMember(ctx, env.A())).id,
  };
}

/** A staff entry on a unit (a new person unless given). */
export async function staffEntry(ctx: Ctx, unitId: string, personId?: string): Promise<string> {
  const id = newId();
  const person = personId ?? (await buildPerson(ctx)).id;
  await ctx.db
    .insertInto('unit_staff')
    .values({
      id,
      unit_id: unitId,
      person_id: person,
      position: 'researcher',
      created_at: new Date().toISOString(),
    })
    .execute();
  return id;
}
