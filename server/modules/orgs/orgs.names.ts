/**
 * Name keys and similarity for finding duplicate organisations. Pure functions; the registry stores
 * name_key so exact-key duplicates are one indexed query.
 */

// Longest first: each pass strips one suffix from the end, so "集团股份有限公司" loses both parts.
const ZH_SUFFIXES = [
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '股份公司',
  '集团公司',
  '总公司',
  '分公司',
  '公司',
  '集团',
];

// Trailing words of English and European legal forms ("Co., Ltd." becomes the tokens co + ltd).
const EN_SUFFIXES = new Set([
  'co',
  'company',
  'ltd',
  'limited',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'llc',
  'llp',
  'plc',
  'gmbh',
  'ag',
  'kg',
  'sa',
  'sarl',
  'srl',
  'spa',
  'bv',
  'nv',
  'ab',
  'oy',
  'pty',
  'group',
]);

/**
 * The normalised name: NFKC (full-width to ASCII), lower case, legal-form suffixes removed,
 * spaces and punctuation dropped. "Acme Co., Ltd." and "ACME Co Ltd" both give "acme".
 */
export function nameKey(name: string): string {
  const folded = name.normalize('NFKC').toLowerCase();
  const tokens = folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  while (tokens.length > 1 && EN_SUFFIXES.has(tokens.at(-1)!)) tokens.pop();
  let key = tokens.join('');
  for (let stripped = true; stripped; ) {
    stripped = false;
    for (const suffix of ZH_SUFFIXES) {
      if (key.endsWith(suffix) && key.length > suffix.length) {
        key = key.slice(0, -suffix.length);
        stripped = true;
        break;
      }
    }
  }
  return key || tokens.join('');
}

/** Character bigrams of a key (a one-character key is its own "bigram"), as a set. */
export function bigrams(key: string): Set<string> {
  const chars = [...key];
  if (chars.length < 2) return new Set(chars);
  const out = new Set<string>();
  for (let i = 0; i < chars.length - 1; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

/** Sørensen–Dice coefficient over character bigrams: 1 for equal keys, 0 for nothing in common. */
export function diceSimilarity(a: string, b: string): number {
  if (a === b) return a ? 1 : 0;
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size + y.size === 0) return 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return (2 * shared) / (x.size + y.size);
}
