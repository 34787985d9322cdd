import type { Ctx } from '../http/context.js';
import { updatePerson } from '../modules/people/people.service.js';
import { createUser } from '../modules/users/users.service.js';
import { DEMO_EXPERTS } from './demo-experts.data.js';
import { DEMO_PASSWORD } from './demo-users.js';

/** The platforms whose calls and project checks the demo's experts are seated on (the engine takes any). */
export const EXPERT_PLATFORM_CODES = ['NIST', 'ATP'] as const;

/** A directory expert's demo account name: the local part of the person's e-mail (zhang.wei). */
export const expertUsername = (email: string) => email.slice(0, email.indexOf('@'));

/**
 * An account for every demo directory expert (issue 13): the engine seats any active expert on a call or
 * a check, and a seated expert answers from the web, so each gets the demo password and the role expert
 * on the platforms of EXPERT_PLATFORM_CODES, linked to their person — through the users and people
 * services, audited. Deterministic: the username is the e-mail's local part; an expert whose person
 * already has an account (the demo `expert`, 吴芳) or whose username is taken is left as it is.
 */
export async function seedDemoExpertAccounts(ctx: Ctx): Promise<void> {
  const platforms = await ctx.db
    .selectFrom('platforms')
    .select('id')
    .where('code', 'in', [...EXPERT_PLATFORM_CODES])
    .orderBy('code')
    .execute();
  for (const e of DEMO_EXPERTS) {
    if (e.user) continue;
    const person = await ctx.db
      .selectFrom('people')
      .select(['id', 'user_id'])
      .where('email', '=', e.email)
      .executeTakeFirst();
    if (!person || person.user_id) continue;
    const username = expertUsername(e.email);
    if (await ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst())
      continue;
    const user = await createUser(
      ctx,
      {
        username,
        displayName: `评审专家 ${e.nameZh}${e.nameEn ? ` ${e.nameEn}` : ''}`,
        password: DEMO_PASSWORD,
        isSystemAdmin: false,
        roles: platforms.map((p) => ({ platformId: p.id, role: 'expert' as const })),
      },
      { demoSeed: true },
    );
    await updatePerson(ctx, person.id, { userId: user.id });
  }
}
