import { buildExtramuralProject } from '../../modules/projects/projects.fixtures.js';
import { registerIntramuralProject } from '../../modules/projects/projects.service.js';
import { buildPerson, buildUnit } from '../platform-factories.js';
import { type Expect, type MatrixEnv, type RouteCase, roleless } from './matrix.js';

/**
 * The authorization matrix rows of projects from 立项 through execution (issue 13). The state of an
 * extramural project is moved by the platform's admins and program officers; of an intramural one by
 * its unit's director and the admins. Everyone else with a role on the platform may read (403 on a
 * move); another platform's admin and role-less accounts are told it does not exist.
 */
const movers = (allowed: readonly string[]): Expect => ({
  anonymous: '401',
  'token:read': '403',
  'token:write': '2xx',
  system_admin: '2xx',
  ...Object.fromEntries(allowed.map((a) => [a, '2xx'])),
  'B:platform_admin': '404',
  ...roleless('404'),
  others: '403',
});

export function projectsCases(env: MatrixEnv): RouteCase[] {
  let n = 0;
  let directedUnit: string | undefined;
  /** A unit of A directed by A's lab director (their account linked to the director). */
  const ownUnit = async () => {
    if (directedUnit) return directedUnit;
    const ctx = env.ctx();
    const userId = env.userId('A:lab_director')!;
    const linked = await ctx.db
      .selectFrom('people')
      .select('id')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    const person = linked?.id ?? (await buildPerson(ctx, { userId })).id;
    directedUnit = (await buildUnit(ctx, { platformId: env.A(), directorPersonId: person })).id;
    return directedUnit;
  };
  const intramural = async () =>
    (
      await registerIntramuralProject(env.ctx(), env.A(), {
        unitId: await ownUnit(),
        code: `PM${Date.now().toString(36)}${n++}`.toUpperCase(),
        titleZh: '矩阵项目',
        titleEn: 'Matrix project',
        budgetMinor: 1000,
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
      })
    ).id;
  return [
    {
      route: 'POST /api/projects/:id/transitions',
      label: 'extramural project',
      expect: movers(['A:platform_admin', 'A:program_officer']),
      cell: async () => ({
        url: `/api/projects/${(await buildExtramuralProject(env.ctx(), env.A())).id}/transitions`,
        body: { action: 'start_contracting' },
      }),
    },
    {
      route: 'POST /api/projects/:id/transitions',
      label: "intramural project of the lab director's unit",
      expect: movers(['A:platform_admin', 'A:lab_director']),
      cell: async () => ({
        url: `/api/projects/${await intramural()}/transitions`,
        body: { action: 'open_interim' },
      }),
    },
  ];
}
