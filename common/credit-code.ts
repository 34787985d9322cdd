/**
 * The unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters =
 * registration authority (1) + organisation type (1) + administrative division (6)
 * + organisation code (9, its last character the GB 11714 check) + check character (1).
 * Shared by the server (enforced) and the web (checked while typing).
 */

/** The code's 31-character alphabet: digits and capitals without I, O, Z, S, V; the index is the value. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * Organisation types allowed under each registration authority (GB 32100-2015 table 1);
 * '9' is "other" wherever the standard has it. Kept as data because the authorities add types.
 */
const AUTHORITY_TYPES: Record<string, string> = {
  '1': '1239', // 机构编制: 机关, 事业单位, 群众团体, 其他
  '2': '19', // 外交
  '3': '1234569', // 司法行政: 律师事务所, 公证处, 法律服务所, 司法鉴定, 仲裁委员会, 其他
  '4': '19', // 文化
  '5': '1239', // 民政: 社会团体, 民办非企业单位, 基金会, 其他
  '6': '129', // 旅游
  '7': '129', // 宗教
  '8': '19', // 工会
  '9': '123', // 工商: 企业, 个体工商户, 农民专业合作社
  A: '19', // 中央军委改革和编制办公室
  N: '1239', // 农业: 集体经济组织
  Y: '1', // 其他
};

/** First two digits of GB/T 2260 division codes (10 = registered centrally, e.g. 12100000…). */
const PROVINCES = new Set(
  '10 11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(
    ' ',
  ),
);

export const CREDIT_CODE_REASONS = [
  'length',
  'charset',
  'registration_authority',
  'division_code',
  'organisation_code_check',
  'check_character',
] as const;
export type CreditCodeReason = (typeof CREDIT_CODE_REASONS)[number];

export type CreditCodeCheck =
  | { ok: true; code: string }
  | { ok: false; code: string; reason: CreditCodeReason };

/** NFKC folds full-width characters typed with a Chinese IME ('９１３５…') to ASCII. */
export function normaliseCreditCode(raw: string): string {
  return raw.normalize('NFKC').trim().toUpperCase();
}

/** GB 11714 check character of an 8-character organisation code body (letters A–Z count 10–35). */
export function organisationCodeCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number.parseInt(body[i]!, 36) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** GB 32100 check character of the first 17 characters (all from the 31-character alphabet). */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Normalises and validates a code; the reason names the first rule it breaks, in the standard's order. */
export function checkCreditCode(raw: string): CreditCodeCheck {
  const code = normaliseCreditCode(raw);
  const fail = (reason: CreditCodeReason): CreditCodeCheck => ({ ok: false, code, reason });
  if (code.length !== 18) return fail('length');
  if ([...code].some((ch) => !CREDIT_CODE_ALPHABET.includes(ch))) return fail('charset');
  if (!AUTHORITY_TYPES[code[0]!]?.includes(code[1]!)) return fail('registration_authority');
  if (!/^\d{6}$/.test(code.slice(2, 8)) || !PROVINCES.has(code.slice(2, 4))) return fail('division_code');
  if (organisationCodeCheck(code.slice(8, 16)) !== code[16]) return fail('organisation_code_check');
  if (creditCodeCheckCharacter(code.slice(0, 17)) !== code[17]) return fail('check_character');
  return { ok: true, code };
}
