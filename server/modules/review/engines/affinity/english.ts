// English normalisation for the lexical affinity model: stop words and a deliberately light stemmer.
// Light, because Porter-style stemming merges technical terms that must stay apart (e.g. "metal"/"metallic"
// are fine to merge, "organ"/"organic" are not), and because glossary phrases go through the same steps.

const STOP = `a about above after again against all also an and any are as at be because been before being
below between both but by can could did do does doing down during each either few for from further had has
have having here how however i if in into is it its itself just least less many may more most much must my
no nor not now of off on once only or other our out over own per same shall should since so some such than
that the their them then there these they this those through thus to too under until up upon us use used
using very via was we were what when where whether which while who whom why will with within without would
yet you your based new novel study studies research approach method methods toward towards`;

/** English stop words (function words plus research boilerplate that says nothing about the topic). */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(STOP.split(/\s+/));

// British spellings folded to American so "fibre"/"fiber", "optimisation"/"optimization" meet.
const SPELLING: [RegExp, string][] = [
  [/^aluminium$/, 'aluminum'],
  [/^sulph/, 'sulf'],
  [/isation$/, 'ization'],
  [/isations$/, 'izations'],
  [/is(e|ed|es|ing)$/, 'iz$1'],
  [/yse(d|s)?$/, 'yze$1'],
  [/our(s)?$/, 'or$1'],
  [/([bt])re(s)?$/, '$1er$2'],
  [/ae/, 'e'],
];

/** Folds British spellings to American ones (only for words long enough to be safe). */
export function foldSpelling(word: string): string {
  if (word.length < 6)
    return word === 'fibre' || word === 'metre' || word === 'centre' ? `${word.slice(0, -2)}er` : word;
  let w = word;
  for (const [re, to] of SPELLING) w = w.replace(re, to);
  return w;
}

/** Light suffix stripping: plurals, -ing, -ed, final -e; enough to merge inflections of one term. */
export function stem(input: string): string {
  let w = foldSpelling(input);
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(ch|sh|x|zz)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is|sis)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  // "runn" (running) → "run": drop a doubled final consonant left by -ing/-ed.
  if (/([bdgmnprt])\1$/.test(w) && w.length > 4) w = w.slice(0, -1);
  return w;
}
