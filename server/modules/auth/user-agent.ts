/**
 * A User-Agent header in words ("Firefox 133 · Windows") so that a user can tell their sessions apart
 * (ASVS 7.5.2). Only the common browsers and systems are named; anything else keeps its first product
 * token ("curl 8.5"), and nothing at all gives null. The words are product names, the same in every
 * language.
 */
const BROWSERS: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/OPR\/(\d+)/, 'Opera'],
  [/Firefox\/(\d+)/, 'Firefox'],
  [/FxiOS\/(\d+)/, 'Firefox'],
  [/CriOS\/(\d+)/, 'Chrome'],
  [/Chrom(?:e|ium)\/(\d+)/, 'Chrome'],
  [/Version\/(\d+)[.\d]* (?:Mobile\/\S+ )?Safari\//, 'Safari'],
];
const SYSTEMS: [RegExp, string][] = [
  [/Windows NT/, 'Windows'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Android/, 'Android'],
  [/CrOS/, 'ChromeOS'],
  [/HarmonyOS|OpenHarmony/, 'HarmonyOS'],
  [/Linux/, 'Linux'],
];

export function describeUserAgent(ua: string | null): string | null {
  if (!ua?.trim()) return null;
  const system = SYSTEMS.find(([re]) => re.test(ua))?.[1];
  for (const [re, name] of BROWSERS) {
    const m = re.exec(ua);
    if (m) return system ? `${name} ${m[1]} · ${system}` : `${name} ${m[1]}`;
  }
  const first = /^([A-Za-z][\w.-]*)\/(\d+(?:\.\d+)?)/.exec(ua.trim());
  if (first) return system ? `${first[1]} ${first[2]} · ${system}` : `${first[1]} ${first[2]}`;
  return system ?? null;
}
