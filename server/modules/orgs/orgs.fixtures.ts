import { creditCodeCheckCharacter, organisationCodeCheck } from '../../../common/credit-code.js';
import type { Ctx } from '../../http/context.js';
import type { CreateOrgInput } from './orgs.schema.js';
import { createOrg } from './orgs.service.js';

let seq = 0;

/** A valid credit code for a Beijing enterprise whose organisation code body is built from n. */
export function validCreditCode(n = ++seq, prefix = '91110108'): string {
  const body = String(n).padStart(8, '0').slice(-8);
  const first17 = `${prefix}${body}${organisationCodeCheck(body)}`;
  return first17 + creditCodeCheckCharacter(first17);
}

/** Test data: a registered organisation (an SME enterprise unless told otherwise). */
export async function buildOrg(ctx: Ctx, overrides: Partial<CreateOrgInput> = {}) {
  const type = overrides.type ?? 'enterprise';
  return createOrg(ctx, {
    nameZh: `测试单位${++seq}有限公司`,
    type,
    enterpriseSize: type === 'enterprise' ? 'sme' : null,
    ...overrides,
  });
}
