import { inflateSync } from 'node:zlib';

/**
 * The text a PDF shows, one line per text-showing operator, for tests: streams are inflated, glyph ids of
 * embedded fonts are mapped back to characters through each font's ToUnicode CMap, and standard fonts
 * are read as single-byte text. Enough for what pdfkit writes; not a general PDF reader.
 */
export function pdfText(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const objects = new Map<string, { dict: string; stream: Buffer | null }>();
  for (const m of raw.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2] ?? '';
    const s = /stream\r?\n([\s\S]*?)\r?\nendstream/.exec(body);
    const dict = s ? body.slice(0, s.index) : body;
    let stream: Buffer | null = null;
    if (s) {
      const bytes = Buffer.from(s[1] ?? '', 'latin1');
      stream = /\/FlateDecode/.test(dict) ? inflateSync(bytes) : bytes;
    }
    objects.set(m[1] ?? '', { dict, stream });
  }
  // Font resource names (/F1 …) to font objects; pdfkit names each font once per document.
  const cmaps = new Map<string, Map<number, string>>();
  for (const { dict } of objects.values()) {
    for (const f of dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = objects.get(f[2] ?? '');
      const toUnicode = font && /\/ToUnicode (\d+) 0 R/.exec(font.dict)?.[1];
      const cmap = toUnicode ? objects.get(toUnicode)?.stream : null;
      if (cmap) cmaps.set(f[1] ?? '', parseCmap(cmap.toString('latin1')));
    }
  }
  const lines: string[] = [];
  for (const { stream } of objects.values()) {
    if (!stream) continue;
    const content = stream.toString('latin1');
    if (!/T[Jj]/.test(content)) continue;
    let cmap: Map<number, string> | undefined;
    for (const op of content.matchAll(
      /\/(F\d+) [\d.]+ Tf|\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g,
    )) {
      if (op[1]) {
        cmap = cmaps.get(op[1]);
        continue;
      }
      const hexes =
        op[2] !== undefined ? [...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1] ?? '') : [op[3] ?? ''];
      lines.push(hexes.map((h) => decode(h, cmap)).join(''));
    }
  }
  return lines;
}

function decode(hex: string, cmap: Map<number, string> | undefined): string {
  if (!cmap) return Buffer.from(hex, 'hex').toString('latin1');
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4)
    out += cmap.get(Number.parseInt(hex.slice(i, i + 4), 16)) ?? '\uFFFD';
  return out;
}

const unicode = (spaced: string): string => {
  const hex = spaced.replace(/\s+/g, '');
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(Number.parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
};

function parseCmap(text: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const body = block[1] ?? '';
    for (const r of body.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]*>)/g)) {
      const start = Number.parseInt(r[1] ?? '0', 16);
      const end = Number.parseInt(r[2] ?? '0', 16);
      const target = r[3] ?? '';
      if (target.startsWith('[')) {
        let g = start;
        for (const u of target.matchAll(/<([0-9a-fA-F\s]*)>/g)) map.set(g++, unicode(u[1] ?? ''));
      } else {
        const base = Number.parseInt(target.slice(1, -1), 16);
        for (let g = start; g <= end; g++) map.set(g, String.fromCharCode(base + g - start));
      }
    }
  }
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const c of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set(Number.parseInt(c[1] ?? '0', 16), unicode(c[2] ?? ''));
  }
  return map;
}
