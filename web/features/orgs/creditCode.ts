import type { TFunction } from 'i18next';
import { checkCreditCode } from '../../../common/credit-code.js';
import { ERROR_MESSAGES } from '../../../common/error-codes.js';

/** What the user typed, as the server will store it: full-width characters folded, upper case, no spaces. */
export const normaliseTyped = (v: string | undefined): string =>
  (v ?? '').normalize('NFKC').toUpperCase().replace(/\s+/g, '');

/**
 * The GB 32100-2015 check of common/credit-code.ts (the rule the server enforces), run as the user types;
 * the message names the first rule the code breaks. An empty code is allowed (foreign organisations).
 */
export const creditCodeRule = (t: TFunction) => ({
  validator: async (_: unknown, value: string | undefined) => {
    if (!value) return;
    const check = checkCreditCode(value);
    if (!check.ok) throw new Error(t(ERROR_MESSAGES[`credit_code.${check.reason}`]));
  },
});
