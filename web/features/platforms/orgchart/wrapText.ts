/** Rough advance of a character at a font size: enough to wrap labels before ECharts would cut them. */
function charWidth(c: string, size: number): number {
  if (/[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(c)) return size;
  if (c === ' ') return size * 0.3;
  if (/[A-Z]/.test(c)) return size * 0.7;
  if (/[a-z0-9]/.test(c)) return size * 0.57;
  return size * 0.45;
}

export const textWidth = (s: string, size: number) => [...s].reduce((w, c) => w + charWidth(c, size), 0);

/**
 * Breaks a label into at most `maxLines` lines of `maxWidth` pixels: between words in Latin text, between
 * any two characters in Chinese; what does not fit ends in an ellipsis.
 */
export function wrapText(text: string, maxWidth: number, size: number, maxLines = 2): string[] {
  // Words keep their trailing space; a Chinese character is a word of its own.
  const words = text.match(/[\p{Script=Han}]|[^\s\p{Script=Han}]+\s*|\s+/gu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && textWidth((line + word).trimEnd(), size) > maxWidth) {
      lines.push(line.trimEnd());
      line = word.trimStart();
    } else {
      line += word;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  if (lines.length <= maxLines && lines.every((l) => textWidth(l, size) <= maxWidth)) return lines;
  const kept = lines.slice(0, maxLines);
  let last =
    kept.length < lines.length
      ? `${kept[kept.length - 1]} ${lines.slice(maxLines).join(' ')}`
      : kept[kept.length - 1]!;
  if (textWidth(last, size) > maxWidth) {
    while (last.length > 1 && textWidth(`${last}…`, size) > maxWidth) last = last.slice(0, -1);
    last = `${last.trimEnd()}…`;
  }
  kept[kept.length - 1] = last;
  return kept;
}
