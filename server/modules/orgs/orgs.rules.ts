import { checkCreditCode } from '../../../common/credit-code.js';
import type { ErrorCode } from '../../../common/error-codes.js';
import { ERROR_MESSAGES } from '../../../common/error-codes.js';
import { AppError } from '../../http/errors.js';
import type { EnterpriseSize, OrgType } from './orgs.schema.js';

export interface RuleInput {
  type: OrgType;
  enterpriseSize: EnterpriseSize | null;
  creditCode: string | null;
}
export interface RuleError {
  field: 'creditCode' | 'enterpriseSize';
  code: ErrorCode;
}

/** Normalises the code ('' is no code); returns it with the broken GB 32100 rule, if any. */
export function normaliseCode(raw: string | null | undefined): { code: string | null; error?: RuleError } {
  if (raw === null || raw === undefined || raw.trim() === '') return { code: null };
  const check = checkCreditCode(raw);
  if (check.ok) return { code: check.code };
  return { code: check.code, error: { field: 'creditCode', code: `credit_code.${check.reason}` } };
}

/** The rules a zod schema cannot express: a valid credit code, and a size exactly for enterprises. */
export function orgRuleErrors(input: RuleInput): RuleError[] {
  const errors: RuleError[] = [];
  const { error } = normaliseCode(input.creditCode);
  if (error) errors.push(error);
  if (input.type === 'enterprise' && !input.enterpriseSize) {
    errors.push({ field: 'enterpriseSize', code: 'orgs.enterprise_size_required' });
  }
  if (input.type !== 'enterprise' && input.enterpriseSize) {
    errors.push({ field: 'enterpriseSize', code: 'orgs.enterprise_size_forbidden' });
  }
  return errors;
}

/** 400 naming every broken rule with its JSON pointer. */
export function assertOrgRules(input: RuleInput): void {
  const errors = orgRuleErrors(input);
  if (!errors.length) return;
  throw new AppError(400, 'request.validation_failed', {
    errors: errors.map((e) => ({
      in: 'body',
      pointer: `/${e.field}`,
      code: e.code,
      message: ERROR_MESSAGES[e.code],
    })),
  });
}

/** 409 pointing at the organisation that already holds the code. */
export function duplicateCreditCode(existingId: string): AppError {
  return new AppError(409, 'orgs.duplicate_credit_code', {
    existingId,
    errors: [
      {
        in: 'body',
        pointer: '/creditCode',
        code: 'orgs.duplicate_credit_code',
        message: ERROR_MESSAGES['orgs.duplicate_credit_code'],
      },
    ],
  });
}
