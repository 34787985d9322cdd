import { buildProjectInExecution } from '../../modules/projects/projects.fixtures.js';
import { upsertSubmission } from '../../modules/projects/projects.milestones.repository.js';
import { buildPerson } from '../platform-factories.js';
import type { Expect, MatrixEnv } from './matrix.js';

/**
 * The authorization matrix rows of projects from 立项 through execution (issue 13). The state of an
 * extramural project is moved by the platform's admins and program officers; of an intramural one by
 * its unit's director and the admins. A project is read by the platform's admins, program officers and
 * supervisors, by the director of its unit and by those on its consortium (403 on a move they may not
 * make); to everyone else, another platform's admin and role-less accounts included, it does not exist
 * (404): own and other rows below.
 */
export const READERS: Expect = {
  anonymous: '401',
  'token:read': '2xx',
  'token:write': '2xx',
  system_admin: '2xx',
  'A:platform_admin': '2xx',
  'A:program_officer': '2xx',
  'A:supervisor': '2xx',
  others: '404',
};

export const movers = (allowed: readonly string[]): Expect => ({
  anonymous: '401',
  'token:read': '403',
  'token:write': '2xx',
  system_admin: '2xx',
  // Those who read every project are refused a move they may not make; everyone else is not told it exists.
  'A:platform_admin': '403',
  'A:program_officer': '403',
  'A:supervisor': '403',
  ...Object.fromEntries(allowed.map((a) => [a, '2xx'])),
  others: '404',
});

const applicantPersons = new WeakMap<MatrixEnv, string>();
/** A's applicant as a person (linked to their account), the lead's contact in "own" rows; made once per matrix. */
export async function applicantsPerson(env: MatrixEnv): Promise<string> {
  const known = applicantPersons.get(env);
  if (known) return known;
  const ctx = env.ctx();
  const userId = env.userId('A:applicant')!;
  const id =
    (await ctx.db.selectFrom('people').select('id').where('user_id', '=', userId).executeTakeFirst())?.id ??
    (await buildPerson(ctx, { userId })).id;
  applicantPersons.set(env, id);
  return id;
}

/** A project in execution (the applicant's own when `own`), its first milestone submitted when asked. */
export async function milestoneProject(env: MatrixEnv, own: boolean, submitted: boolean): Promise<string> {
  const ctx = env.ctx();
  const p = await buildProjectInExecution(ctx, env.A(), {
    ...(own ? { leadContactPersonId: await applicantsPerson(env) } : {}),
  });
  if (submitted)
    await upsertSubmission(ctx.db, p.id, 0, { note: '矩阵', submittedBy: null, submittedAt: '2026-01-01' });
  return p.id;
}

/** Only the lead organisation's side submits: the funder's managers, tokens included, are refused. */
export const leadSide = (own: boolean): Expect => ({
  ...movers([]),
  'token:write': '403',
  system_admin: '403',
  ...(own ? { 'A:applicant': '2xx' } : {}),
});
