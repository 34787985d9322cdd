import { inflateSync } from 'node:zlib';

/**
 * The text a PDF shows, one line per text-showing operator, for tests: streams are inflated, glyph ids of
 * embedded fonts are mapped back to characters through each font's ToUnicode CMap, and standard fonts
 * are read as single-byte text. Enough for what pdfkit writes; not a general PDF reader.
 */
export function pdfText(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const objects = new Map<string, { dict: string; stream: Buffer | null }>();
  // Objects are read by their stream's /Length (pdfkit writes it directly), not by searching for
  // "endstream": a compressed font program may hold those bytes by chance.
  const header = /(\d+) 0 obj\s*/g;
  for (let m = header.exec(raw); m; m = header.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endobj', start);
    const streamAt = raw.indexOf('stream', start);
    const length = /\/Length (\d+)\b(?! \d+ R)/.exec(raw.slice(start, streamAt === -1 ? start : streamAt));
    let dict: string;
    let stream: Buffer | null = null;
    if (streamAt !== -1 && streamAt < end && length) {
      dict = raw.slice(start, streamAt);
      const from = raw[streamAt + 6] === '\r' ? streamAt + 8 : streamAt + 7;
      const bytes = Buffer.from(raw.slice(from, from + Number(length[1])), 'latin1');
      stream = /\/FlateDecode/.test(dict) ? inflateSync(bytes) : bytes;
      header.lastIndex = raw.indexOf('endobj', from + Number(length[1]));
    } else {
      dict = raw.slice(start, end);
      header.lastIndex = end;
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
