import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A font that can draw Chinese: the file and, for a collection (.ttc), the face inside it. */
export interface CjkFont {
  path: string;
  /** PostScript name of the face in a collection; undefined for a single-face file. */
  face?: string;
  data: Buffer;
}

const require = createRequire(import.meta.url);

/**
 * Noto Sans Hans Regular from the npm package `@embedpdf/fonts-sc` (OFL-1.1), a dependency of the server:
 * every PDF draws Chinese with the same font on every machine, whatever fonts the system has installed.
 * pdfkit embeds only the glyphs a document uses (subsetting), so the 16 MB file costs a PDF a few kB.
 */
const PACKAGED = 'NotoSansHans-Regular.otf';

let cached: CjkFont | null | undefined;

/**
 * The packaged Chinese font, read once per process. Null only on an installation that lacks the
 * package (a broken install); the exports then fall back to English labels and say so.
 */
export function findCjkFont(): CjkFont | null {
  if (cached !== undefined) return cached;
  try {
    // The package exports only its entry (dist/index.*); the fonts sit beside it in fonts/.
    const path = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts', PACKAGED);
    cached = { path, data: readFileSync(path) };
  } catch {
    cached = null;
  }
  return cached;
}
