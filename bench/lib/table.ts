import type { Table } from './types.js';

/** Plain-text table with aligned columns; numeric columns are right-aligned. */
export function renderTable(table: Table, indent = ''): string {
  const numeric = new Set(table.numeric ?? []);
  const widths = table.header.map((h, i) =>
    Math.max(h.length, ...table.rows.map((r) => (r[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    indent +
    cells
      .map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const rule = indent + widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(table.header), rule, ...table.rows.map(line)].join('\n');
}
