import { type PasswordContext, passwordProblem } from '../../../common/password-policy.js';
import type { Ctx } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { allPlatformIds, platformSummaries } from '../platforms/platforms.lookup.js';
import { isCommonPassword } from './common-passwords.js';

/** The deployment's platform codes and names: context words of every password (ASVS 6.1.2). */
async function deploymentWords(ctx: Pick<Ctx, 'db'>): Promise<string[]> {
  const platforms = await platformSummaries(ctx.db, await allPlatformIds(ctx.db));
  return [...platforms.values()].flatMap((p) => [p.code, p.nameZh, p.nameEn]);
}

/**
 * Refuses a password that breaks the shared policy (length, user name: 400, as before) or that is a
 * common password or holds a context word (422): every path that sets a password calls this —
 * creating an account, changing one's own (also at the expiry gate) and an administrator's reset.
 */
export async function assertPasswordAllowed(
  ctx: Pick<Ctx, 'db'>,
  password: string,
  account: Omit<PasswordContext, 'deploymentWords'>,
  pointer: string,
): Promise<void> {
  const problem =
    passwordProblem(password, { ...account, deploymentWords: await deploymentWords(ctx) }) ??
    ((await isCommonPassword(password)) ? 'auth.password_common' : null);
  if (!problem) return;
  const status =
    problem === 'auth.password_common' || problem === 'auth.password_contains_context' ? 422 : 400;
  throw new AppError(status, problem, { errors: [{ in: 'body', pointer, code: problem, message: '' }] });
}
