import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** A font that can draw Chinese: the file and, for a collection (.ttc), the face inside it. */
export interface CjkFont {
  path: string;
  /** PostScript name of the face in a collection; undefined for a single-face file. */
  face?: string;
  data: Buffer;
}

/**
 * Known places of a Simplified-Chinese font, most likely first: Debian/Ubuntu (fonts-noto-cjk, which CI
 * installs), Fedora/Arch/Alpine Noto CJK, WenQuanYi, macOS and Windows system fonts. Nothing is
 * downloaded: when none is on the machine, the PDF is made with English labels and says so.
 */
const KNOWN: readonly { path: string; face?: string }[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', face: 'WenQuanYiMicroHei' },
  { path: '/System/Library/Fonts/PingFang.ttc', face: 'PingFangSC-Regular' },
  { path: 'C:\\Windows\\Fonts\\msyh.ttc', face: 'MicrosoftYaHei' },
];

/** Asks fontconfig for a face that covers Simplified Chinese; null when fc-match is missing or finds none. */
function fromFontconfig(): { path: string; face?: string } | null {
  try {
    const out = execFileSync('fc-match', ['-f', '%{file}\n%{postscriptname}\n', 'sans-serif:lang=zh-cn'], {
      encoding: 'utf8',
      timeout: 5000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const [file, face] = out.split('\n');
    if (!file || !/\.(ttc|otf|ttf)$/i.test(file) || !existsSync(file)) return null;
    // fc-match always answers with something; only a face that has Chinese in its language set counts.
    const langs = execFileSync('fc-query', ['-f', '%{lang}\n', file], {
      encoding: 'utf8',
      timeout: 5000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    if (!/\bzh-cn\b/.test(langs)) return null;
    return /\.ttc$/i.test(file) && face ? { path: file, face } : { path: file };
  } catch {
    return null;
  }
}

let cached: CjkFont | null | undefined;

/** The machine's Chinese font, looked up once per process (a CJK collection is about 20 MB). */
export function findCjkFont(): CjkFont | null {
  if (cached !== undefined) return cached;
  const hit = KNOWN.find((k) => existsSync(k.path)) ?? fromFontconfig();
  cached = hit ? { ...hit, data: readFileSync(hit.path) } : null;
  return cached;
}
