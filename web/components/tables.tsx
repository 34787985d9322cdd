import { Tooltip } from 'antd';
import type { KeyboardEvent } from 'react';

// The shared column shapes of the app's tables (issue 12 item 14): a table wider than its page scrolls
// sideways (`scroll={WIDE}`) instead of squeezing a column to one character a line, long text ends in an
// ellipsis with the whole text in a tooltip, and the actions stay at the right edge in view.

/** A table that scrolls sideways when its columns need more room than the page gives. */
export const WIDE = { x: 'max-content' } as const;

/** A column of `width` px whose text stays on one line, cut with an ellipsis; the whole text in a tooltip. */
export function clipped<T>(width: number, text: (row: T) => string | null | undefined) {
  return {
    width,
    ellipsis: { showTitle: false },
    render: (_: unknown, row: T) => {
      const s = text(row) || '—';
      return (
        <Tooltip title={s} placement="topLeft">
          <span>{s}</span>
        </Tooltip>
      );
    },
  };
}

/**
 * A column showing a row's free text as it is (a title, a description, a reason): `width` px on one line,
 * cut with an ellipsis, the whole text in a tooltip. `clipped` does the same for text a row computes.
 */
export function clippedText(width: number) {
  return {
    width,
    ellipsis: { showTitle: false },
    render: (value: string | null | undefined) => (
      <Tooltip title={value || undefined} placement="topLeft">
        <span>{value || '—'}</span>
      </Tooltip>
    ),
  };
}

/**
 * The actions column: fixed to the table's right edge, so it stays in view while the rest scrolls. Without
 * a width it takes its buttons' width (the table measures it).
 */
export const actions = (width?: number) => ({ fixed: 'right' as const, width });

/**
 * The row props of a table whose rows open their record (a drawer, a detail page) when clicked: the row is
 * also a tab stop that Enter or Space opens, so a keyboard opens what a mouse does. A key pressed on a
 * link or button inside the row is left to it.
 */
export function openableRow(open: () => void) {
  return {
    onClick: open,
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => {
      if (e.target !== e.currentTarget || (e.key !== 'Enter' && e.key !== ' ')) return;
      e.preventDefault();
      open();
    },
    tabIndex: 0,
    style: { cursor: 'pointer' },
  };
}

/** A cell kept on one line (amounts, totals, dates): it never wraps a figure in two. */
export const oneLine = { style: { whiteSpace: 'nowrap' as const } };

/**
 * A table that scrolls sideways is a scroll region, and one with no link or button inside could not be
 * scrolled from the keyboard (axe: scrollable-region-focusable, serious). antd gives no prop for its scroll
 * container, so every table's container is made focusable (tabindex 0) as it appears, once for the app.
 */
export function focusableTableScrolls(root: HTMLElement): () => void {
  const mark = () => {
    for (const el of root.querySelectorAll<HTMLElement>(
      '.ant-table-content:not([tabindex]), .ant-table-body:not([tabindex])',
    ))
      el.tabIndex = 0;
  };
  const observer = new MutationObserver(mark);
  observer.observe(root, { childList: true, subtree: true });
  mark();
  return () => observer.disconnect();
}
