import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The two laptop sizes the pages are laid out for (issue 12 items 10 and 14). */
export const LAPTOPS = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
] as const;

/**
 * Measures a list table at 1,280 × 800 and 1,440 × 900: no header or cell of its first rows is squeezed
 * to a character or two a line (more than two lines of under four characters each), and its 操作 column,
 * when it has one, ends inside the window. Leaves the window at 1,440 × 900, the tests' size.
 */
export async function expectTableFits(page: Page, table: Locator, where: string): Promise<void> {
  for (const size of LAPTOPS) {
    await page.setViewportSize(size);
    const squeezed = await table.evaluate((el) => {
      const out: string[] = [];
      const cells = [
        ...el.querySelectorAll('thead th'),
        ...[...el.querySelectorAll('tbody tr.ant-table-row')].slice(0, 5).flatMap((r) => [...r.children]),
      ];
      for (const cell of cells) {
        const text = (cell.textContent ?? '').trim();
        if (text.length < 4) continue;
        const range = document.createRange();
        range.selectNodeContents(cell);
        const lines = new Set(
          [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)),
        ).size;
        if (lines > 2 && text.length / lines < 4) out.push(`${text.slice(0, 30)} (${lines} lines)`);
      }
      return out;
    });
    expect(squeezed, `${where} at ${size.width} px`).toEqual([]);
    const actions = table.getByRole('columnheader', { name: '操作', exact: true });
    if ((await actions.count()) > 0) {
      const box = (await actions.boundingBox())!;
      expect(box.x + box.width, `${where}: 操作 at ${size.width} px`).toBeLessThanOrEqual(size.width);
    }
  }
  await page.setViewportSize(LAPTOPS[1]);
}
